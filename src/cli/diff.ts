// `chainrule diff FILE --of L --wrt W [--json] [--latex]`: arguments and output; the work is in src/app/diff.ts.
import { diffSource, derivativeText, DiffError, functionOf } from '../app/diff';
import { latexName } from '../ops/printing';
import { printDiagnostics, printJson, readInput, UsageError } from './io';

export function diffCommand(file: string, options: { of: string; wrt: string; json?: boolean; latex?: boolean }): number {
  const source = readInput(file);
  let outcome;
  try {
    outcome = diffSource(source, file, options.of, options.wrt);
  } catch (err) {
    if (err instanceof DiffError) throw new UsageError(err.message);
    throw err;
  }
  // Warnings too (an undeclared name taken as a scalar), as `check` and `shapes` print them.
  printDiagnostics(outcome.diagnostics, source, file);
  const result = outcome.result;
  if (!result) return outcome.exitCode;
  if (options.json) printJson(result);
  else if (options.latex) process.stdout.write(`${latexDerivative(result.of, result.wrt)} = ${result.latex}\n`);
  else {
    const diagonal = result.diagonal ? `; diagonal ${result.diagonal}` : '';
    process.stdout.write(`${derivativeText(result.of, result.wrt)} = ${result.result}    (${result.shape}, ${result.kind}${diagonal})\n`);
  }
  return 0;
}

/** ∂L/∂W, or for a derivative differentiated again (`--of dL/dw`), ∂/∂w ∂L/∂w. */
function latexDerivative(of: string, wrt: string): string {
  const [f, ...inner] = functionOf(of).names.map(latexName);
  const outer = `\\partial ${latexName(wrt)}`;
  return inner.length ? `\\frac{\\partial}{${outer}} \\frac{\\partial ${f}}{${inner.map((w) => `\\partial ${w}`).join(' ')}}` : `\\frac{\\partial ${f}}{${outer}}`;
}
