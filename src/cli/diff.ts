// `chainrule diff FILE --of L --wrt W [--json] [--latex]`.
import { analyzeSource } from '../analysis/source';
import { makeCalculus } from '../calculus/index';
import { derive, DiffError } from '../calculus/derive';
import { shapesOf } from '../app/shapes';
import { latexName } from '../ops/printing';
import { printDiagnostics, printJson, readInput, UsageError } from './io';

export function diffCommand(file: string, options: { of: string; wrt: string; json?: boolean; latex?: boolean }): number {
  const source = readInput(file);
  const analysis = analyzeSource(source, file, makeCalculus);
  const checked = shapesOf(analysis);
  // Warnings too (an undeclared name taken as a scalar), as `check` and `shapes` print them.
  printDiagnostics(checked.diagnostics, source, file);
  if (checked.exitCode !== 0) return checked.exitCode;
  let result;
  try {
    result = derive(analysis, options.of, options.wrt);
  } catch (err) {
    if (err instanceof DiffError) throw new UsageError(err.message);
    throw err;
  }
  if (options.json) printJson(result);
  else if (options.latex) process.stdout.write(`\\frac{\\partial ${latexName(result.of)}}{\\partial ${latexName(result.wrt)}} = ${result.latex}\n`);
  else process.stdout.write(`d${result.of}/d${result.wrt} = ${result.result}    (${result.shape}, ${result.kind})\n`);
  return 0;
}
