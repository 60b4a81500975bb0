// Arrays named in prose without a size: `given column vectors $a$ and $b,$ and symmetric matrix $C$`, `$x$ is a
// vector`. Textbook notes state a derivation's kinds of quantity this way and no shape at all; read as scalars,
// `C (a - b)` was a call of an unknown function C and `(a - b)^T C (a - b)` a number whose transposes do nothing.
// Each name is given its kind (a vector is a column, as `\mathbb{R}^n` is), and src/analysis/shapeUnification.ts
// solves its sizes from the formulas. A kind that restricts the values (a diagonal, orthogonal or unit one) is not
// read: taken as any matrix, a line true only for those would be marked wrong.
import type { ShapeKind, Statement } from '../syntax/ast';
import { parseLatexMath } from './parse';
import type { PositionMap } from './positions';

/** The words that say the kind: a column or a row, a square matrix. */
const KIND_WORD = String.raw`(?:(column|row|square|symmetric|real)\s+)?`;
const NOUN = String.raw`(vectors?|matri(?:x|ces))\b`;
const MATHS = String.raw`\$([^$]{1,40})\$`;
const LIST_GAP = String.raw`\s*(?:,\s*(?:and\s+)?|and\s+)`;

/** `[column] vectors $a$ and $b$`, `symmetric matrix $C$`: the kind word and noun, then the names. */
const NOUN_FIRST = new RegExp(String.raw`([\w-]+\s+)?${KIND_WORD}${NOUN}\s+${MATHS}((?:${LIST_GAP}${MATHS})*)`, 'gi');
/** `$a$ and $b$ are column vectors`, `$A$ is a square matrix`: the names, then the noun. */
const NAMES_FIRST = new RegExp(String.raw`${MATHS}((?:${LIST_GAP}${MATHS})*)\s+(?:is|are|be)\s+(?:an?\s+|the\s+)?([\w-]+\s+)?${KIND_WORD}${NOUN}`, 'gi');

/** Words that, before a kind word or noun, restrict what the array may be. */
const RESTRICTING = /^(?:diagonal|orthogonal|orthonormal|triangular|identity|unitary|sparse|zero|permutation|projection|rotation|unit|one-hot|onehot|binary|indicator|stochastic|definite|semidefinite|semi-definite|invertible|singular|nonsingular|idempotent|skew|antisymmetric|block|constant|random|basis|standard|feature|probability|ones)$/i;

/** The kind a noun and its kind word say. */
function kindOf(word: string | undefined, noun: string): ShapeKind {
  if (/^vector/i.test(noun)) return word?.toLowerCase() === 'row' ? 'row' : 'column';
  const w = word?.toLowerCase();
  return w === 'square' || w === 'symmetric' ? 'square' : 'matrix';
}

/** The maths of each listed name, in order (`$a$ and $b$` after the first). */
function listedNames(rest: string): string[] {
  return [...rest.matchAll(/\$([^$]{1,40})\$/g)].map((m) => m[1]);
}

/**
 * The kinds a prose line states (`own` starts at `start` in the document; `lead` is the paragraph's line before
 * it), as declarations marked `kindOnly`.
 * A plural noun takes a list of names, a singular one its first; each must read as one name (`$b,$` with its
 * punctuation), else the phrase is left alone.
 */
export function proseKinds(own: string, start: number, pos: PositionMap, file: string, lead = ''): Statement[] {
  // The line before in the same paragraph is read with it; names in it were read with that line.
  const line = lead ? `${lead} ${own}` : own;
  start -= line.length - own.length;
  const found: Statement[] = [];
  const declare = (maths: string, at: number, kind: ShapeKind, domain: boolean) => {
    if (at < line.length - own.length) return;
    const written = maths.replace(/[,.;]\s*$/, '');
    const nameAt = start + at + 1;
    const read = parseLatexMath(`${written} \\in \\mathbb{R}`, { file, ...pos.position(nameAt) });
    const decl = read.statements[0];
    if (read.statements.length !== 1 || read.diagnostics.length > 0 || decl.kind !== 'decl' || decl.names.length !== 1) return;
    // `I` is the identity wherever nothing declares it (docs/latex.md); a kind would make it any matrix.
    if (decl.names[0].name === 'I') return;
    const span = pos.span(nameAt, nameAt + written.length);
    found.push({ ...decl, span, kindOnly: kind, ...(domain ? { domain: { name: 'symmetric' as const, span } } : {}) });
  };
  for (const { match, names, said, noun } of phrases(line)) {
    const kind = kindOf(said, noun);
    let from = 0;
    for (const maths of names) {
      const offset = match.index! + match[0].indexOf(`$${maths}$`, from);
      from = offset - match.index! + maths.length + 2;
      declare(maths, offset, kind, said?.toLowerCase() === 'symmetric');
    }
  }
  return found;
}

/** The phrases of a line that state a kind: the names' maths in order, the kind word (or the word before), the noun. */
function phrases(line: string): { match: RegExpMatchArray; names: string[]; said?: string; noun: string }[] {
  const found: { match: RegExpMatchArray; names: string[]; said?: string; noun: string }[] = [];
  const add = (match: RegExpMatchArray, first: string, rest: string | undefined, other: string | undefined, word: string | undefined, noun: string) => {
    if (other && RESTRICTING.test(other.trim())) return;
    const plural = /s$/i.test(noun);
    // `the outside vectors $U$`: one name for several vectors holds them all, a matrix of them.
    if (plural && !rest) return;
    // The kind word may be taken as the word before it (`row vector $r$` at the start of the line).
    found.push({ match, names: plural ? [first, ...listedNames(rest!)] : [first], said: word ?? other?.trim(), noun });
  };
  for (const m of line.matchAll(NOUN_FIRST)) add(m, m[4], m[5], m[1], m[2], m[3]);
  for (const m of line.matchAll(NAMES_FIRST)) add(m, m[1], m[2], m[4], m[5], m[6]);
  return found;
}
