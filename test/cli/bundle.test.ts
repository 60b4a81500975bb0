// The shipped binary's start (issue 18): dist/bin/load.js compiles the bundle with a code cache on Node 20
// (scripts/build-bin.js makes one per role, under the V8 flags that role starts with), and a `check` from the
// bundle loads no Node module it does not use (child_process, worker_threads: commander and the worker entry
// used to pull them in, with net and the streams behind them; here net comes with the piped stdout).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as fs from 'fs';
import { BATCH_V8_FLAGS } from '../../src/grade/tuning';

const root = path.join(__dirname, '../..');
const loader = path.join(root, 'dist/bin/load.js');
const hasOwnCompileCache = typeof (require('module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Whether V8 refused the role's cache when the bundle was compiled with it, in a process started with `flags`. */
function rejected(role: string, flags: string[]): string {
  const script = `const { compiled } = require(${JSON.stringify(loader)}); let s; compiled(${JSON.stringify(role)}, (x) => (s = x)); process.stdout.write(String(s.cachedDataRejected));`;
  return spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }).stdout;
}

describe('the binary', () => {
  it.skipIf(hasOwnCompileCache)('compiles with the code cache of its role on Node 20, and V8 refuses it under other flags', () => {
    for (const role of ['cli', 'worker']) expect(fs.existsSync(path.join(root, `dist/bin/chainrule-${role}.cache`))).toBe(true);
    expect(rejected('cli', [])).toBe('false');
    expect(rejected('worker', [...BATCH_V8_FLAGS])).toBe('false'); // grade's flags
    expect(rejected('worker', [])).toBe('true'); // then it compiles as it would without one
    expect(rejected('worker', ['--no-turbo-inlining'])).toBe('true'); // some of them only, as V8 checks every flag
  });

  it('checks from the bundle without loading child_process or worker_threads', () => {
    const script = `const before = new Set(process.moduleLoadList);
      process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));
      process.argv = [process.execPath, 'chainrule', 'check', 'fixtures/examples/two_layer.cr'];
      require(${JSON.stringify(path.join(root, 'dist/bin/chainrule.js'))});`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toContain('two_layer.cr');
    const loaded = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('['))) as string[];
    expect(loaded.filter((m) => /NativeModule (child_process|worker_threads)$/.test(m))).toEqual([]);
  });
});
