// The shipped binary's start (issue 18): the command line is cut into parts (scripts/build-bin.js PARTS) and
// a command reads only the parts it runs; dist/bin/load.js compiles each file with a code cache on Node 20
// (scripts/build-bin.js makes them, under the V8 flags each file's role starts with); and a `check` from the
// binary loads no Node module it does not use (child_process, worker_threads: commander and the worker entry
// used to pull them in, with net and the streams behind them; here net comes with the piped stdout).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as fs from 'fs';
import { BATCH_V8_FLAGS } from '../../src/grade/tuning';

const root = path.join(__dirname, '../..');
const loader = path.join(root, 'dist/bin/load.js');
const hasOwnCompileCache = typeof (require('module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Whether V8 refused the code cache of dist/bin/NAME.js when it was compiled in a process started with `flags`. */
function rejected(name: string, flags: string[]): string {
  const script = `const loader = require(${JSON.stringify(loader)}); loader.load(${JSON.stringify(name)}); process.stdout.write(String(loader.scripts.get(${JSON.stringify(name)}).cachedDataRejected));`;
  return spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }).stdout;
}

/** What `chainrule ARGS` printed, and the parts of the command line it read. */
function partsReadBy(...args: string[]): { stdout: string; parts: string[] } {
  const script = `process.on('exit', () => process.stderr.write(JSON.stringify(require(${JSON.stringify(loader)}).loadedParts())));
    process.argv = [process.execPath, 'chainrule', ...${JSON.stringify(args)}];
    require(${JSON.stringify(path.join(root, 'dist/bin/chainrule.js'))});`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  return { stdout: r.stdout, parts: JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('['))) as string[] };
}

describe('the binary', () => {
  it.skipIf(hasOwnCompileCache)('compiles each file with its code cache on Node 20, and V8 refuses one made under other flags', () => {
    for (const part of ['core', 'readers', 'grade']) expect(rejected(part, []), part).toBe('false');
    expect(rejected('worker-bundle', [...BATCH_V8_FLAGS])).toBe('false'); // grade's flags, the workers'
    expect(rejected('worker-bundle', [])).toBe('true'); // then it compiles as it would without one
    expect(rejected('worker-bundle', ['--no-turbo-inlining'])).toBe('true'); // some of them only, as V8 checks every flag
  });

  it('reads for a .cr check, diff or shapes only its core; the readers for Markdown; grading for --assignment', () => {
    const cr = partsReadBy('check', 'fixtures/examples/two_layer.cr');
    expect(cr.stdout).toContain('7 claims, 4 correct, 3 incorrect');
    expect(cr.parts).toEqual(['core']);
    expect(partsReadBy('diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W1').parts).toEqual(['core']);
    expect(partsReadBy('shapes', 'fixtures/examples/two_layer.cr').parts).toEqual(['core']);
    const md = partsReadBy('check', 'fixtures/real/x35yao_linear_regression_math.md');
    expect(md.stdout).toContain('x35yao_linear_regression_math.md');
    expect(md.parts.sort()).toEqual(['core', 'readers']);
    const graded = partsReadBy('check', '--assignment', 'fixtures/grade/assignment.cr', 'fixtures/grade/submissions/ada_perfect.cr');
    expect(graded.stdout).toContain('ada_perfect');
    expect(graded.parts).toContain('grade');
    expect(graded.parts).not.toContain('web');
  });

  it('checks from the binary without loading child_process or worker_threads', () => {
    const script = `const before = new Set(process.moduleLoadList);
      process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));
      process.argv = [process.execPath, 'chainrule', 'check', 'fixtures/examples/two_layer.cr'];
      require(${JSON.stringify(path.join(root, 'dist/bin/chainrule.js'))});`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toContain('two_layer.cr');
    const loaded = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('['))) as string[];
    expect(loaded.filter((m) => /NativeModule (child_process|worker_threads)$/.test(m))).toEqual([]);
  });

  it('ships every part its chunks are filed in', () => {
    const partOf = JSON.parse(fs.readFileSync(path.join(root, 'dist/bin/parts.json'), 'utf8')) as Record<string, string>;
    for (const part of new Set(Object.values(partOf))) expect(fs.existsSync(path.join(root, `dist/bin/${part}.js`)), part).toBe(true);
  });
});
