// Shapes stated in prose: `$\mathbf{W}_h$ has dimensions $(10, 784)$`, `$X$ is an $N \times D$ matrix`,
// `$W$ is of shape $(n, m)$`. Notes and homework give shapes this way at least as often as with `\in`,
// and without them every matrix is taken as a scalar, where a missing transpose or sum cannot be seen.
// Each is read as the declaration `NAME \in \mathbb{R}^{A \times B}` would be. So is a list of names given one
// space, as attention write-ups give Q, K and V: `$K$, $Q$, and $V$, all elements of $\mathbb{R}^{n \times h}$`.
import type { Statement } from '../syntax/ast';
import { parseLatexMath } from './parse';
import type { PositionMap } from './positions';

/**
 * `$NAME$ has|is|with [the] [dimensions|shape|size [of]] [a|an] $SHAPE$ [matrix|vector]`. Groups: the name,
 * the shape word, the shape, the noun.
 */
const PHRASE =
  /\$([^$]{1,80})\$\s*(?:has|have|is|are|with|of)\s+(?:the\s+)?(?:(dimensions?|shape|size)\s*(?:of\s+)?[:=]?\s*)?(?:an?\s+)?\$([^$]{1,80})\$\s*(matri(?:x|ces)|vectors?|arrays?)?/gi;

/** `(A, B)` (numpy's order: rows, columns), `A \times B`, `(A \times B)`, `A x B`, `A × B`. */
function dimensions(shape: string): [string, string] | undefined {
  const inner = shape.trim().replace(/^\\left\s*\(|^\(/, '').replace(/\\right\s*\)$|\)$/, '').trim();
  const parts = inner.split(/\s*(?:,|\\times|×|\s+x\s+)\s*/);
  if (parts.length !== 2 || !parts.every((p) => /^(?:\d+|[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)$/.test(p))) return undefined;
  return [parts[0], parts[1]];
}

/**
 * The declarations a prose line states (`line` starts at `start` in the document). A tuple `(A, B)` counts
 * only after a shape word (`$z$ is $(1, 2)$` may be a point); `A \times B` after a shape word or before a
 * noun, or when a dimension is a name (`$2 \times 3$` alone is arithmetic). What does not read as one
 * declaration of one name is left alone.
 */
export function proseShapes(line: string, start: number, pos: PositionMap, file: string): Statement[] {
  const found: Statement[] = [];
  for (const m of line.matchAll(PHRASE)) {
    const [, name, shapeWord, shape, noun] = m;
    const dims = dimensions(shape);
    if (!dims) continue;
    const tuple = shape.includes(',');
    if (tuple ? !shapeWord : !shapeWord && !noun && dims.every((d) => /^\d+$/.test(d))) continue;
    const nameAt = start + m.index! + 1;
    const read = parseLatexMath(`${name} \\in \\mathbb{R}^{${dims[0]} \\times ${dims[1]}}`, { file, ...pos.position(nameAt) });
    const decl = read.statements[0];
    if (read.statements.length !== 1 || read.diagnostics.length > 0 || decl.kind !== 'decl' || decl.names.length !== 1) continue;
    const shapeAt = start + m.index! + m[0].indexOf(`$${shape}$`) + 1;
    const shapeSpan = pos.span(shapeAt, shapeAt + shape.length);
    found.push({ ...decl, shape: { ...decl.shape, span: shapeSpan }, span: pos.span(nameAt, shapeAt + shape.length) });
  }
  return [...found, ...listedShapes(line, start, pos, file)];
}

/** The prose between the last listed name and the space: `, all elements of`, `are each in`, `both in`. */
const ALL_OF = /^\s*,?\s*(?:(?:which\s+)?are\s+)?(?:all|each|both)\s+(?:(?:elements?|members?)\s+)?(?:of|in)\s*$/i;
/** The prose between two listed names: `, `, `, and `, ` and `. */
const LIST_SEPARATOR = /^\s*(?:,\s*(?:and\s+)?|and\s+)$/i;
/** A space of the reals: `\mathbb{R}^{n \times h}` (its exponent, the dimensions). */
const REALS = /^\s*\\mathbb\s*\{R\}\s*\^\s*\{([^{}]{1,60})\}\s*$/;

/**
 * `$K$, $Q$, and $V$, all elements of $\mathbb{R}^{n \times h}$`: two or more names, each in its own maths,
 * listed with commas or "and", then "all|each|both [elements|members] of|in" and the space. Each name is
 * declared as `NAME \in \mathbb{R}^{..}` would declare it; a list in which any item is not one name is left alone.
 */
function listedShapes(line: string, start: number, pos: PositionMap, file: string): Statement[] {
  const parts = line.split('$'); // odd parts are inline maths
  if (parts.length % 2 === 0) return [];
  const offsets = parts.map((_, k) => parts.slice(0, k).reduce((sum, p) => sum + p.length + 1, 0));
  const found: Statement[] = [];
  for (let k = 5; k < parts.length; k += 2) {
    const space = REALS.exec(parts[k]);
    if (!space || !ALL_OF.test(parts[k - 1])) continue;
    let first = k - 2;
    while (first >= 3 && LIST_SEPARATOR.test(parts[first - 1])) first -= 2;
    if (first === k - 2) continue;
    const listed: Statement[] = [];
    for (let j = first; j < k; j += 2) {
      const nameAt = start + offsets[j];
      const read = parseLatexMath(`${parts[j]} \\in \\mathbb{R}^{${space[1]}}`, { file, ...pos.position(nameAt) });
      const decl = read.statements[0];
      if (read.statements.length !== 1 || read.diagnostics.length > 0 || decl.kind !== 'decl' || decl.names.length !== 1) break;
      const shapeAt = start + offsets[k];
      listed.push({ ...decl, shape: { ...decl.shape, span: pos.span(shapeAt, shapeAt + parts[k].length) }, span: pos.span(nameAt, nameAt + parts[j].length) });
    }
    if (listed.length === (k - first) / 2) found.push(...listed);
  }
  return found;
}
