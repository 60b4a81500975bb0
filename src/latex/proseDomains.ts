// Symmetry stated in words: `\nabla_x x^T A x = 2Ax$ for symmetric $A$`, `where $A$ is symmetric`, or in
// maths `$A = A^T$`. Textbooks state the classic identities so; without it chainrule would mark the right
// `2Ax` wrong ("holds only when A is symmetric"). Each is the domain `symmetric` on the name's declaration.
import type { Span, Statement } from '../syntax/ast';
import { parseLatexMath } from './parse';
import type { PositionMap } from './positions';

export interface StatedDomain {
  name: string;
  span: Span;
}

/** `symmetric [matrix] $A$`, `$A$ is|be [a] symmetric`. */
const PHRASES = [/\bsymmetric\s+(?:matri(?:x|ces)\s+)?\$([^$]{1,40})\$/gi, /\$([^$]{1,40})\$\s+(?:is|be|being)\s+(?:an?\s+)?symmetric\b/gi];

/** The names a prose line (starting at `start` in the document) says are symmetric. */
export function proseDomains(line: string, start: number, pos: PositionMap, file: string): StatedDomain[] {
  const found: StatedDomain[] = [];
  for (const phrase of PHRASES) {
    for (const m of line.matchAll(phrase)) {
      // `$A \in \mathbb{R}^{n \times n}$ be symmetric`: the name before its shape.
      const written = m[1].split('\\in')[0];
      const at = start + m.index! + m[0].indexOf(`$${m[1]}$`) + 1;
      const read = parseLatexMath(`${written} \\in \\mathbb{R}^{n \\times n}`, { file, ...pos.position(at) });
      const decl = read.statements[0];
      if (read.statements.length !== 1 || read.diagnostics.length > 0 || decl.kind !== 'decl' || decl.names.length !== 1) continue;
      found.push({ name: decl.names[0].name, span: pos.span(at, at + written.trimEnd().length) });
    }
  }
  return found;
}

/** `A = A^T` (or `A^T = A`) states that A is symmetric; it defines nothing. */
export function symmetryStatement(st: Statement): StatedDomain | undefined {
  if (st.kind !== 'equation' || st.rhs.length !== 1) return undefined;
  const [l, r] = [st.lhs.expr, st.rhs[0].expr];
  const name = l.kind === 'name' ? l : r.kind === 'name' ? r : undefined;
  const other = name === l ? r : l;
  if (!name || other.kind !== 'transpose' || other.arg.kind !== 'name' || other.arg.name !== name.name) return undefined;
  return { name: name.name, span: st.span };
}

/**
 * The statements with each stated symmetry put on the name's declaration: the last one before the
 * statement (`at`) that stated it, else the first after. Declarations are shared objects of the parse, so
 * each changed one is copied.
 */
export function withDomains(statements: Statement[], stated: ReadonlyArray<StatedDomain & { at: number }>): Statement[] {
  const out = [...statements];
  for (const s of stated) {
    // A declaration of several names (`A, B \in ...`) is left alone: the others are not said to be symmetric.
    const declares = (st: Statement | undefined): boolean => st?.kind === 'decl' && st.names.length === 1 && st.names[0].name === s.name;
    let i = out.slice(0, s.at).map(declares).lastIndexOf(true);
    if (i < 0) i = out.findIndex(declares);
    const decl = out[i];
    if (decl?.kind !== 'decl') continue;
    out[i] = { ...decl, domain: { name: 'symmetric', span: s.span } };
  }
  return out;
}
