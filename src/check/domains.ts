// "It holds only if…": a wrong step that becomes right when one variable is restricted to a domain
// (the rows of y summing to 1, x positive) gets that said, since that is usually what the author assumed.
import type { Domain } from '../syntax/ast';
import type { Node } from '../ir/types';
import { topologicalOrder } from '../ir/inspect';
import type { Scope } from '../resolve/scope';
import type { Graph } from '../ir/graph';
import type { DerivedLeaves } from '../calculus/index';
import type { Truth } from './truth';
import { holdsUnder } from './evaluator';

const MAX_CANDIDATES = 4;

const WORDING: Partial<Record<Domain, (name: string) => string>> = {
  simplex: (n) => `the entries of ${n} sum to 1 (declare ${n} \`onehot\` or \`simplex\` if that is meant)`,
  positive: (n) => `${n} is positive (declare ${n} \`positive\` if that is meant)`,
  symmetric: (n) => `${n} is symmetric, ${n} = ${n}^T (declare ${n} \`symmetric\` if that is meant)`,
};

/** The name whose domain would make the step right, and the hint that says so. */
export interface DomainHint {
  name: string;
  domain: Domain;
  text: string;
}

export function domainHint(step: Node, truth: Truth, graph: Graph, scope: Scope, derived: DerivedLeaves, seed: number): DomainHint | undefined {
  const candidates = topologicalOrder([step, ...truth.forms])
    .filter((n) => n.op === 'var' && scope.declarations.has(n.attrs.name!) && !scope.declarations.get(n.attrs.name!)!.domain)
    .slice(0, MAX_CANDIDATES);
  for (const leaf of candidates) {
    const name = leaf.attrs.name!;
    const square = leaf.shape[0] === leaf.shape[1] && leaf.shape[0] !== 1;
    for (const domain of Object.keys(WORDING) as Domain[]) {
      if (domain === 'symmetric' && !square) continue;
      const declarations = new Map(scope.declarations);
      declarations.set(name, { ...declarations.get(name)!, domain });
      if (holdsUnder(graph, { ...scope, declarations }, derived, seed, truth.value, truth.forms, step)) return { name, domain, text: `this holds only when ${WORDING[domain]!(name)}` };
    }
  }
  return undefined;
}
