// Where chainrule is installed: its package.json (for --version) and the docs it ships (for --help). Found
// by walking up from this file, which runs from dist/src/cli/, from the bundle in dist/bin/ or, under
// ts-node, from src/cli/.
import * as fs from 'fs';
import * as path from 'path';

export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'chainrule') return dir;
    if (path.dirname(dir) === dir) throw new Error('chainrule\'s package.json was not found above ' + __dirname);
  }
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** A file of the shipped docs/ folder (package.json `files` lists it), as an absolute path. */
export function docPath(name: string): string {
  return path.join(packageRoot(), 'docs', name);
}
