import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** What the browser suites under test/web share: the build, Debian's Chromium, the problem log, screenshots. */

export const WEB = join(import.meta.dirname, '..', '..', 'web');
export const DIST = join(WEB, 'dist');
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** The README's pictures of a page, in the light and the dark theme. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${colorScheme}.png`), ...options });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function newest(dir: string): number {
  return Math.max(...readdirSync(dir).map((name) => (statSync(join(dir, name)).isDirectory() ? newest(join(dir, name)) : statSync(join(dir, name)).mtimeMs)));
}

/** `pnpm install` builds the dashboard; rebuild here only when web/src changed since (a developer's checkout). */
export async function ensureBuilt(): Promise<void> {
  const index = join(DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(WEB, 'src'))) return;
  const build = spawn(process.execPath, [join(WEB, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const code = await new Promise((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new Error(`dashboard build failed (${code})`);
}

/** Debian's Chromium, headless (Playwright's own browser download is unreachable here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/**
 * A 1280×800 page on `baseUrl` whose console errors, page errors, failed requests and HTTP errors
 * are collected: `takeProblems()` returns them and starts a new list (call it after each test).
 */
export async function watchedPage(browser: Browser, baseUrl: string): Promise<{ page: Page; takeProblems(): string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: baseUrl });
  const page = await context.newPage();
  let problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A reload while a request is in flight aborts it (net::ERR_ABORTED): the test's doing, not a failure.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`));
  return {
    page,
    takeProblems() {
      const seen = problems;
      problems = [];
      return seen;
    },
  };
}

/**
 * Reloads the Queries tab and tells whether its table lists a statement (one containing `text`, when
 * given) once the tab has loaded: the table or its "no statements" message, never the loading line
 * (`p.muted` too, with aria-busy), which shows before either and would be counted as an empty table.
 */
export async function queriesListed(page: Page, text?: string): Promise<true | undefined> {
  await page.reload();
  await page.locator('table.queries, main p.muted:not([aria-busy])').first().waitFor();
  const links = page.locator('table.queries a.sql', text === undefined ? {} : { hasText: text });
  return (await links.count()) > 0 ? true : undefined;
}
