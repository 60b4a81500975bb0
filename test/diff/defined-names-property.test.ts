// Property (issue 11): a derivative with respect to a defined name is right whatever the builder folds.
// Random chains of definitions (scalings, sums, negations, transposes, products with constants and
// matrices, elementwise functions, reductions) are written as .cr text; chainrule's derivative of L with
// respect to every intermediate is compared with central finite differences computed by this file's own
// evaluator of the same chain, which perturbs that intermediate alone (everything before it stays put),
// at several sizes of the symbolic dimension N. Both the checker's meaning of `dL/dt_k` and the grader's
// cached one (src/grade/truthCache.ts) are compared.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeSource } from '../../src/analysis/source';
import { makeCalculus } from '../../src/calculus/index';
import { derivativeMeaning, type DerivativeMeaning, type DerivativeRef } from '../../src/calculus/meaning';
import { MeaningCache } from '../../src/grade/truthCache';
import { evaluate } from '../../src/numeric/evaluate';
import type { EvalEnv, Matrix } from '../../src/ir/types';
import type { Expr } from '../../src/syntax/ast';
import { mulberry32 } from '../../src/numeric/random';

const RUNS = Number(process.env.CHAINRULE_PROPERTY_RUNS ?? 150);
const SIZES = [1, 2, 3];

/** A value of the chain: a 1 x N row (array of N numbers) or a scalar. */
type Value = number[] | number;
interface Leaves {
  x: number[];
  g: number[];
  W: number[][];
  c: number;
}
interface Op {
  /** The shape of the result and of each operand. */
  result: 'row' | 'scalar';
  operands: Array<'row' | 'scalar'>;
  text(args: string[]): string;
  value(args: Value[], leaves: Leaves): Value;
}

const row = (v: Value) => v as number[];
const num = (v: Value) => v as number;
const map = (v: number[], f: (a: number, k: number) => number) => v.map(f);
const times = (r: number[], W: number[][]) => r.map((_, j) => r.reduce((s, a, i) => s + a * W[i][j], 0));
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

const OPS: Op[] = [
  { result: 'row', operands: ['row'], text: ([a]) => `2 ${a}`, value: ([a]) => map(row(a), (v) => 2 * v) },
  { result: 'row', operands: ['row'], text: ([a]) => `${a} / 2`, value: ([a]) => map(row(a), (v) => v / 2) },
  { result: 'row', operands: ['row'], text: ([a]) => `-${a}`, value: ([a]) => map(row(a), (v) => -v) },
  { result: 'row', operands: ['row'], text: ([a]) => `${a} + ${a}`, value: ([a]) => map(row(a), (v) => 2 * v) },
  { result: 'row', operands: ['row', 'row'], text: ([a, b]) => `${a} + ${b}`, value: ([a, b]) => map(row(a), (v, k) => v + row(b)[k]) },
  { result: 'row', operands: ['row', 'row'], text: ([a, b]) => `${a} - ${b}`, value: ([a, b]) => map(row(a), (v, k) => v - row(b)[k]) },
  { result: 'row', operands: ['row', 'row'], text: ([a, b]) => `${a} .* ${b}`, value: ([a, b]) => map(row(a), (v, k) => v * row(b)[k]) },
  { result: 'row', operands: ['row'], text: ([a]) => `${a} W`, value: ([a], l) => times(row(a), l.W) },
  { result: 'row', operands: ['row'], text: ([a]) => `(W ${a}^T)^T`, value: ([a], l) => l.W.map((wi) => wi.reduce((s, w, j) => s + w * row(a)[j], 0)) },
  { result: 'row', operands: ['row'], text: ([a]) => `(${a}^T)^T`, value: ([a]) => row(a) },
  { result: 'row', operands: ['row'], text: ([a]) => `tanh(${a})`, value: ([a]) => map(row(a), Math.tanh) },
  { result: 'row', operands: ['row'], text: ([a]) => `sigma(${a})`, value: ([a]) => map(row(a), sigmoid) },
  { result: 'row', operands: ['row'], text: ([a]) => `exp(${a} / 4)`, value: ([a]) => map(row(a), (v) => Math.exp(v / 4)) },
  { result: 'row', operands: ['row'], text: ([a]) => `c ${a}`, value: ([a], l) => map(row(a), (v) => l.c * v) },
  { result: 'row', operands: ['row'], text: ([a]) => `${a} + x`, value: ([a], l) => map(row(a), (v, k) => v + l.x[k]) },
  { result: 'row', operands: ['row'], text: ([a]) => `${a} .* g`, value: ([a], l) => map(row(a), (v, k) => v * l.g[k]) },
  { result: 'row', operands: ['row', 'row'], text: ([a, b]) => `${a} / (1 + ${b} .* ${b})`, value: ([a, b]) => map(row(a), (v, k) => v / (1 + row(b)[k] ** 2)) },
  { result: 'row', operands: ['scalar', 'row'], text: ([s, a]) => `${s} ${a}`, value: ([s, a]) => map(row(a), (v) => num(s) * v) },
  { result: 'row', operands: ['scalar', 'row'], text: ([s, a]) => `${a} - ${s}`, value: ([s, a]) => map(row(a), (v) => v - num(s)) },
  { result: 'scalar', operands: ['row'], text: ([a]) => `sum(${a})`, value: ([a]) => row(a).reduce((s, v) => s + v, 0) },
  { result: 'scalar', operands: ['row'], text: ([a]) => `sum(${a} .* g)`, value: ([a], l) => row(a).reduce((s, v, k) => s + v * l.g[k], 0) },
  { result: 'scalar', operands: ['row'], text: ([a]) => `mean(${a})`, value: ([a]) => row(a).reduce((s, v) => s + v, 0) / row(a).length },
  { result: 'scalar', operands: ['scalar', 'scalar'], text: ([s, t]) => `${s} ${t}`, value: ([s, t]) => num(s) * num(t) },
  { result: 'scalar', operands: ['scalar'], text: ([s]) => `tanh(${s}) / 3`, value: ([s]) => Math.tanh(num(s)) / 3 },
];

