// `chainrule web [--port N]`: serves the web checker (web/dist, built by `npm run build:web` and shipped in
// the package) on 127.0.0.1 and prints its address. The site is static; checking runs in the browser.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { UsageError } from './usage';
import { DEFAULT_PORT } from './webPort';
import { packageRoot } from './package';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.cr': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.tex': 'text/plain; charset=utf-8',
};

/** web/dist of the package (this file runs from dist/src/cli/, from the bundle in dist/bin/, or from src/cli/). */
function siteRoot(): string {
  return path.join(packageRoot(), 'web/dist');
}

/** Resolves when the server is stopped (Ctrl-C); exit code 0. */
export async function webCommand(options: { port?: string }, root = siteRoot()): Promise<number> {
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number (0 to 65535; 0 picks a free one), not ${options.port}`);
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new UsageError(`the web checker is not built (${root} has no index.html): run npm run build:web`);
  const server = http.createServer((req, res) => serve(root, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use on 127.0.0.1; choose another with --port N`) : err));
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as { port: number };
  process.stdout.write(`chainrule web checker: http://127.0.0.1:${bound}/\n(serving ${root}; press Ctrl-C to stop)\n`);
  return new Promise((resolve) => {
    const stop = () => server.close(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function serve(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'only GET and HEAD');
  const file = fileOf(root, req.url ?? '/');
  if (!file) return reply(res, 404, 'not found');
  const body = fs.readFileSync(file);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The regular file under `root` that a request path names (a folder: its index.html), or undefined. */
function fileOf(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return undefined;
  }
  const file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const target = pathname.endsWith('/') ? path.join(file, 'index.html') : file;
  return fs.statSync(target, { throwIfNoEntry: false })?.isFile() ? target : undefined;
}

function reply(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
