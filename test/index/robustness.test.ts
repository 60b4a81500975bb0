// Random index expressions (valid or not) never crash chainrule and never reach an internal error: every
// mistake is a diagnostic or a verdict. Seeded, so a failure names its input.
import { expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { mulberry32 } from '../../src/numeric/random';

const DECLS = `X : B x M
W : M x C
V : C x C
x, w : M x 1
r : 1 x C
y : B x C onehot
f : function
g(a, b) : function
K(u) : scalar
s = softmax(X W)
L = sum(y .* log(s)) + K(w)
`;

const TARGETS = ['dL/dW_ij', 'dL/dW', 'dL/dx_j', 'ds_ij/dX_nk', 'dL/dw', 'dL/dX^(n)', 'q'];
const INDICES = ['i', 'j', 'k', 'n'];

function generator(seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const atom = (): string => {
    const i = pick(INDICES);
    const j = pick(INDICES);
    return pick([
      `x_${i}`, `W_${i}${j}`, `W_{${i},${j}}`, `V_${i}${j}`, `V_${i}${i}`, `r_${i}`, `x^(${i})`, `X^(${i})`, `X_${i}${j}`, `delta_${i}${j}`,
      `1(y^(${i}) = ${j})`, `s_${i}${j}`, 'w', '2', '½', `f(x_${i})`, 'g(w, x)', `f'(r_${i})`, `dL/dW_${i}${j}`, 'dL/dx', 'df/dx',
      `softmax_${j}(X^(${i}) W)`, `r_${i}(1 - r_${i})`,
    ]);
  };
  const expr = (depth: number): string => {
    if (depth <= 0) return atom();
    const a = () => expr(depth - 1);
    return pick([
      () => `sum_${pick(INDICES)} ${a()}`, () => `(${a()} + ${a()})`, () => `${a()} ${a()}`, () => `${a()} .* ${a()}`,
      () => `sigma(${a()})`, () => `(${a()})^T`, () => `sum(${pick(INDICES)}, ${a()})`, () => `-${a()}`, () => `${a()} / ${a()}`,
    ])();
  };
  return () => `${pick(TARGETS)} = ${expr(2 + Math.floor(random() * 2))}\n`;
}

it('checks 300 random index claims without crashing or an internal error', () => {
  const next = generator(2024);
  for (let k = 0; k < 300; k++) {
    const claim = next();
    const { report, diagnostics } = checkSource(DECLS + claim, 'r.cr');
    const internal = [...diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message), ...report.claims.flatMap((c) => c.steps.filter((s) => /bug in chainrule/.test(s.message)).map((s) => s.message))];
    expect(internal, claim).toEqual([]);
  }
});
