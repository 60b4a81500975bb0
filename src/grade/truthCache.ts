// Derivatives shared across submissions. Most of the time of checking a claim goes into differentiating
// and simplifying its target, and every student's dL/dW1 is the same derivative of the same problem. So
// the meaning of a derivative reference is computed once per worker and copied, node by node, into each
// submission's graph (hash-consing makes the copy meet the nodes the submission's lowering already made).
//
// Determinism: an entry is computed in a fresh graph holding only a structural copy of the function and
// the variables, so it is a function of their structure alone, never of which submission asked first.
// Each submission still gets its own graph (node ids, and through them some printing orders, depend on
// a graph's history).
import type { Graph } from '../ir/graph';
import { Graph as FreshGraph } from '../ir/graph';
import { Builder } from '../ir/build';
import type { Node, Shape } from '../ir/types';
import { topologicalOrder } from '../ir/inspect';
import { InformalReference, bindInputs, definedInputs, derivativeMeaning, requireDefinedFunction, isContextualReference, meaningOfNodes, meaningWithInputs, type DerivativeKind, type DerivativeMeaning, type DerivativeRef, type Inputs, type MeaningFunction } from '../calculus/meaning';
import { LowerError, type Lowering } from '../resolve/lower';
import { error } from '../diagnostics';
import type { Span } from '../syntax/ast';
import { isScalarShape } from '../ir/types';
import { evaluate } from '../numeric/evaluate';
import { ClaimEvaluator, envOf } from '../check/evaluator';
import { crossCheckMeaning } from '../check/crosscheck';

type Entry =
  /** `crossCheck`: set when the derivative disagrees with finite differences (a chainrule bug). */
  | { kind: 'meaning'; claimKind: DerivativeKind; forms: Node[]; shape: Shape; crossCheck?: string; copies: WeakMap<Graph, Node[]> }
  | { kind: 'informal' }
  /** Errors (reported with the submission's own spans) and Jacobians known only numerically. */
  | { kind: 'uncached' };

/** Beyond this many distinct derivatives the cache starts over (a bound on memory, not a tuning knob). */
const MAX_ENTRIES = 2000;

/** A derivative that failed its cross-check, where a submission used it. */
export interface CrossCheckFailure {
  span: Span;
  message: string;
}

