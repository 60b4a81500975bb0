// `chainrule diff`: the derivative of a name (or of a derivative, for a Hessian) with respect to another,
// readable (reusing defined names), expanded (declared leaves only, in .cr syntax that parses back; and with
// shared subexpressions named once), and in LaTeX. A Jacobian is a matrix in numerator layout; an elementwise
// map's is diagonal (SPEC 1.5).
import type { Expr, Span } from '../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import { formatShape } from '../ir/types';
import { printCr, printLatex } from '../ir/print';
import { printCrShared } from '../ir/printShared';
import { normalizeName, parseExpression, ParseError } from '../syntax/parse';
import { analyzeSource, type Analysis } from '../analysis/source';
import { LowerError } from '../resolve/lower';
import { knownNames } from '../resolve/names';
import { similarName } from '../resolve/similar';
import type { ClaimKind } from '../check/report';
import { makeCalculus } from '../calculus/index';
import { derivativeMeaning, InformalReference, type DerivativeRef } from '../calculus/meaning';
import { shapesOf } from './shapes';
import { COMMAND_LIMITS, type Limits } from '../limits/index';
import { underLimits } from './limits';

export interface DiffResult {
  of: string;
  wrt: string;
  kind: ClaimKind;
  shape: string;
  result: string;
  expanded: string;
  /** `expanded` with shared subexpressions printed once, as intermediates `t1 = ...`, one per line (ir/printShared.ts). */
  expandedShared: string;
  latex: string;
  /** For an elementwise map, whose result is its diagonal Jacobian: the diagonal, shaped like the variable. */
  diagonal?: string;
}

/** A derivative `diff` cannot give; the message says why (the CLI prints it as a usage error). */
export class DiffError extends Error {}

export interface DiffOutcome {
  /** The file's diagnostics (warnings too); with errors there is no result. */
  diagnostics: Diagnostic[];
  exitCode: 0 | 2;
  result?: DiffResult;
}

/** The command: the file's shapes checked, then the derivative, under `limits`. Throws DiffError. */
export function diffSource(source: string, file: string, ofText: string, wrtText: string, limits: Limits = COMMAND_LIMITS): DiffOutcome {
  return underLimits(
    limits,
    (): DiffOutcome => {
      const analysis = analyzeSource(source, file, makeCalculus);
      const checked = shapesOf(analysis);
      if (checked.exitCode !== 0) return { diagnostics: checked.diagnostics, exitCode: checked.exitCode };
      return { diagnostics: checked.diagnostics, exitCode: 0, result: derive(analysis, ofText, wrtText) };
    },
    (limit) => ({ diagnostics: [limit], exitCode: 2 }),
  );
}

const NOWHERE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function nameExpr(text: string): Extract<Expr, { kind: 'name' }> {
  return { kind: 'name', name: normalizeName(text), text, span: NOWHERE };
}

function nameRef(of: string, wrt: string): DerivativeRef {
  return { kind: 'deriv', form: 'frac', of: nameExpr(of), wrt: [nameExpr(wrt)], span: NOWHERE };
}

/** The names of `dL/dw`, `d(L)/d(w)` or `∂L/∂w` as written ([L, w]); undefined for any other text. */
function derivativeOfNames(text: string): string[] | undefined {
  let parsed: Expr;
  try {
    parsed = parseExpression(text);
  } catch (err) {
    if (err instanceof ParseError) return undefined;
    throw err;
  }
  if (parsed.kind !== 'deriv' || parsed.form !== 'frac') return undefined;
  const names = [parsed.of, ...parsed.wrt];
  return names.every((e) => e.kind === 'name') ? names.map((e) => (e as Extract<Expr, { kind: 'name' }>).text) : undefined;
}

/** `--of`: a name, or a derivative of names (`dL/dw`) whose Jacobian is then taken (the Hessian). */
export function functionOf(text: string): { expr: Expr; names: string[] } {
  const names = derivativeOfNames(text);
  if (!names) return { expr: nameExpr(text), names: [text] };
  const [of, ...wrt] = names.map(nameExpr);
  return { expr: { kind: 'deriv', form: 'frac', of, wrt, span: NOWHERE }, names };
}

/** `dL/dW`, or `d(dL/dw)/dw` when the function is itself a derivative. */
export function derivativeText(ofText: string, wrtText: string): string {
  return functionOf(ofText).names.length > 1 ? `d(${ofText})/d${wrtText}` : `d${ofText}/d${wrtText}`;
}

export function derive(analysis: Analysis, ofText: string, wrtText: string): DiffResult {
  const of = functionOf(ofText);
  const [fn, ...inner] = of.names;
  // Read as `check` reads d(of)/d(wrt): names declared, defined, given by `at` or used (undeclared scalars, SPEC 1.1).
  const written = [...inner, wrtText].map((w) => nameRef(fn, w));
  const problem = analysis.problems.find((p) => written.every((r) => p.lowering.quotientNames(r).length === 0));
  if (!problem) throw unknownNames(analysis, written);
  const text = derivativeText(ofText, wrtText);
  // An undeclared scalar has no function to differentiate (derivativeMeaning would say so, quoting the file at no place).
  if (problem.lowering.isUndeclared(normalizeName(fn))) throw new DiffError(`${fn} is not defined in ${analysis.parsed.file}, so ${text} cannot be worked out; define it first, e.g. \`${fn} = ...\``);
  const ref: DerivativeRef = { kind: 'deriv', form: 'frac', of: of.expr, wrt: [nameExpr(wrtText)], span: NOWHERE };
  let meaning;
  try {
    meaning = derivativeMeaning(ref, problem.lowering);
  } catch (err) {
    if (err instanceof InformalReference) throw new DiffError(`${text} is a tensor (an array by a matrix); differentiate a scalar with respect to ${wrtText}, or use a vector`);
    if (err instanceof LowerError) throw new DiffError(err.diagnostic.message + (err.diagnostic.hint ? ` (hint: ${err.diagnostic.hint})` : ''));
    throw err;
  }
  const [node, diagonal] = meaning.kind === 'elementwise' ? [meaning.forms[1], meaning.forms[0]] : [meaning.forms[0], undefined];
  if (!node) throw new DiffError(`${text} (${formatShape(meaning.shape)}) can only be evaluated at points: chainrule cannot write it as an expression`);
  const names = new Map(problem.lowering.names);
  return {
    of: ofText,
    wrt: wrtText,
    kind: meaning.kind,
    shape: formatShape(node.shape),
    result: printCr(node, names),
    expanded: printCr(node),
    expandedShared: printCrShared(node),
    latex: printLatex(node, names),
    ...(diagonal && { diagonal: printCr(diagonal, names) }),
  };
}

/** The names that mean nothing in the problem that comes closest, with a "did you mean" (or that the file has no problem at all). */
function unknownNames(analysis: Analysis, refs: readonly DerivativeRef[]): DiffError {
  const [closest] = analysis.problems
    .map((p) => ({ scope: p.scope, unknown: [...new Set(refs.flatMap((r) => p.lowering.quotientNames(r)))] }))
    .sort((a, b) => a.unknown.length - b.unknown.length);
  if (!closest) return new DiffError(`${analysis.parsed.file} has nothing chainrule could read, so nothing is declared or defined there`);
  const similar = closest.unknown.map((n) => similarName(normalizeName(n), knownNames(closest.scope))).find((s) => s !== undefined);
  const verb = closest.unknown.length === 1 ? 'is' : 'are';
  return new DiffError(`${closest.unknown.join(', ')} ${verb} not declared, defined or used in ${analysis.parsed.file}${similar ? `; did you mean ${similar}?` : ''}`);
}
