// Domains stated in words. Symmetry: `\nabla_x x^T A x = 2Ax$ for symmetric $A$`, `where $A$ is symmetric`, or in
// maths `$A = A^T$`. Textbooks state the classic identities so; without it chainrule would mark the right
// `2Ax` wrong ("holds only when A is symmetric"). One-hot labels: `$y \in \mathbb{R}^k$ is one-hot`, `the one-hot
// label $y$`; without it the right softmax cross-entropy gradient `\hat y - y` is wrong by a factor sum(y).
// Each is the domain on the name's declaration.
import type { Domain, Span, Statement } from '../syntax/ast';
import { parseLatexMath } from './parse';
import type { PositionMap } from './positions';

export interface StatedDomain {
  name: string;
  domain: Extract<Domain, 'symmetric' | 'onehot'>;
  span: Span;
}

const ONE_HOT = String.raw`one[- ]?hot(?:[- ]encoded)?`;

/** Each phrase's group 1 is the maths naming the name: `symmetric [matrix] $A$`, `$A$ is|be [a] symmetric`, `$A$ symmetric`, `$y$ is one-hot`. */
const PHRASES: ReadonlyArray<[RegExp, StatedDomain['domain']]> = [
  [/\bsymmetric\s+(?:matri(?:x|ces)\s+)?\$([^$]{1,40})\$/gi, 'symmetric'],
  [/\$([^$]{1,40})\$\s+(?:is|be|being)\s+(?:an?\s+)?symmetric\b/gi, 'symmetric'],
  // The adjective after the name: `with $A \in \mathbb{R}^{n \times n}$ symmetric`, `$A$ (symmetric)`.
  [/\$([^$]{1,40})\$\s*,?\s*\(?\s*symmetric\b/gi, 'symmetric'],
  // Positive (semi)definite matrices are symmetric by the textbooks' definition: `$A$ is positive definite`,
  // `a positive definite matrix $A$`, `$A \succ 0$` is not read.
  [/\$([^$]{1,40})\$\s+(?:is|be|being)\s+(?:an?\s+)?(?:symmetric\s+)?positive\s+(?:semi-?\s?)?definite\b/gi, 'symmetric'],
  [/\bpositive\s+(?:semi-?\s?)?definite\s+(?:matri(?:x|ces)\s+)?\$([^$]{1,40})\$/gi, 'symmetric'],
  [new RegExp(String.raw`\$([^$]{1,40})\$\s+(?:is|be|being|are)\s+(?:an?\s+|the\s+)?${ONE_HOT}\b`, 'gi'), 'onehot'],
  [new RegExp(String.raw`\$([^$]{1,40})\$\s*\((?:a\s+)?${ONE_HOT}[^)]{0,20}\)`, 'gi'), 'onehot'],
  [new RegExp(String.raw`\b${ONE_HOT}\s+(?:(?:class\s+)?(?:label|target|vector|encoding)s?\s+)?\$([^$]{1,40})\$`, 'gi'), 'onehot'],
];

/** The names a prose line (starting at `start` in the document) gives a domain. */
export function proseDomains(line: string, start: number, pos: PositionMap, file: string): StatedDomain[] {
  const found: StatedDomain[] = [];
  for (const [phrase, domain] of PHRASES) {
    for (const m of line.matchAll(phrase)) {
      // `$A \in \mathbb{R}^{n \times n}$ be symmetric`: the name before its shape.
      const written = m[1].split('\\in')[0];
      const at = start + m.index! + m[0].indexOf(`$${m[1]}$`) + 1;
      const read = parseLatexMath(`${written} \\in \\mathbb{R}^{n \\times n}`, { file, ...pos.position(at) });
      const decl = read.statements[0];
      if (read.statements.length !== 1 || read.diagnostics.length > 0 || decl.kind !== 'decl' || decl.names.length !== 1) continue;
      found.push({ name: decl.names[0].name, domain, span: pos.span(at, at + written.trimEnd().length) });
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
  return { name: name.name, domain: 'symmetric', span: st.span };
}

/**
 * The statements with each stated domain put on the name's declaration: the last one before the
 * statement (`at`) that stated it or written before it, else the first after. Declarations are shared objects of the parse, so
 * each changed one is copied.
 */
export function withDomains(statements: Statement[], stated: ReadonlyArray<StatedDomain & { at: number }>): Statement[] {
  const out = [...statements];
  for (const s of stated) {
    // A declaration of several names (`A, B \in ...`) is left alone: the others are not said to have the domain.
    const declares = (st: Statement | undefined): boolean => st?.kind === 'decl' && st.names.length === 1 && st.names[0].name === s.name;
    // The phrase may follow its declaration on the same line (`$y \in \mathbb{R}^k$ is one-hot`), read after it.
    const before = (st: Statement) => st.span.line < s.span.line || (st.span.line === s.span.line && st.span.column <= s.span.column);
    let i = out.map((st, k) => declares(st) && (k < s.at || before(st))).lastIndexOf(true);
    if (i < 0) i = out.findIndex(declares);
    const decl = out[i];
    if (decl?.kind !== 'decl') continue;
    if (decl.domain) continue; // one written in the maths (`y \in \mathbb{R}^k \text{ (one-hot)}`) wins
    out[i] = { ...decl, domain: { name: s.domain, span: s.span } };
  }
  return out;
}
