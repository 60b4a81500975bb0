// Debian's Chromium, for the tests that drive a real browser (test/grade/browser.test.ts, test/web/page.test.ts).
// Where it is missing they are skipped with a message; in CI (CI=true) they fail instead.
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const present = fs.existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';

/** Whether the suites of `testFile` are skipped here (it says why once). */
export function skipWithoutChromium(testFile: string): boolean {
  if (present || inCI) return false;
  console.warn(`${testFile}: skipped, ${CHROMIUM} is missing (install it: apt-get install -y chromium); in CI this fails`);
  return true;
}

/** Headless Chromium; in CI without it, an error that says what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!present) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run installs Debian's chromium package before npm test`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
