#!/usr/bin/env node
// The command line: argument parsing and output only; the work is done in the library.
// Each command's module is loaded when the command runs (`import()`): `check` never pays for grading code
// or KaTeX, and `--help` for none of them.
import { Command, CommanderError } from 'commander';
import type { CheckCliOptions } from './check';
import type { GradeCliOptions } from './grade';
import { UsageError } from './usage';
import { docPath, packageVersion } from './package';
import { DEFAULT_PORT } from './webPort';
import { tuneForShortRun } from './tuning';

/** A command that reads one or a few documents: tuned for a short run before its code loads (tuning.ts). */
function short(action: () => number | Promise<number>): Promise<void> {
  tuneForShortRun();
  return run(action);
}

function run(action: () => number | Promise<number>): Promise<void> {
  return Promise.resolve()
    .then(action)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      if (err instanceof UsageError) process.stderr.write(`chainrule: ${err.message}\n`);
      else process.stderr.write(`chainrule: internal error: ${err instanceof Error ? err.message : String(err)}\nplease report this with the input that caused it\n`);
      process.exitCode = 2;
    });
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('chainrule')
    .description('Checks calculus derivations: gradients, Jacobians, matrix shapes, numeric backpropagation.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', `\nDocumentation (shipped with chainrule):\n  ${docPath('spec.md')}      the language, the commands, their JSON\n  ${docPath('grading.md')}   chainrule grade, Gradescope\n  ${docPath('latex.md')}     reading Markdown, LaTeX and notebooks\n  ${docPath('web.md')}       chainrule web, the live checker page`);

  program
    .command('check')
    .description('check every claim of a derivation')
    .argument('<files...>', '.cr, .md, .tex or .ipynb derivations; - reads standard input')
    .option('--json', 'print JSON (docs/spec.md, section 3; an array for several files)')
    .option('--seed <n>', 'seed of the random sample points')
    .option('--as <format>', 'the format of standard input: cr, md, tex or ipynb (default cr)')
    .option('--feedback <level>', 'full (default), hints (the kind and place of each mistake, no answers) or score (verdicts only)')
    .option('--assignment <file>', 'check against an assignment (.cr) as `grade` would grade it, and show the answer taken for each ask')
    .action((files: string[], opts: CheckCliOptions) => short(async () => (await import('./check')).checkCommand(files, opts)));

  program
    .command('diff')
    .description('differentiate a defined name with respect to another')
    .argument('<file>', 'a .cr, .md, .tex or .ipynb derivation')
    .requiredOption('--of <name>', 'the function, e.g. L')
    .requiredOption('--wrt <name>', 'the variable, e.g. W1')
    .option('--json', 'print JSON (docs/spec.md, section 3)')
    .option('--latex', 'print the result as LaTeX')
    .action((file: string, opts: { of: string; wrt: string; json?: boolean; latex?: boolean }) => short(async () => (await import('./diff')).diffCommand(file, opts)));

  program
    .command('shapes')
    .description('print the shape of every name, and every shape error')
    .argument('<file>', 'a .cr, .md, .tex or .ipynb derivation')
    .option('--json', 'print JSON (docs/spec.md, section 3)')
    .action((file: string, opts: { json?: boolean }) => short(async () => (await import('./shapes')).shapesCommand(file, opts)));

  program
    .command('grade')
    .description('grade submissions against an assignment; outputs in --out DIR')
    .argument('<assignment>', 'the assignment (.cr): problems, their setup, `ask` lines')
    .argument('<submissions...>', 'one .cr, .md, .tex or .ipynb file, or one folder, per student (a glob: subs/*; or a class folder with --each)')
    .requiredOption('--out <dir>', 'output folder (gradebook.csv, summary.json, index.html, submissions/NAME/...)')
    .option('--format <list>', 'outputs to write: json,gradescope,csv,html (default: all)')
    .option('--seed <n>', 'seed of the random sample points (default 1)')
    .option('--jobs <n>', 'worker threads (default: one per core)')
    .option('--time-limit <seconds>', 'per submission (default 30)')
    .option('--memory <mb>', 'memory cap per submission (default 512)')
    .option('--feedback <level>', "what students are shown: full, hints (no answers) or score (default: the assignment's `feedback` line, else full)")
    .option('--visibility <when>', "Gradescope tests' visibility: visible, hidden, after_due_date or after_published (default: the assignment's `visibility` line, else visible)")
    .option('--roster <file>', "authors' names and ids: a CSV (submission,name,id,email) or Gradescope's submission_metadata.yml or .json")
    .option('--each', 'every file or folder inside the given folders is a submission (a class folder, a Gradescope export)')
    .action((assignment: string, submissions: string[], opts: GradeCliOptions) => run(async () => (await import('./grade')).gradeCommand(assignment, submissions, opts)));

  program
    .command('web')
    .description('serve the web checker (checking runs in the browser) on 127.0.0.1 and print its address')
    .option('--port <n>', `port (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .action((opts: { port?: string }) => run(async () => (await import('./web')).webCommand(opts)));

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes are input errors.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    throw err;
  }
}

if (require.main === module) void main(process.argv);
