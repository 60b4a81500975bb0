// Sums of terms: the normal form the simplifier works in. A term is a coefficient times a product of
// atoms with integer (possibly negative) powers; atoms are nodes compared by key. Pure data, no nodes
// are made here.
import type { Node } from './types';

export interface Factor {
  readonly node: Node;
  readonly power: number;
}

export interface Term {
  readonly coef: number;
  /** Atom key → factor, in order of first appearance (the order the rebuilt product keeps). */
  readonly factors: ReadonlyMap<string, Factor>;
  /** The term's key (its atoms and powers), cached by termKey: terms are never changed once made. */
  key?: string;
}

export type Poly = readonly Term[];

/** Thrown when a normal form would exceed its budget; the caller keeps the unsimplified form. */
export class CapExceeded extends Error {}

/** One preallocated instance: the cap is hit often, and a fresh Error would capture a stack trace each time. */
export const CAP_EXCEEDED = new CapExceeded('simplification budget exceeded');

export const LIMITS = {
  terms: 48,
  factors: 24,
  /** Longer products keep their left part as one atom, so long chains of products cost linear work. */
  chunk: 10,
  expandedTerms: 96,
  power: 6,
};

export function constantPoly(c: number): Poly {
  return c === 0 ? [] : [{ coef: c, factors: new Map() }];
}

export function atomPoly(key: string, node: Node, power = 1, coef = 1): Poly {
  return [{ coef, factors: new Map([[key, { node, power }]]) }];
}

export function termKey(t: Term): string {
  if (t.key !== undefined) return t.key;
  let key: string;
  if (t.factors.size === 0) key = '';
  else if (t.factors.size === 1) {
    const [[k, f]] = t.factors;
    key = `${k}^${f.power}`;
  } else {
    const parts: string[] = [];
    for (const [k, f] of t.factors) parts.push(`${k}^${f.power}`);
    key = parts.sort().join('*');
  }
  t.key = key;
  return key;
}

/** Like terms added, zero terms dropped, first-appearance order kept. */
export function collect(terms: readonly Term[]): Poly {
  const groups = new Map<string, { coef: number; scale: number; term: Term }>();
  for (const t of terms) {
    if (!Number.isFinite(t.coef)) throw CAP_EXCEEDED;
    const k = termKey(t);
    const g = groups.get(k);
    if (g) {
      g.coef += t.coef;
      g.scale = Math.max(g.scale, Math.abs(t.coef));
    } else groups.set(k, { coef: t.coef, scale: Math.abs(t.coef), term: t });
  }
  const out: Term[] = [];
  for (const g of groups.values()) {
    // Cancellation in floating point leaves dust like 1e-17; coefficients are small rationals in practice.
    if (Math.abs(g.coef) <= 1e-12 * g.scale) continue;
    out.push(g.coef === g.term.coef ? g.term : { coef: g.coef, factors: g.term.factors });
  }
  if (out.length > LIMITS.terms) throw CAP_EXCEEDED;
  return out;
}

export function addPolys(p: Poly, q: Poly): Poly {
  return collect([...p, ...q]);
}

export function scalePoly(p: Poly, c: number): Poly {
  return c === 0 ? [] : p.map((t) => ({ coef: t.coef * c, factors: t.factors }));
}

export function mulTerms(a: Term, b: Term): Term {
  const factors = new Map(a.factors);
  for (const [k, f] of b.factors) {
    const have = factors.get(k);
    const power = (have?.power ?? 0) + f.power;
    if (power === 0) factors.delete(k);
    else factors.set(k, { node: have?.node ?? f.node, power });
  }
  if (factors.size > LIMITS.factors) throw CAP_EXCEEDED;
  return { coef: a.coef * b.coef, factors };
}

export function mulPolys(p: Poly, q: Poly, limit = LIMITS.terms): Poly {
  if (p.length * q.length > limit * 4) throw CAP_EXCEEDED;
  const out: Term[] = [];
  for (const a of p) for (const b of q) out.push(mulTerms(a, b));
  const r = collect(out);
  if (r.length > limit) throw CAP_EXCEEDED;
  return r;
}

/** 1 / t for a single term. */
export function invertTerm(t: Term): Term {
  const factors = new Map<string, Factor>();
  for (const [k, f] of t.factors) factors.set(k, { node: f.node, power: -f.power });
  return { coef: 1 / t.coef, factors };
}

export function powTerm(t: Term, k: number): Term {
  const factors = new Map<string, Factor>();
  for (const [key, f] of t.factors) factors.set(key, { node: f.node, power: f.power * k });
  return { coef: Math.pow(t.coef, k), factors };
}

export function hasNegativePowers(p: Poly): boolean {
  return p.some((t) => [...t.factors.values()].some((f) => f.power < 0));
}

/**
 * A key identifying a sum up to sign: the sorted term keys with coefficients, oriented so the first
 * term (in sorted order) is positive. Returns the key and the sign that orients `p`.
 */
export function sumKey(p: Poly): { key: string; sign: number } {
  const parts = p.map((t) => ({ k: termKey(t), c: t.coef })).sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  const sign = parts.length && parts[0].c < 0 ? -1 : 1;
  return { key: `(${parts.map((x) => `${x.c * sign}:${x.k}`).join('+')})`, sign };
}
