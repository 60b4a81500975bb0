// The web checker (SPEC 4.4, docs/web.md) in a real headless Chromium, served by `chainrule web --port 0`
// from web/dist (built by `npm run build`, which `pretest` runs). Every request the pages make is recorded,
// and none may leave the server's origin. In CI (CI=true) a missing Chromium fails the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { spawn, type ChildProcess } from 'child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkSource } from '../../src/app/check';
import { encodeShared } from '../../src/web/share';
import { launchChromium, skipWithoutChromium } from '../helpers/chromium';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const SITE = path.join(ROOT, 'web/dist');
const skip = skipWithoutChromium('test/web/page.test.ts');

/**
 * A two-layer network; line 13's dL/dW2 misses a transpose. By hand (a1 is 1 x N, a2 - y a scalar):
 * dL/dh2 = a2 - y (sigmoid with cross-entropy), and dL/dW2 = a1^T (a2 - y), N x 1 like W2; the written
 * a1 (a2 - y) is 1 x N, so the step is incorrect and the fix is to transpose a1.
 */
const TWO_LAYER = [
  'X : 1 x M', 'W1 : M x N', 'b1, h1, a1 : 1 x N', 'W2 : N x 1', 'b2, h2, a2 : scalar', 'y : scalar binary',
  'h1 = X W1 + b1', 'a1 = sigma(h1)', 'h2 = a1 W2 + b2', 'a2 = sigma(h2)', 'L = -y log(a2) - (1 - y) log(1 - a2)',
  'dL/dh2 = a2 - y',
  'dL/dW2 = a1 (a2 - y)',
];

