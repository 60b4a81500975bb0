// The calculus that lowering needs: derivative references inside expressions, sigma'(h) and f'(x).
import type { EvalEnv, Matrix, Node } from '../ir/types';
import type { Builder } from '../ir/build';
import type { Graph } from '../ir/graph';
import { builtinDerivative, primeDerivative } from '../diff/index';
import type { Calculus, Lowering } from '../resolve/lower';
import { DerivativeRef, InformalReference, derivativeMeaning, type MeaningFunction } from './meaning';
import { indexedMeaning } from './indexed';

/**
 * Values of leaves that stand for Jacobians only known numerically (large or symbolic sizes): the leaf's
 * name → how to compute it at a point from the other values.
 */
export type DerivedLeaves = Map<string, (env: EvalEnv) => Matrix>;

export interface ChainruleCalculus extends Calculus {
  derivedLeaves: DerivedLeaves;
  /** The meaning of a derivative reference, for references inside expressions and claim targets alike. */
  meaning: MeaningFunction;
}

/**
 * `meaning` gives derivative references their value; a grader passes a cached one (src/grade/truthCache.ts).
 * `inherited`: the derived leaves of the calculus of the graph `graph` was forked from.
 */
export function makeCalculus(b: Builder, graph: Graph, meaningOf: MeaningFunction = derivativeMeaning, inherited?: DerivedLeaves): ChainruleCalculus {
  const derivedLeaves: DerivedLeaves = new Map(inherited);
  return {
    derivedLeaves,
    meaning: meaningOf,
    derivativeRef(ref: DerivativeRef, lowering: Lowering): Node {
      const meaning = meaningOf(ref, lowering);
      if (meaning.forms.length === 0) {
        const name = `__jacobian${derivedLeaves.size}`;
        derivedLeaves.set(name, meaning.evaluate!);
        return b.variable(name, meaning.shape);
      }
      const [usual, alternative] = meaning.forms;
      if (alternative) lowering.alternatives.set(usual.id, alternative);
      return usual;
    },
    entrywiseFactor(ref: DerivativeRef, lowering: Lowering): Node {
      try {
        return this.derivativeRef(ref, lowering);
      } catch (err) {
        // A factor of an entrywise product: an entrywise map's derivative entry by entry (src/calculus/entrywiseFactors.ts).
        if (err instanceof InformalReference && err.entrywise) return err.entrywise;
        throw err;
      }
    },
    indexedDerivative(ref: DerivativeRef, lowering: Lowering) {
      const m = indexedMeaning(ref, lowering);
      let node = m.forms[0];
      if (!node) {
        const name = `__jacobian${derivedLeaves.size}`;
        derivedLeaves.set(name, (env) => m.value(env));
        node = b.variable(name, m.shape);
      }
      return { node, ...m.layout };
    },
    primeOfBuiltin: (fn, arg) => builtinDerivative(graph, fn, arg),
    primeOfFunction: (body, arg) => primeDerivative(graph, body, arg),
  };
}
