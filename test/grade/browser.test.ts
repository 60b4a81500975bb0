// A report opened in a real headless Chromium (Debian's package): the maths is typeset by KaTeX (nodes
// present, none in error, KaTeX's stylesheet applied) and the ✓/✗ marks are visible. In CI (CI=true) a
// missing Chromium fails the test; elsewhere it skips with a message saying how to install it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { ASSIGNMENT, FIXTURES, runCli, tempDir } from './helpers';
import { launchChromium, skipWithoutChromium } from '../helpers/chromium';

describe.skipIf(skipWithoutChromium('test/grade/browser.test.ts'))('HTML reports in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const out = tempDir('browser');

  beforeAll(async () => {
    const subs = ['eve_transposes.cr', 'ada_perfect.cr', 'gus_carried.cr'].map((f) => path.join(FIXTURES, 'submissions', f));
    const graded = runCli(['grade', ASSIGNMENT, ...subs, '--out', out, '--format', 'html,json']);
    expect(graded.status).toBe(0);
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(relative: string): Promise<void> {
    await page.goto(pathToFileURL(path.join(out, relative)).href);
    await page.waitForLoadState('load');
    await page.evaluate(() => document.fonts.ready);
  }

  it('typesets the author\'s lines with KaTeX, without errors', async () => {
    await open('submissions/eve_transposes/report.html');
    expect(await page.locator('.katex').count()).toBeGreaterThan(15);
    expect(await page.locator('.katex-error').count()).toBe(0);
    // KaTeX's stylesheet loaded: the MathML copy is clipped away and the fonts are KaTeX's own.
    const mathml = await page.locator('.katex-mathml').first().boundingBox();
    expect(mathml!.width).toBeLessThanOrEqual(1);
    const font = await page.locator('.katex-html .mord').first().evaluate((e) => getComputedStyle(e).fontFamily);
    expect(font).toContain('KaTeX');
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  });

  it('shows the ✓ and ✗ marks', async () => {
    await open('submissions/eve_transposes/report.html');
    for (const kind of ['correct', 'incorrect']) {
      const mark = page.locator(`.steps .mark.${kind}`).first();
      expect(await mark.isVisible()).toBe(true);
      expect(await mark.textContent()).toBe(kind === 'correct' ? '✓' : '✗');
      const box = await mark.boundingBox();
      expect(box!.width).toBeGreaterThan(5);
    }
    expect(await page.locator('.ask.partial .mark').first().isVisible()).toBe(true);
    expect(await page.locator('.feedback', { hasText: 'replace X by X^T' }).first().isVisible()).toBe(true);
  });

  it('draws the class summary: histogram, mistakes, links', async () => {
    await open('index.html');
    const bars = page.locator('.bars .bar');
    expect(await bars.count()).toBe(10);
    const heights = await bars.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.filter((h) => h > 20)).toHaveLength(2); // 32.5 and 34.5 in 32–36, 40 in 36–40
    expect(await page.locator('.mistake', { hasText: 'transpose slip × 1' }).first().isVisible()).toBe(true);
    expect(await page.locator('.mistake .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    // Answer groups list their members folded away: the first link shown is a mistake's example.
    await page.locator('a:visible', { hasText: 'gus_carried' }).first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/submissions\/gus_carried\/report\.html$/);
  });
});
