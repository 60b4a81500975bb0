// The three functions chainrule takes from mathjs, from an instance made of their factories alone: a
// bundler given the factories by name keeps only what they need (loadMathjs.bundled.ts, docs/web.md).
import type * as MathJs from 'mathjs';

export type MathjsFactories = Pick<typeof MathJs, 'create' | 'invDependencies' | 'detDependencies' | 'erfDependencies'>;

export interface ChainruleMathjs {
  inv(rows: number[][]): number[][];
  det(rows: number[][]): number;
  erf(x: number): number;
}

export function mathjsSubset(m: MathjsFactories): ChainruleMathjs {
  const math = m.create({ invDependencies: m.invDependencies, detDependencies: m.detDependencies, erfDependencies: m.erfDependencies });
  return { inv: math.inv as ChainruleMathjs['inv'], det: math.det as ChainruleMathjs['det'], erf: math.erf as ChainruleMathjs['erf'] };
}
