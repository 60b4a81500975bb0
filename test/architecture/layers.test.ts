// The layers of docs/architecture.md, checked on every import line of src/ (type imports and re-exports
// included): a folder imports from its own folder and from layers below it, never from a layer above or
// from another folder of its own layer, except the op table's core (folders joined by `+`).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const src = path.join(root, 'src');

/** The layers block of docs/architecture.md, top first: each line a layer, each word a folder or `a+b+c` group. */
function readLayers(): Map<string, { layer: number; group: string }> {
  const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const block = /<!-- layers -->\n```\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/architecture.md has no layers block');
  const lines = block[1].trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const layers = new Map<string, { layer: number; group: string }>();
  lines.forEach((line, k) => {
    for (const group of line.split(/\s+/)) for (const folder of group.split('+')) layers.set(folder, { layer: lines.length - k, group });
  });
  return layers;
}

/** The folder of a file under src/ (a top-level file is its own folder, named without extension). */
function folderOf(file: string): string {
  const rel = path.relative(src, file).split(path.sep);
  return rel.length === 1 ? rel[0].replace(/\.ts$/, '') : rel[0];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import or re-export of a file, as the folder it lands in. */
function importsOf(file: string): Array<{ line: number; folder: string; spec: string }> {
  const out: Array<{ line: number; folder: string; spec: string }> = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((text, k) => {
    const m = /^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/.exec(text) ?? /^\s*import\s+['"](\.[^'"]+)['"]/.exec(text);
    if (m) out.push({ line: k + 1, spec: m[1], folder: folderOf(path.resolve(path.dirname(file), m[1])) });
  });
  return out;
}

describe('layers', () => {
  const layers = readLayers();
  const files = sourceFiles(src);

  it('name every folder of src/', () => {
    const folders = new Set(files.map(folderOf));
    expect([...folders].filter((f) => !layers.has(f)).sort()).toEqual([]);
  });

  /** Whether a file of folder `from` may import from folder `to`. */
  const allowed = (from: string, to: string): boolean => {
    const here = layers.get(from)!;
    const there = layers.get(to);
    return from === to || (there !== undefined && (there.layer < here.layer || there.group === here.group));
  };

  it('are kept by every import line', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const file of files) {
      const from = folderOf(file);
      for (const imp of importsOf(file)) {
        checked++;
        if (!allowed(from, imp.folder)) wrong.push(`${path.relative(root, file)}:${imp.line} imports ${imp.spec} (${from} may not import ${imp.folder})`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });

  it('refuse imports upwards and between folders of one layer, but not within the core', () => {
    expect(allowed('resolve', 'check')).toBe(false); // upwards: resolve is below check
    expect(allowed('diagnostics', 'syntax')).toBe(false); // the bottom imports nothing
    expect(allowed('check', 'shapes')).toBe(false); // one layer, two folders
    expect(allowed('check', 'resolve')).toBe(true);
    expect(allowed('ops', 'ir')).toBe(true); // the op table's core imports itself
    expect(allowed('ir', 'ops')).toBe(true);
  });
});
