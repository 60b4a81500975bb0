// Shape arithmetic: maths that multiplies shapes, not values (`\mathbb{R}^{1 \times C} \cdot
// \mathbb{R}^{C \times C}`, `(1 \times N)(N \times 1)`). It is never read as an equation. Written beside a
// claim (after a wide space, or as the last links of its chain, `= \mathbb{R}^{N \times L}(\ldots) =
// \mathbb{R}^{N \times L}`) it is taken off the row, and when it ends in a single shape that shape is the
// claim's shape claim, as `\in \mathbb{R}^{..}` would be. A row of shapes alone is given to the claim
// before it by parse.ts (or set aside with a note).
import type { ShapeSpec, Span } from '../syntax/ast';
import { dim } from './build';
import { OPENING, RELATIONS, closer, depths, spanOf, type Tok } from './tokens';

export interface ShapeReading {
  /** The row without its shape parts (empty when the whole row is shapes). */
  tokens: Tok[];
  /** The shape parts, when there are any: their span, and the single shape they end in, if they do. */
  shapes?: { span: Span; shape?: ShapeSpec };
}

interface Part {
  from: number;
  to: number;
  /** The separator before the part: a relation or a gap (wide space, prose); undefined for the first. */
  separator?: Tok;
}

const isGap = (t: Tok) => t.type === 'wide' || t.type === 'prose';

/** Takes the shape parts off the end of a row (see the file comment). */
export function readShapeArithmetic(tokens: Tok[]): ShapeReading {
  // `\in \mathbb{R}^{M \times 1}` on a line of its own, under the claim it is about.
  const claimed = tokens[0]?.type === 'kw_in' ? shapeExpression(tokens.slice(1)) : undefined;
  if (claimed) return { tokens: [], shapes: { span: spanOf(tokens), shape: claimed.single } };
  const parts = splitParts(tokens).filter((p) => p.to > p.from);
  const shapes = parts.map((p) => shapeExpression(tokens.slice(p.from, p.to)));
  let first = parts.length;
  while (first > 0 && shapes[first - 1]) first--;
  if (first === parts.length) return { tokens };
  const tail = shapes.slice(first) as ShapeExpression[];
  const tailParts = parts.slice(first);
  // A lone `(M \times 1)` is a shape only after a wide space; anywhere else it may be a product of scalars.
  const afterGap = first > 0 && tailParts.length === 1 && isGap(tailParts[0].separator!);
  const evident = tail.some((s) => s.reals || s.factors > 1) || tail.length > 1 || afterGap;
  if (!evident) return { tokens };
  const chained = tailParts.slice(1).every((p) => !isGap(p.separator!));
  const last = tail[tail.length - 1];
  const span = spanOf(tokens.slice(tailParts[0].from, tailParts[tailParts.length - 1].to));
  const kept = first === 0 ? [] : tokens.slice(0, tokens.indexOf(tailParts[0].separator!));
  return { tokens: kept, shapes: chained && last.single ? { span, shape: last.single } : { span } };
}

/** The row cut at top-level relations and gaps. */
function splitParts(tokens: readonly Tok[]): Part[] {
  const d = depths(tokens);
  const parts: Part[] = [{ from: 0, to: 0 }];
  tokens.forEach((t, i) => {
    const separates = d[i] === 0 && (isGap(t) || (RELATIONS.has(t.type) && t.type !== 'kw_in'));
    if (separates) parts.push({ from: i + 1, to: i + 1, separator: t });
    else parts[parts.length - 1].to = i + 1;
  });
  return parts;
}

interface ShapeExpression {
  factors: number;
  /** Whether a `\mathbb{R}` is written (the evidence that this is about shapes). */
  reals: boolean;
  /** The shape, when the expression is one shape. */
  single?: ShapeSpec;
}

/**
 * Shapes multiplied: factors `\mathbb{R}`, `\mathbb{R}^{n}`, `\mathbb{R}^{M \times N}`, `(M \times N)`,
 * or brackets around shapes, side by side or joined by `\cdot`, `\times`, `*`. Undefined for anything else.
 */
function shapeExpression(tokens: readonly Tok[]): ShapeExpression | undefined {
  let factors = 0;
  let reals = false;
  let single: ShapeSpec | undefined;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (factors > 0 && ['cdot', 'times', 'star'].includes(t.type) && i + 1 < tokens.length) i++;
    const factor = shapeFactor(tokens, i);
    if (!factor) return undefined;
    factors += factor.factors;
    reals ||= factor.reals;
    single = factor.single;
    i = factor.next;
  }
  return factors > 0 ? { factors, reals, single: factors === 1 ? single : undefined } : undefined;
}

function shapeFactor(tokens: readonly Tok[], i: number): (ShapeExpression & { next: number }) | undefined {
  const t = tokens[i];
  if (t?.type === 'reals') return realsFactor(tokens, i);
  if (!t || !OPENING.has(t.type) || t.type === 'begin_matrix') return undefined;
  const close = closer(tokens, i);
  if (close === undefined) return undefined;
  const inner = tokens.slice(i + 1, close);
  // `(M \times N)`, `(1 \times N)`: two dimensions, at least one a name (`(2 \times 3)` is arithmetic).
  const dims = inner.length === 3 && inner[1].type === 'times' ? dimensions(inner) : undefined;
  if (dims && dims.some((d) => d.type === 'name')) return { factors: 1, reals: false, single: shapeSpec(dims, t, tokens[close]), next: close + 1 };
  const grouped = shapeExpression(inner);
  return grouped && { ...grouped, next: close + 1 };
}

/** `\mathbb{R}`, `\mathbb{R}^n`, `\mathbb{R}^{M \times N}` (also `M x N`, `M * N`, `M \cdot N` inside). */
function realsFactor(tokens: readonly Tok[], i: number): ShapeExpression & { next: number } {
  const t = tokens[i];
  if (tokens[i + 1]?.type !== 'caret') return { factors: 1, reals: true, single: { rows: 1, cols: 1, span: t.span }, next: i + 1 };
  const arg = tokens[i + 2];
  if (arg?.type === 'name' || arg?.type === 'num') return { factors: 1, reals: true, single: shapeSpec([arg], t, arg), next: i + 3 };
  const close = arg?.type === 'lbrace' ? closer(tokens, i + 2) : undefined;
  const dims = close === undefined ? undefined : dimensions(tokens.slice(i + 3, close));
  if (close === undefined || !dims) return { factors: 1, reals: true, next: i + 2 }; // an exponent not read: still shapes
  return { factors: 1, reals: true, single: shapeSpec(dims, t, tokens[close]), next: close + 1 };
}

/** `M \times N` (in `\mathbb{R}^{..}` also `M x N`, `M * N`, `M \cdot N`), or a single dimension: the dimension tokens. */
function dimensions(tokens: readonly Tok[]): Tok[] | undefined {
  const isDim = (t: Tok | undefined) => t?.type === 'name' || t?.type === 'num';
  const isTimes = (t: Tok) => ['times', 'cdot', 'star'].includes(t.type) || (t.type === 'name' && t.value === 'x');
  if (tokens.length === 1 && isDim(tokens[0])) return [tokens[0]];
  if (tokens.length === 3 && isDim(tokens[0]) && isTimes(tokens[1]) && isDim(tokens[2])) return [tokens[0], tokens[2]];
  return undefined;
}

function shapeSpec(dims: readonly Tok[], first: Tok, last: Tok): ShapeSpec {
  const span = spanOf([first, last]);
  return dims.length === 1 ? { rows: dim(dims[0]), cols: 1, span } : { rows: dim(dims[0]), cols: dim(dims[1]), span };
}
