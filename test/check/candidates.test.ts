// Near-miss candidates (src/check/candidates.ts): made lazily in any graph, or prepared once in a graph
// that is then forked; a fork finds the prepared list, and it holds exactly what a lazy search makes.
import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/ir/graph';
import { Builder } from '../../src/ir/build';
import { printCr } from '../../src/ir/print';
import type { Node } from '../../src/ir/types';
import { linkCandidates, prepareCandidates, structuralCandidates } from '../../src/check/candidates';

/** L = sum(sigma(x w) .* (1 - sigma(x w)) + x w): a sum with a flat product in it, and links to w. */
function problem(b: Builder) {
  const x = b.variable('x', [1, 'N']);
  const w = b.variable('w', ['N', 1]);
  const a = b.apply('sigma', [b.mul(x, w)]);
  const truth = b.add(b.hadamard(b.hadamard(a, b.sub(1, a)), x), b.mul(x, w));
  const of = b.apply('sum', [b.apply('exp', [truth])]);
  return { truth, of, wrt: w };
}

const describeStructural = (list: Iterable<{ op: string; without: Node; removed: Node[] }>) =>
  [...list].map((c) => `${c.op}: ${printCr(c.without, new Map())} without ${c.removed.map((r) => printCr(r, new Map())).join(', ')}`);
const describeLinks = (list: Iterable<{ v: Node; local: Node }>) => [...list].map((c) => `${printCr(c.v, new Map())}: ${printCr(c.local, new Map())}`);

describe('near-miss candidates', () => {
  it('a fork finds the list prepared in its base, the same as a lazy search makes', () => {
    const base = new Graph();
    const b = new Builder(base);
    const { truth, of, wrt } = problem(b);
    const made = prepareCandidates(b, [truth], { of, wrt });
    expect(made.length).toBeGreaterThan(4);

    const fork = new Builder(base.fork());
    const structural = structuralCandidates(truth, fork);
    expect(Array.isArray(structural)).toBe(true); // the prepared list, not a fresh search
    const fresh = new Builder(new Graph());
    const again = problem(fresh);
    expect(describeStructural(structural)).toEqual(describeStructural(structuralCandidates(again.truth, fresh)));
    expect(describeLinks(linkCandidates(of, wrt, fork))).toEqual(describeLinks(linkCandidates(again.of, again.wrt, fresh)));
    // Every prepared node is the base's: forks share them.
    expect(made.every((n) => base.owns(n))).toBe(true);
  });

  it('leaves out one part, or two neighbouring parts of a product of three', () => {
    const b = new Builder(new Graph());
    const { truth } = problem(b);
    const removed = describeStructural(structuralCandidates(truth, b)).map((d) => d.split(' without ')[1]);
    expect(removed).toContain('x w'); // the term
    expect(removed).toContain('sigma(x w), 1 - sigma(x w)'); // the sigmoid's derivative, two factors
  });
});
