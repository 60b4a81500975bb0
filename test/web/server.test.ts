// `chainrule web` (src/cli/web.ts): serves web/dist on 127.0.0.1 and nothing outside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as http from 'http';
import * as path from 'path';
import { spawn, spawnSync, type ChildProcess } from 'child_process';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');

/** A raw request, its path sent as written (no URL normalisation of `..`). */
function get(port: number, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('chainrule web', () => {
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    server = spawn(process.execPath, [CLI, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise<number>((resolve) => {
      let out = '';
      server.stdout!.on('data', (c) => {
        out += c;
        const m = /^chainrule web checker: http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(out);
        if (m) resolve(Number(m[1]));
      });
    });
  });

  afterAll(() => {
    server?.kill();
  });

  it('serves the site with its content types', async () => {
    const index = await get(port, '/');
    expect([index.status, index.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(index.body).toContain('<div id="editor"></div>');
    expect((await get(port, '/worker.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(port, '/examples/homework.cr?x=1')).body).toContain('ask dL/dW');
    expect((await get(port, '/examples/homework.cr', 'HEAD')).body).toBe('');
  });

  it('serves nothing outside web/dist, and only reads', async () => {
    for (const p of ['/../package.json', '/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/nothing.js', '/examples']) {
      expect([p, (await get(port, p)).status]).toEqual([p, 404]);
    }
    expect((await get(port, '/', 'POST')).status).toBe(405);
  });

  it('refuses a bad port, and a port in use, with a clear message', () => {
    const bad = spawnSync(process.execPath, [CLI, 'web', '--port', 'eighty'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr]).toEqual([2, 'chainrule: --port takes a port number (0 to 65535; 0 picks a free one), not eighty\n']);
    const taken = spawnSync(process.execPath, [CLI, 'web', '--port', String(port)], { encoding: 'utf8' });
    expect([taken.status, taken.stderr]).toEqual([2, `chainrule: port ${port} is in use on 127.0.0.1; choose another with --port N\n`]);
  });
});