describe.skipIf(skip)('the web checker in Chromium', () => {
  let server: ChildProcess;
  let base: string;
  let browser: Browser;
  const requested: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error('web/dist is not built: run npm run build');
    server = spawn(process.execPath, [CLI, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk) => {
        out += chunk;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server.once('exit', (code) => reject(new Error(`chainrule web exited with ${code}: ${out}`)));
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  async function open(url: string, context?: BrowserContext): Promise<Page> {
    const ctx = context ?? (await browser.newContext());
    ctx.on('request', (r) => void requested.push(r.url()));
    const page = await ctx.newPage();
    await page.goto(url);
    return page;
  }

  const claim = (page: Page, line: number) => page.locator(`.claim[data-line="${line}"]`);
  /** The editor's lines (its DOM also holds the verdict blocks). */
  const editorText = async (page: Page) => (await page.locator('.cm-line').allInnerTexts()).join('\n');

  async function typeDocument(page: Page, lines: string[]): Promise<void> {
    await page.waitForSelector('.claim'); // the first example has been checked
    await page.locator('[aria-label="derivation"]').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(lines.join('\n'));
  }

  it('shows incorrect with the transpose fix on the wrong line, then correct once it is fixed', async () => {
    const page = await open(base);
    await typeDocument(page, TWO_LAYER);
    await page.waitForSelector('.claim[data-line="13"][data-verdict="incorrect"]');
    expect(await claim(page, 12).getAttribute('data-verdict')).toBe('correct');
    const wrong = await claim(page, 13).innerText();
    expect(wrong).toContain('replace a1 by a1^T');
    expect(wrong).toContain('expected');
    // The maths is typeset by KaTeX, without errors.
    expect(await claim(page, 13).locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count()).toBe(0);

    // Fix the last line: select it and type it again with the transpose.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('dL/dW2 = a1^T (a2 - y)');
    await page.waitForSelector('.claim[data-line="13"][data-verdict="correct"]');
    expect(await claim(page, 13).innerText()).not.toContain('replace');
    await page.context().close();
  });

  it('gives the verdicts of the command line for the same text', async () => {
    const page = await open(base);
    await typeDocument(page, TWO_LAYER);
    await page.waitForSelector('.claim[data-line="13"][data-verdict="incorrect"]');
    const shown = await page.locator('.claim').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.line} ${(e as HTMLElement).dataset.verdict}`));
    const cli = checkSource(TWO_LAYER.join('\n'), 'derivation.cr').report.claims.map((c) => `${c.line} ${c.verdict}`);
    expect(shown).toEqual(cli);
    await page.context().close();
  });

  it('keeps the document in the URL hash: the link reproduces the page', async () => {
    const page = await open(base);
    await typeDocument(page, TWO_LAYER);
    await page.waitForSelector('.claim[data-line="13"][data-verdict="incorrect"]');
    await page.waitForFunction(() => location.hash.length > 10);
    const link = page.url();
    const again = await open(link);
    await again.waitForSelector('.claim[data-line="13"][data-verdict="incorrect"]');
    expect((await editorText(again)).trim()).toBe(TWO_LAYER.join('\n'));
    await page.context().close();
    await again.context().close();
  });

  it('underlines diagnostics, lists them, and shows shapes on hover', async () => {
    // X W2 multiplies 1 x M by N x 1: a shape error in a definition.
    const lines = [...TWO_LAYER, 'h3 = X W2'];
    const page = await open(`${base}#${await encodeShared({ format: 'cr', text: lines.join('\n') })}`);
    await page.waitForSelector('.cm-lintRange-error');
    expect(await page.locator('#notes').innerText()).toContain('line 14:6: error[shape-mismatch]');
    await page.locator('.cm-line', { hasText: 'W1 : M x N' }).hover({ position: { x: 6, y: 6 } });
    expect(await page.locator('.shape-tooltip').innerText()).toBe('W1 : M x N');
    await page.context().close();
  });

  it('checks against an assignment named in the URL, with data-ask and data-confidence on each answer', async () => {
    // eve_transposes (fixtures/grade/expected.json, worked out by hand): the four weight gradients are
    // transposed (half credit each: 2 + 1.5 + 2 + 2 points lost), every other answer right: 32.5 / 40.
    const eve = fs.readFileSync(path.join(ROOT, 'fixtures/grade/submissions/eve_transposes.cr'), 'utf8');
    const page = await open(`${base}?assignment=examples/homework.cr#${await encodeShared({ format: 'cr', text: eve })}`);
    await page.waitForSelector('.claim[data-ask]');
    expect(await page.locator('#assignment-name').innerText()).toBe('homework.cr');
    expect(await page.locator('.claim[data-ask]').count()).toBe(16);
    const dW = page.locator('.claim[data-ask="1 dL/dW"]');
    expect(await dW.getAttribute('data-line')).toBe('4');
    expect(await dW.getAttribute('data-verdict')).toBe('incorrect');
    expect(await dW.getAttribute('data-confidence')).toBe('sure');
    expect(await dW.innerText()).toContain('replace X by X^T');
    expect(await page.locator('.claim[data-ask="1 dL/dh"]').getAttribute('data-verdict')).toBe('correct');
    expect(await page.locator('#status').innerText()).toContain('score 32.5 / 40');
    await page.context().close();
  });

  it('takes an assignment dropped on the page or picked with the file button', async () => {
    const eve = fs.readFileSync(path.join(ROOT, 'fixtures/grade/submissions/eve_transposes.cr'), 'utf8');
    const homework = fs.readFileSync(path.join(ROOT, 'fixtures/grade/assignment.cr'), 'utf8');
    const page = await open(`${base}#${await encodeShared({ format: 'cr', text: eve })}`);
    await page.waitForSelector('.claim');
    expect(await page.locator('.claim[data-ask]').count()).toBe(0);
    await page.locator('header').evaluate((header, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.cr', { type: 'text/plain' }));
      header.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, homework);
    await page.waitForSelector('.claim[data-ask="2 dL/dW1"][data-verdict="incorrect"][data-confidence="sure"]');
    expect(await page.locator('#assignment-name').innerText()).toBe('dropped.cr');
    // An assignment with an error (L is never defined) is reported, with its line and caret.
    await page.setInputFiles('#assignment-file', { name: 'broken.cr', mimeType: 'text/plain', buffer: Buffer.from('problem 1\nX : 1 x M\nask dL/dX 2 points\n') });
    await page.waitForFunction(() => document.getElementById('notes')!.textContent!.includes('the assignment has an error'));
    expect(await page.locator('#notes').innerText()).toContain('broken.cr:3:5: error[unknown-name]');
    expect(await page.locator('.claim').count()).toBe(0);
    await page.context().close();
  });

  it('refuses an assignment from another origin without asking it', async () => {
    const page = await open(`${base}?assignment=http://example.com/hw.cr`);
    await page.waitForSelector('#messages .note');
    expect(await page.locator('#messages').innerText()).toContain('must be a file beside this page');
    expect(await page.locator('#assignment-name').innerText()).toBe('none');
    await page.context().close();
  });

  it('holds the bundled examples in a menu', async () => {
    const page = await open(base);
    await page.waitForSelector('.claim');
    await page.locator('#examples').selectOption({ label: 'Numeric backpropagation (.cr)' });
    await page.waitForFunction(() => document.querySelector('[aria-label="derivation"]')!.textContent!.includes('at x1'));
    // fixtures/examples/numeric_backprop.cr: six numeric answers, all right (`# exit: 0`).
    await page.waitForFunction(() => document.querySelectorAll('.claim[data-verdict="correct"]').length === 6);
    expect(await page.locator('.claim:not([data-verdict="correct"])').count()).toBe(0);
    // The graded example opens with its assignment, named in the URL.
    await page.locator('#examples').selectOption({ label: 'Homework answers, graded against the homework' });
    await page.waitForSelector('.claim[data-ask="1 dL/dW"][data-verdict="incorrect"]');
    expect(new URL(page.url()).searchParams.get('assignment')).toBe('examples/homework.cr');
    await page.context().close();
  });

  it('gives pathological input the limit-exceeded diagnostic of the command line', async () => {
    const deep = `x : scalar\nL = ${'('.repeat(300)}x${')'.repeat(300)}`;
    const page = await open(`${base}#${await encodeShared({ format: 'cr', text: deep })}`);
    await page.waitForSelector('#notes .note');
    expect(await page.locator('#notes').innerText()).toContain('error[limit-exceeded]: brackets are nested deeper than 100 levels');
    await page.context().close();
  });

  it('stops a check running past 2 s and stays responsive', async () => {
    // Products of 400 x 600 matrices at every sample point: the command line takes over a minute.
    const slow = 'X : 400 x 600\nW : 600 x 400\nL = sum(X W X W X W X W)\ndL/dW = X^T\n';
    const page = await open(`${base}#${await encodeShared({ format: 'cr', text: slow })}`);
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'checking…');
    // The editor takes input while the worker is busy.
    await page.locator('[aria-label="derivation"]').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# typed while checking');
    expect(await editorText(page)).toContain('# typed while checking');
    expect(await page.locator('#status').innerText()).toBe('checking…');
    await page.waitForSelector('#notes .note');
    expect(await page.locator('#notes').innerText()).toContain('limit-exceeded]: checking took longer than 2 s and was stopped');
    // A fresh worker checks the next text.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('x : scalar\nf = x^2\ndf/dx = 2 x');
    await page.waitForSelector('.claim[data-line="3"][data-verdict="correct"]');
    await page.context().close();
  });

  it('works offline after the first load', async () => {
    const context = await browser.newContext();
    const page = await open(base, context);
    await page.waitForSelector('.claim');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.claim[data-verdict="incorrect"]');
    expect(await page.locator('.claim').count()).toBeGreaterThan(3);
    await context.close();
  });

  it('says how to serve the page when it is opened from file://', async () => {
    const page = await open(pathToFileURL(path.join(SITE, 'index.html')).href);
    await page.waitForSelector('#file-protocol:not([hidden])');
    expect(await page.locator('#file-protocol').innerText()).toContain('chainrule web');
    await page.context().close();
  });

  it('made no request outside its origin', () => {
    const origin = new URL(base).origin;
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((url) => !url.startsWith('file://') && !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
  });
});