interface Step {
  op: Op;
  /** Operand k is intermediate args[k] (index into the chain; -1 is the leaf x). */
  args: number[];
}

/** A chain t1..tn and L = sum(g .* t_lastRow) + (the last scalar, if any). */
interface Chain {
  steps: Step[];
}

const chainArb: fc.Arbitrary<Chain> = fc
  .array(fc.tuple(fc.nat(OPS.length - 1), fc.array(fc.nat(50), { minLength: 2, maxLength: 2 })), { minLength: 2, maxLength: 7 })
  .map((picks) => {
    const shapes: Array<'row' | 'scalar'> = [];
    const steps: Step[] = [];
    for (const [pick, choice] of picks) {
      // An op whose operands exist so far: rows always do (x); scalars only once one was made.
      const hasScalar = shapes.includes('scalar');
      const usable = OPS.filter((op) => hasScalar || !op.operands.includes('scalar'));
      const op = usable[pick % usable.length];
      const args = op.operands.map((shape, k) => {
        const candidates = shape === 'row' ? [-1, ...shapes.flatMap((s, i) => (s === 'row' ? [i] : []))] : shapes.flatMap((s, i) => (s === 'scalar' ? [i] : []));
        // prefer recent intermediates, so chains are deep
        return candidates[candidates.length - 1 - (choice[k] % Math.min(3, candidates.length))];
      });
      steps.push({ op, args });
      shapes.push(op.result);
    }
    return { steps };
  });

function nameOf(i: number): string {
  return i < 0 ? 'x' : `t${i + 1}`;
}

function lastOf(chain: Chain, shape: 'row' | 'scalar'): number | undefined {
  for (let i = chain.steps.length - 1; i >= 0; i--) if (chain.steps[i].op.result === shape) return i;
  return undefined;
}

function sourceOf(chain: Chain): string {
  const lastRow = lastOf(chain, 'row');
  const lastScalar = lastOf(chain, 'scalar');
  const loss = [`sum(g .* ${nameOf(lastRow ?? -1)})`, ...(lastScalar !== undefined ? [nameOf(lastScalar)] : [])].join(' + ');
  return [
    'x, g : 1 x N',
    'W : N x N',
    'c : scalar',
    ...chain.steps.map((s, i) => `${nameOf(i)} = ${s.op.text(s.args.map(nameOf))}`),
    `L = ${loss}`,
  ].join('\n');
}

/** L of the chain, with intermediate `moved` given the value `to` instead of its definition's. */
function loss(chain: Chain, leaves: Leaves, moved?: number, to?: Value): number {
  const values: Value[] = [];
  const valueOf = (i: number): Value => (i < 0 ? leaves.x : values[i]);
  chain.steps.forEach((s, i) => values.push(i === moved ? to! : s.op.value(s.args.map(valueOf), leaves)));
  const lastRow = lastOf(chain, 'row');
  const lastScalar = lastOf(chain, 'scalar');
  const r = row(valueOf(lastRow ?? -1));
  return r.reduce((s, v, k) => s + v * leaves.g[k], 0) + (lastScalar !== undefined ? num(values[lastScalar]) : 0);
}

