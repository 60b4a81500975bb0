// Lines that would make chainrule compute too much are refused when a document is read, before anything
// is resolved or evaluated, each with a `limit-exceeded` error on its line: expressions nested too deep
// (1,000 `\sum_{i}` in a row) or too large, and matrices of a concrete size beyond MAX_MATRIX_ENTRIES
// (`X : 1e9 x 1`, `ones(5000, 5000)`; symbolic dimensions are sampled at 2 to 11 anyway). Every command
// and the grader read documents through parseDocument, which applies this.
import type { Expr, ParsedFile, Statement } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { childrenOf } from '../syntax/walk';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NODES, MAX_MATRIX_ENTRIES } from '../limits/index';

/** The file without its oversized statements, each replaced by a `limit-exceeded` error. */
export function withoutOversized(parsed: ParsedFile): ParsedFile {
  const refusals: Diagnostic[] = [];
  const keep = parsed.statements.map((st) => {
    const why = oversized(st);
    if (why) refusals.push(error('limit-exceeded', why, st.span));
    return !why;
  });
  if (refusals.length === 0) return parsed;
  return {
    ...parsed,
    statements: parsed.statements.filter((_, i) => keep[i]),
    ...(parsed.questionOf && { questionOf: parsed.questionOf.filter((_, i) => keep[i]) }),
    diagnostics: [...parsed.diagnostics, ...refusals],
  };
}

/** Why the statement asks for too much, or undefined. */
export function oversized(st: Statement): string | undefined {
  if (st.kind === 'decl') {
    const { rows, cols } = st.shape;
    return typeof rows === 'number' && typeof cols === 'number' ? tooManyEntries(rows * cols) : undefined;
  }
  for (const e of expressionsOf(st)) {
    const why = tooLarge(e);
    if (why) return why;
  }
  return undefined;
}

function expressionsOf(st: Statement): Expr[] {
  switch (st.kind) {
    case 'equation':
      return [st.lhs.expr, ...st.rhs.map((s) => s.expr)];
    case 'ask':
      return [st.target.expr];
    case 'alias':
      return [st.to];
    default:
      return [];
  }
}

/** Depth, size and constructed matrices of one expression, walked with a stack (it may be too deep to recurse). */
function tooLarge(root: Expr): string | undefined {
  const stack: Array<[Expr, number]> = [[root, 1]];
  let nodes = 0;
  while (stack.length) {
    const [e, depth] = stack.pop()!;
    if (depth > MAX_EXPRESSION_DEPTH) return `this expression is nested more than ${MAX_EXPRESSION_DEPTH} deep; the line is not read`;
    if (++nodes > MAX_EXPRESSION_NODES) return `this expression has more than ${MAX_EXPRESSION_NODES} parts; the line is not read`;
    const entries = tooManyEntries(constructedEntries(e));
    if (entries) return entries;
    for (const child of childrenOf(e)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Entries of `eye(n)`, `ones(m, n)`, `zeros(m, n)` with numbers for sizes; 0 for anything else. */
function constructedEntries(e: Expr): number {
  if (e.kind !== 'call') return 0;
  const fn = BUILTIN_FUNCTIONS.get(e.callee);
  if (fn?.kind !== 'constructor') return 0;
  const sizes = e.args.map((a) => (a.kind === 'number' ? a.value : 1));
  return fn.name === 'eye' ? sizes[0] * sizes[0] : sizes.reduce((p, s) => p * s, 1);
}

function tooManyEntries(entries: number): string | undefined {
  if (!(entries > MAX_MATRIX_ENTRIES)) return undefined;
  return `this line asks for a matrix of ${entries} entries; the limit is ${MAX_MATRIX_ENTRIES}, so it is not read`;
}
