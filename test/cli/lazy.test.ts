// Each command loads only what it uses (issue 18, item 1): `check`, `diff` and `shapes` never load the
// grading code or KaTeX, and grade's main thread none of the grading itself. Run on the tsc build, where every module is a file of its own.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '../..');

/** The modules `chainrule ARGS` has loaded once it has run, relative to the repository. */
function loadedBy(...args: string[]): string[] {
  const script = `require(${JSON.stringify(path.join(root, 'dist/src/cli/main.js'))}).main(['node', 'chainrule', ...process.argv.slice(1)])
    .then(() => process.stderr.write(JSON.stringify(Object.keys(require.cache))));`;
  const r = spawnSync(process.execPath, ['-e', script, '--', ...args], { cwd: root, encoding: 'utf8' });
  return (JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('['))) as string[]).map((f) => path.relative(root, f));
}

describe('command start-up', () => {
  it.each([
    ['check', 'fixtures/examples/two_layer.cr', '--json'],
    ['diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W1'],
    ['shapes', 'fixtures/examples/two_layer.cr'],
  ])('%s loads no grading code, KaTeX nor the web server', (...args) => {
    const loaded = loadedBy(...args);
    expect(loaded).toContain(`dist/src/cli/${args[0]}.js`);
    expect(loaded.filter((f) => /dist\/src\/grade\/|node_modules\/katex\/|dist\/src\/cli\/(web|grade)\.js/.test(f))).toEqual([]);
  });

  it.each([
    ['check', 'fixtures/examples/two_layer.cr'],
    ['diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W1'],
    ['shapes', 'fixtures/examples/two_layer.cr'],
  ])('%s of a .cr file loads no LaTeX, Markdown or notebook reader', (...args) => {
    expect(loadedBy(...args).filter((f) => /dist\/src\/(latex\/|analysis\/readStep\.js)/.test(f))).toEqual([]);
  });

  it('check of a Markdown document loads the LaTeX reader', () => {
    expect(loadedBy('check', 'fixtures/real/x35yao_linear_regression_math.md')).toContain('dist/src/latex/documents.js');
  });

  it("grade's main thread loads no parser, assignment reader, grader, checker nor KaTeX", () => {
    // The workers read the assignment and grade; the main thread hashes the assignment (no `feedback` or
    // `visibility` word in it: unparsed), takes the outline from a worker and writes the class files. The
    // class page's formulas come typeset from the worker (html/math.ts rememberTypeset), so KaTeX stays
    // unloaded here although every format, html included, is written.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-lazy-'));
    try {
      const loaded = loadedBy('grade', 'fixtures/grade/assignment.cr', 'fixtures/grade/submissions/ada_perfect.cr', '--out', out);
      expect(loaded).toContain('dist/src/grade/batch.js');
      expect(fs.existsSync(path.join(out, 'submissions/ada_perfect/result.json'))).toBe(true);
      // ada's answers are on the class page, typeset (KaTeX's markup) although this thread never loaded it.
      expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('class="katex"');
      expect(loaded.filter((f) => /dist\/src\/(syntax\/parse|grade\/(assignment|grader|checkMemo)|check\/evaluator)\.js|node_modules\/katex\//.test(f))).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('--version loads no command', () => {
    expect(loadedBy('--version').filter((f) => f.startsWith('dist/src/') && !/(cli\/(main|package|usage|webPort|tuning)|v8Flags)\.js$/.test(f))).toEqual([]);
  });
});