export class MeaningCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keys = new StructureKeys();
  private failures: CrossCheckFailure[] = [];

  /** `seed` places the cross-check's sample point, as `--seed` places every other. */
  constructor(private readonly seed: number) {}

  /** The cross-check failures met since the last call (the grader turns them into notes). */
  takeFailures(): CrossCheckFailure[] {
    const out = this.failures;
    this.failures = [];
    return out;
  }

  /** Whether cross-check failures were met since the last takeFailures. */
  get hasFailures(): boolean {
    return this.failures.length > 0;
  }

  /** A drop-in for derivativeMeaning (calculus/meaning.ts). */
  readonly meaning: MeaningFunction = (ref, lowering) => {
    requireDefinedFunction(ref, lowering);
    if (isContextualReference(ref, lowering)) return derivativeMeaning(ref, lowering);
    const of = lowering.lower(ref.of);
    const wrt = ref.wrt.map((w) => lowering.lower(w));
    // With respect to a defined name, the derivative is that of the function of its input (calculus/meaning.ts).
    const inputs = definedInputs(ref, wrt, lowering);
    const taken = inputs ?? { of, wrt };
    // A variable's declared domain is part of its structure here: the cross-check samples by domain.
    const domainOf = (name: string) => lowering.scope.declarations.get(name)?.domain ?? '';
    const key = `${ref.form}|${this.keys.of(taken.of, domainOf)}|${taken.wrt.map((w) => this.keys.of(w, domainOf)).join(',')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      entry = computeEntry(ref, taken, inputs, lowering, this.seed);
      this.entries.set(key, entry);
    }
    switch (entry.kind) {
      case 'meaning': {
        if (entry.crossCheck) {
          // chainrule's own derivative is in doubt: no grade rests on it (the grader adds a note for a human).
          this.failures.push({ span: ref.span, message: entry.crossCheck });
          throw new LowerError(error('internal-error', entry.crossCheck, ref.span, 'this is a bug in chainrule, not in the submission'));
        }
        const graph = lowering.b.graph;
        // A fork's nodes include its base's: forms copied into the base serve every fork.
        let forms = entry.copies.get(graph) ?? (graph.base && entry.copies.get(graph.base));
        if (!forms) entry.copies.set(graph, (forms = entry.forms.map(copier(graph))));
        const meaning: DerivativeMeaning = { kind: entry.claimKind, of: taken.of, wrt: taken.wrt, forms, shape: entry.shape };
        return inputs ? bindInputs(meaning, of, wrt, inputs, lowering.b) : meaning;
      }
      case 'informal':
        throw new InformalReference(ref, of, wrt[0]);
      case 'uncached':
        return meaningWithInputs(ref, of, wrt, inputs, lowering);
    }
  };
}

/** `taken`: the function and variables differentiated (with inputs for defined names, when `inputs` is set). */
function computeEntry(ref: DerivativeRef, taken: { of: Node; wrt: Node[] }, inputs: Inputs | undefined, lowering: Lowering, seed: number): Entry {
  const graph = new FreshGraph();
  const copy = copier(graph);
  const b = new Builder(graph);
  let meaning: DerivativeMeaning;
  try {
    meaning = meaningOfNodes(ref, copy(taken.of), taken.wrt.map(copy), { b, options: lowering.options });
  } catch (err) {
    if (err instanceof InformalReference) return { kind: 'informal' };
    return { kind: 'uncached' };
  }
  if (meaning.forms.length === 0) return { kind: 'uncached' };
  // The cross-check perturbs each input alone, from the value of the name it stands for.
  const checked = inputs ? bindInputs(meaning, meaning.of, meaning.wrt, copiedInputs(inputs, copy), b) : meaning;
  const crossCheck = crossCheckInFreshGraph(checked, graph, lowering, seed);
  return { kind: 'meaning', claimKind: meaning.kind, forms: meaning.forms, shape: meaning.shape, copies: new WeakMap(), ...(crossCheck ? { crossCheck } : {}) };
}

/**
 * The finite-difference check `chainrule check` runs on every gradient claim (check/crosscheck.ts), run
 * here once per derivative, at the first sample point of the problem. Returns the failure's message.
 */
function crossCheckInFreshGraph(m: DerivativeMeaning, graph: Graph, lowering: Lowering, seed: number): string | undefined {
  if (m.kind !== 'gradient' || m.wrt.length !== 1 || !isScalarShape(m.of.shape)) return undefined;
  const form = m.forms[0];
  // Only the derivative's own dimensions: sizes are dealt out over the sorted dimension names, so names a
  // submission adds elsewhere must not move them (the entry would depend on who asked first).
  const dims = new Set<string>();
  const standsFor = m.inputs?.bindings.map((x) => x.standsFor) ?? [];
  for (const n of topologicalOrder([m.of, form, ...standsFor])) {
    for (const d of n.shape) if (typeof d === 'string') dims.add(d);
    if (n.op === 'dimsize') dims.add(n.attrs.name!); // a dimension used as a number (`/ B`)
  }
  const scope = { ...lowering.scope, dims };
  const evaluator = new ClaimEvaluator(graph, scope, new Map(), seed, (env, memo) => evaluate(form, env, memo), [form]);
  if (evaluator.points.length === 0) return undefined;
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return crossCheckMeaning(m, envOf(evaluator.points[0]), at, 'this derivative')?.message;
}

/** `inputs` with the nodes its names stand for copied into another graph (the placeholders are its own). */
function copiedInputs(inputs: Inputs, copy: (n: Node) => Node): Inputs {
  return { of: copy(inputs.of), wrt: inputs.wrt.map(copy), bindings: inputs.bindings.map(({ input, standsFor }) => ({ input: copy(input), standsFor: copy(standsFor) })) };
}

/** Copies DAGs into `target` exactly (no rewrites), sharing what is shared; memoised per copier. */
function copier(target: Graph): (n: Node) => Node {
  const copies = new Map<Node, Node>();
  return (root) => {
    for (const n of topologicalOrder([root])) {
      if (!copies.has(n)) copies.set(n, target.node(n.op, n.args.map((a) => copies.get(a)!), n.attrs));
    }
    return copies.get(root)!;
  };
}

/**
 * A number per distinct structure (op, attributes, children's structures), the same across graphs.
 * The numbers depend on the order structures are first seen, so they are used as keys, never shown.
 */
class StructureKeys {
  private readonly interned = new Map<string, number>();
  private readonly memo = new WeakMap<Node, number>();

  /** Nodes belong to one submission's graph, which has one scope: a variable's domain never changes under it. */
  of(root: Node, domainOf: (name: string) => string): number {
    const known = this.memo.get(root);
    if (known !== undefined) return known;
    for (const n of topologicalOrder([root])) {
      if (this.memo.has(n)) continue;
      const domain = n.op === 'var' ? domainOf(n.attrs.name!) : '';
      const text = `${n.op}${JSON.stringify(n.attrs)}${domain}(${n.args.map((a) => this.memo.get(a)).join(',')})`;
      let k = this.interned.get(text);
      if (k === undefined) {
        k = this.interned.size;
        this.interned.set(text, k);
      }
      this.memo.set(n, k);
    }
    return this.memo.get(root)!;
  }
}
