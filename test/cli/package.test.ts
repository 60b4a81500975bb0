// What an install gets (issue 16, item 5): `--version`, a `prepare` script that builds the binary when the
// package is installed from git, a LICENSE, no dependency that refuses Node 20, and a `--help` that cites
// only docs the package ships.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const cli = path.join(root, 'dist/bin/chainrule.js'); // the shipped binary (scripts/build-bin.js)
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; license: string; scripts: Record<string, string> };

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
}

/** Whether a version satisfies an `engines.node` range of the forms the lock file holds (`>=X`, `^X.Y`, `*`, joined by `||`). */
function admits(range: string, version: string): boolean {
  const v = version.split('.').map(Number);
  const atLeast = (min: number[]) => {
    for (let i = 0; i < 3; i++) if ((v[i] ?? 0) !== (min[i] ?? 0)) return (v[i] ?? 0) > (min[i] ?? 0);
    return true;
  };
  return range.split('||').some((alternative) => {
    const a = alternative.trim();
    if (a === '*') return true;
    const m = /^(>=|\^)\s*(\d+(?:\.\d+){0,2})$/.exec(a);
    if (!m) throw new Error(`engines range not understood by this test: ${a}`);
    const min = m[2].split('.').map(Number);
    return m[1] === '>=' ? atLeast(min) : v[0] === min[0] && atLeast(min);
  });
}

describe('the package', () => {
  it('prints its version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(manifest.version);
  });

  it('builds itself when installed from git, and ships an MIT LICENSE', () => {
    expect(manifest.scripts.prepare).toBe('npm run build');
    expect(manifest.license).toBe('MIT');
    const license = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) chainrule contributors\n/);
  });

  it('depends on nothing whose engines refuse Node 20 (npm would warn EBADENGINE)', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } }> };
    const refusing = (version: string, includeDev: boolean) =>
      Object.entries(lock.packages)
        .filter(([name, p]) => name && (includeDev || !p.dev) && p.engines?.node && !admits(p.engines.node, version))
        .map(([name]) => name);
    // What `npm install chainrule` installs works on any Node 20; everything `npm ci` installs, on this one.
    expect(refusing('20.0.0', false)).toEqual([]);
    expect(refusing(process.versions.node, true)).toEqual([]);
    // The check itself can fail: katex 0.19's commander wants Node 22.
    expect(admits('>=22.12.0', '20.20.2')).toBe(false);
  });

  it('cites in --help only docs that the package ships', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(packed.status).toBe(0);
    const files = new Set((JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path));
    expect(files.has('LICENSE')).toBe(true);
    expect(files.has('dist/bin/chainrule.js')).toBe(true);
    for (const file of ['load.js', 'parts.json', 'core.js', 'readers.js', 'grade.js', 'worker-bundle.js']) expect(files.has(`dist/bin/${file}`), file).toBe(true);
    expect(files.has('dist/src/index.js')).toBe(true);
    const help = [run('--help'), run('check', '--help'), run('grade', '--help')].map((r) => r.stdout).join('\n');
    const cited = [...help.matchAll(/docs\/[\w.-]+\.md/g)].map((m) => m[0]);
    expect(cited).toEqual(expect.arrayContaining(['docs/spec.md', 'docs/grading.md']));
    for (const doc of cited) expect(files.has(doc), doc).toBe(true);
    expect(help).not.toMatch(/\bSPEC\b/);
  });
});
