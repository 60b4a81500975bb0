// `chainrule diff`: the derivative of a name with respect to another, readable (reusing defined names),
// expanded (declared leaves only, in .cr syntax that parses back), and in LaTeX.
import type { Expr, Span } from '../syntax/ast';
import { formatShape } from '../ir/types';
import { printCr, printLatex } from '../ir/print';
import { normalizeName, parseExpression, ParseError } from '../syntax/parse';
import { LowerError } from '../resolve/lower';
import type { Analysis, ProblemAnalysis } from '../pipeline';
import type { ClaimKind } from '../check/report';
import { derivativeMeaning, InformalReference } from './meaning';

export interface DiffResult {
  of: string;
  wrt: string;
  kind: ClaimKind;
  shape: string;
  result: string;
  expanded: string;
  latex: string;
  /** For an elementwise map, whose result is its diagonal Jacobian: the diagonal, shaped like the variable. */
  diagonal?: string;
}

export class DiffError extends Error {}

const NOWHERE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function nameExpr(text: string): Expr {
  return { kind: 'name', name: normalizeName(text), text, span: NOWHERE };
}

function knows(problem: ProblemAnalysis, name: string): boolean {
  const s = problem.scope;
  return s.definitions.has(name) || s.declarations.has(name) || s.pointNames.has(name);
}

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** [L, w] for `dL/dw`, `d(L)/d(w)` or `∂L/∂w`; undefined for any other text. */
function derivativeOfNames(text: string): NameExpr[] | undefined {
  let parsed: Expr;
  try {
    parsed = parseExpression(text);
  } catch (err) {
    if (err instanceof ParseError) return undefined;
    throw err;
  }
  if (parsed.kind !== 'deriv' || parsed.form !== 'frac') return undefined;
  const names = [parsed.of, ...parsed.wrt];
  return names.every((e): e is NameExpr => e.kind === 'name') ? names : undefined;
}

/** `--of`: a name, or a derivative of names (`dL/dw`) whose Jacobian is then taken (the Hessian). */
export function functionOf(text: string): { expr: Expr; names: string[] } {
  const parts = derivativeOfNames(text);
  if (!parts) return { expr: nameExpr(text), names: [normalizeName(text)] };
  const [of, ...wrt] = parts.map((e) => nameExpr(e.text));
  return { expr: { kind: 'deriv', form: 'frac', of, wrt, span: NOWHERE }, names: parts.map((e) => e.name) };
}

/** `dL/dW`, or `d(dL/dw)/dw` when the function is itself a derivative. */
export function derivativeText(ofText: string, wrtText: string): string {
  return functionOf(ofText).names.length > 1 ? `d(${ofText})/d${wrtText}` : `d${ofText}/d${wrtText}`;
}

export function derive(analysis: Analysis, ofText: string, wrtText: string): DiffResult {
  const of = functionOf(ofText);
  const wrt = normalizeName(wrtText);
  const problem = analysis.problems.find((p) => of.names.every((n) => knows(p, n)) && knows(p, wrt));
  if (!problem) {
    const missing = analysis.problems.some((p) => of.names.every((n) => knows(p, n))) ? wrtText : ofText;
    throw new DiffError(`${missing} is not declared or defined in ${analysis.parsed.file}`);
  }
  const ref: Extract<Expr, { kind: 'deriv' }> = { kind: 'deriv', form: 'frac', of: of.expr, wrt: [nameExpr(wrtText)], span: NOWHERE };
  let meaning;
  try {
    meaning = derivativeMeaning(ref, problem.lowering);
  } catch (err) {
    if (err instanceof InformalReference) throw new DiffError(`${derivativeText(ofText, wrtText)} is a tensor (an array by a matrix); differentiate a scalar with respect to ${wrtText}, or use a vector`);
    if (err instanceof LowerError) throw new DiffError(err.message);
    throw err;
  }
  // An elementwise map's result is the Jacobian asked for, diag(...); its diagonal comes alongside.
  const [node, diagonal] = meaning.kind === 'elementwise' ? [meaning.forms[1], meaning.forms[0]] : [meaning.forms[0], undefined];
  if (!node) throw new DiffError(`${derivativeText(ofText, wrtText)} (${formatShape(meaning.shape)}) can only be evaluated at points: chainrule cannot write it as an expression`);
  const names = new Map(problem.lowering.names);
  return {
    of: ofText,
    wrt: wrtText,
    kind: meaning.kind,
    shape: formatShape(node.shape),
    result: printCr(node, names),
    expanded: printCr(node),
    latex: printLatex(node, names),
    ...(diagonal && { diagonal: printCr(diagonal, names) }),
  };
}
