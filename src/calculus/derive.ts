// `chainrule diff`: the derivative of a name with respect to another, readable (reusing defined names),
// expanded (declared leaves only, in .cr syntax that parses back), and in LaTeX.
import type { Expr, Span } from '../syntax/ast';
import { formatShape } from '../ir/types';
import { printCr, printLatex } from '../ir/print';
import { normalizeName } from '../syntax/parse';
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

export function derive(analysis: Analysis, ofText: string, wrtText: string): DiffResult {
  const of = normalizeName(ofText);
  const wrt = normalizeName(wrtText);
  const problem = analysis.problems.find((p) => knows(p, of) && knows(p, wrt));
  if (!problem) {
    const missing = analysis.problems.some((p) => knows(p, of)) ? wrtText : ofText;
    throw new DiffError(`${missing} is not declared or defined in ${analysis.parsed.file}`);
  }
  const ref: Extract<Expr, { kind: 'deriv' }> = { kind: 'deriv', form: 'frac', of: nameExpr(ofText), wrt: [nameExpr(wrtText)], span: NOWHERE };
  let meaning;
  try {
    meaning = derivativeMeaning(ref, problem.lowering);
  } catch (err) {
    if (err instanceof InformalReference) throw new DiffError(`d${ofText}/d${wrtText} is a tensor (an array by a matrix); differentiate a scalar with respect to ${wrtText}, or use a vector`);
    throw err;
  }
  const node = meaning.forms[0];
  if (!node) throw new DiffError(`d${ofText}/d${wrtText} is a Jacobian too large to write out (${formatShape(meaning.shape)})`);
  const names = new Map(problem.lowering.names);
  return {
    of: ofText,
    wrt: wrtText,
    kind: meaning.kind,
    shape: formatShape(node.shape),
    result: printCr(node, names),
    expanded: printCr(node),
    latex: printLatex(node, names),
  };
}
