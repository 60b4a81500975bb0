// `chainrule diff`: the derivative of a name with respect to another, readable (reusing defined names),
// expanded (declared leaves only, in .cr syntax that parses back), and in LaTeX.
import type { Expr, Span } from '../syntax/ast';
import { formatShape } from '../ir/types';
import { printCr, printLatex } from '../ir/print';
import { normalizeName } from '../syntax/parse';
import type { Analysis } from '../analysis/source';
import { LowerError } from '../resolve/lower';
import { knownNames } from '../resolve/names';
import { similarName } from '../resolve/similar';
import type { ClaimKind } from '../check/report';
import { derivativeMeaning, InformalReference, type DerivativeRef } from './meaning';

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

export function derive(analysis: Analysis, ofText: string, wrtText: string): DiffResult {
  const of = normalizeName(ofText);
  const ref: DerivativeRef = { kind: 'deriv', form: 'frac', of: nameExpr(ofText), wrt: [nameExpr(wrtText)], span: NOWHERE };
  // Read as `check` reads d(of)/d(wrt): names declared, defined, given by `at` or used (undeclared scalars, SPEC 1.1).
  const problem = analysis.problems.find((p) => p.lowering.quotientNames(ref).length === 0);
  if (!problem) throw unknownNames(analysis, ref);
  // An undeclared scalar has no function to differentiate (derivativeMeaning would say so, quoting the file at no place).
  if (problem.lowering.isUndeclared(of)) throw new DiffError(`${ofText} is not defined in ${analysis.parsed.file}, so d${ofText}/d${wrtText} cannot be worked out; define it first, e.g. \`${ofText} = ...\``);
  let meaning;
  try {
    meaning = derivativeMeaning(ref, problem.lowering);
  } catch (err) {
    if (err instanceof InformalReference) throw new DiffError(`d${ofText}/d${wrtText} is a tensor (an array by a matrix); differentiate a scalar with respect to ${wrtText}, or use a vector`);
    if (err instanceof LowerError) throw new DiffError(err.diagnostic.message + (err.diagnostic.hint ? ` (hint: ${err.diagnostic.hint})` : ''));
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

/** The names that mean nothing in the problem that comes closest (a file has at least one), with a "did you mean". */
function unknownNames(analysis: Analysis, ref: DerivativeRef): DiffError {
  const [closest] = analysis.problems
    .map((p) => ({ scope: p.scope, unknown: p.lowering.quotientNames(ref) }))
    .sort((a, b) => a.unknown.length - b.unknown.length);
  const similar = closest.unknown.map((n) => similarName(normalizeName(n), knownNames(closest.scope))).find((s) => s !== undefined);
  const verb = closest.unknown.length === 1 ? 'is' : 'are';
  return new DiffError(`${closest.unknown.join(', ')} ${verb} not declared, defined or used in ${analysis.parsed.file}${similar ? `; did you mean ${similar}?` : ''}`);
}