/** dL/dt_k by central differences, t_k moved alone; an array shaped like t_k. */
function finiteDifferences(chain: Chain, leaves: Leaves, k: number): number[] {
  const values: Value[] = [];
  const valueOf = (i: number): Value => (i < 0 ? leaves.x : values[i]);
  chain.steps.forEach((s) => values.push(s.op.value(s.args.map(valueOf), leaves)));
  const at = values[k];
  const h = 1e-5;
  const entries = typeof at === 'number' ? [at] : at;
  return entries.map((v, e) => {
    const moved = (delta: number): Value => (typeof at === 'number' ? v + delta : at.map((w, j) => (j === e ? w + delta : w)));
    return (loss(chain, leaves, k, moved(h)) - loss(chain, leaves, k, moved(-h))) / (2 * h);
  });
}

function randomLeaves(n: number, random: () => number): Leaves {
  const vec = () => Array.from({ length: n }, () => 2 * random() - 1);
  return { x: vec(), g: vec(), W: Array.from({ length: n }, vec), c: 2 * random() - 1 };
}

function envOf(leaves: Leaves, n: number): EvalEnv {
  const rowMatrix = (v: number[]): Matrix => ({ rows: 1, cols: n, data: Float64Array.from(v) });
  const values = new Map<string, Matrix>([
    ['x', rowMatrix(leaves.x)],
    ['g', rowMatrix(leaves.g)],
    ['W', { rows: n, cols: n, data: Float64Array.from(leaves.W.flat()) }],
    ['c', { rows: 1, cols: 1, data: Float64Array.of(leaves.c) }],
  ]);
  return { values, sizes: new Map([['N', n]]) };
}

const NOWHERE = { line: 1, column: 1, endLine: 1, endColumn: 1 };
function reference(of: string, wrt: string): DerivativeRef {
  const name = (n: string): Expr => ({ kind: 'name', name: n, text: n, span: NOWHERE });
  return { kind: 'deriv', form: 'frac', of: name(of), wrt: [name(wrt)], span: NOWHERE };
}

describe('derivatives with respect to defined names', () => {
  let compared = 0;

  it('agree with finite differences that move the intermediate alone, folded or not', () => {
    fc.assert(
      fc.property(chainArb, fc.integer({ min: 1, max: 2 ** 30 }), (chain, seed) => {
        const source = sourceOf(chain);
        const meanings: Array<[string, (ref: DerivativeRef) => DerivativeMeaning, ReturnType<typeof analyzeSource>]> = [];
        const checker = analyzeSource(source, 'chain.cr', makeCalculus);
        meanings.push(['check', (ref) => derivativeMeaning(ref, checker.problems[0].lowering), checker]);
        const cache = new MeaningCache(1);
        const grader = analyzeSource(source, 'chain.cr', (b, g) => makeCalculus(b, g, cache.meaning));
        meanings.push(['grade', (ref) => cache.meaning(ref, grader.problems[0].lowering), grader]);
        const random = mulberry32(seed);
        for (const n of SIZES) {
          const leaves = randomLeaves(n, random);
          chain.steps.forEach((_, k) => {
            const numeric = finiteDifferences(chain, leaves, k);
            for (const [who, meaningOf] of meanings) {
              const m = meaningOf(reference('L', nameOf(k)));
              const symbolic = m.forms.length ? evaluate(m.forms[0], envOf(leaves, n)) : m.evaluate!(envOf(leaves, n));
              const scale = Math.max(1, ...numeric.map(Math.abs));
              symbolic.data.forEach((v, e) => {
                if (!(Math.abs(v - numeric[e]) <= 1e-6 * scale)) {
                  throw new Error(`${who}: dL/d${nameOf(k)} entry ${e + 1} at N = ${n} is ${v}, finite differences say ${numeric[e]}\n${source}`);
                }
              });
              compared++;
            }
          });
        }
      }),
      { numRuns: RUNS, seed: 20261206 },
    );
    // Every run compares each intermediate at each size, in the checker and in the grader.
    expect(compared).toBeGreaterThanOrEqual(RUNS * SIZES.length * 2 * 2);
  });

  it('include the cases that folding used to get wrong', () => {
    // dL/dxq = g: L = sum(g .* xq) is linear in xq with coefficient g, whatever xq is defined as. The
    // builder folds x / 2, 2 x and x + x into L (L = sum(g .* x) / 2), so xq's node is not in L's graph.
    for (const definition of ['x / 2', '2 x', 'x + x', '(x - mu) / sqrt(v + epsilon)']) {
      const source = `x, g : 1 x N\nmu, v, epsilon : scalar\nxq = ${definition}\nL = sum(g .* xq)`;
      const analysis = analyzeSource(source, 'fold.cr', makeCalculus);
      const m = derivativeMeaning(reference('L', 'xq'), analysis.problems[0].lowering);
      const env = envOf(randomLeaves(3, mulberry32(7)), 3);
      for (const name of ['mu', 'v', 'epsilon']) env.values.set(name, { rows: 1, cols: 1, data: Float64Array.of(0.5) });
      expect([...evaluate(m.forms[0], env).data], definition).toEqual([...env.values.get('g')!.data]);
    }
  });
});
