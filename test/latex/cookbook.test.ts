// Matrix-calculus identities as textbooks state them (fixtures/latex/cookbook.md): each numbered item is judged
// as the verdict its comment gives, worked out by hand and checked with numpy (fixtures/latex/cookbook_numpy.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSource } from '../../src/app/check';

/** `line verdict` of each item: the verdict is the first word of the comment above the item. */
function handVerdicts(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let verdict: string | undefined;
  lines.forEach((line, i) => {
    const comment = /^<!-- (correct|incorrect|unjudged):/.exec(line);
    if (comment) verdict = comment[1];
    else if (verdict && /^\d+\. /.test(line)) {
      out.push(`${i + 1} ${verdict}`);
      verdict = undefined;
    }
  });
  return out;
}

describe('fixtures/latex/cookbook.md', () => {
  const file = 'fixtures/latex/cookbook.md';
  const text = readFileSync(file, 'utf8');

  it('has a hand verdict for every item', () => {
    const items = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(handVerdicts(text)).toHaveLength(items);
  });

  it('gives each item the verdict of its comment', () => {
    const claims = checkSource(text, file, 1, { timeMs: Infinity, memoryMb: 512 }).report.claims;
    expect(claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(handVerdicts(text));
  });
});

const verdicts = (md: string) => checkSource(md, 't.md', 1, { timeMs: Infinity, memoryMb: 512 }).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('a name declared with another shape in another question', () => {
  it('samples each question’s X in its own shape', () => {
    const md = [
      '# a', 'Let $X \\in \\mathbb{R}^{n \\times m}$, $A \\in \\mathbb{R}^{m \\times n}$.', '$$\\frac{\\partial \\operatorname{tr}(A X)}{\\partial X} = A^T$$',
      '# b', 'Let $X \\in \\mathbb{R}^{n \\times n}$.', '$$\\frac{\\partial \\log \\det X}{\\partial X} = X^{-T}$$',
    ].join('\n');
    // tr(AX) = Σ A_ji X_ij, so ∂/∂X_ij = A_ji: A^T (n x m, X's shape). log det X has gradient X^{-T} (Jacobi's
    // formula). The second needs the square X of its own question, not the n x m X of the first.
    expect(verdicts(md)).toEqual(['3 correct', '6 correct']);
  });
});

describe('an operator command before a sum', () => {
  it('reads \\log \\sum_i e^{z_i} as the log of the whole sum', () => {
    const md = ['# a', 'Let $z \\in \\mathbb{R}^n$.', '$$\\nabla_z \\log \\sum_{i=1}^{n} e^{z_i} = \\operatorname{softmax}(z)$$', '$$\\nabla_z \\log \\sum_{i=1}^{n} e^{z_i} = e^{z}$$'];
    // ∂/∂z_k log Σ_i e^{z_i} = e^{z_k} / Σ_i e^{z_i}: the softmax, and e^z lacks the normalising sum.
    expect(verdicts(md.join('\n'))).toEqual(['3 correct', '4 incorrect']);
  });
});
