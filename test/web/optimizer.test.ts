import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, launchChromium, screenshot, watchedPage } from '../helpers/dashboard-browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Public SQL routes a minute per address: enough for the page's analyses here, few enough to reach the limit. */
const RATE_LIMIT = 8;

/**
 * The public optimizer in Debian's Chromium, signed out, against a real server: a PostgreSQL query's
 * ranked issues, rewrites and lineage; a parse error pointing at its place; the rate limit in words;
 * the keyboard alone; a phone-sized screen. Any console error or failed request fails the test,
 * except the 422 and 429 a test provokes on purpose.
 */
describe('web: the public optimizer in a real browser', function () {
  this.timeout(60_000);
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let takeProblems: () => string[];

  /** The problems seen, less the `status` answers (and Chromium's console line for each) the test asked for. */
  const problemsBesides = (status: number): { expected: string[]; other: string[] } => {
    const all = takeProblems();
    const expected = all.filter((p) => p.startsWith(`HTTP ${status}:`) || (p.startsWith('console: Failed to load resource') && p.includes(`status of ${status}`)));
    return { expected, other: all.filter((p) => !expected.includes(p)) };
  };

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ env: { VIGIL_PUBLIC_RATE_LIMIT_PER_MIN: String(RATE_LIMIT) } }), launchChromium(), ensureBuilt()]).then(([s, b]) => [s, b] as const);
    ({ page, takeProblems } = await watchedPage(browser, server.baseUrl));
  });
  afterEach(() => {
    expect(takeProblems(), 'console errors or failed requests').to.deep.equal([]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('analyses a PostgreSQL query signed out: ranked issues with rewrites, the workload cost and the lineage', async () => {
    await page.goto('/optimizer');
    await page.getByRole('heading', { name: 'Query optimizer' }).waitFor();
    expect(page.url()).to.match(/\/optimizer$/);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).to.equal(1);
    expect(await page.getByRole('navigation', { name: 'Main' }).count(), 'no navigation signed out').to.equal(0);
    await page.getByLabel('Dialect').selectOption('postgresql');
    await page.waitForURL(/dialect=postgresql/);
    await page.getByRole('button', { name: 'Use an example' }).click();
    await page.getByLabel('Runs a day').fill('1000');
    await page.getByLabel('Time a run (ms)').fill('360');
    await page.getByRole('button', { name: 'Analyse' }).click();
    const heading = page.getByRole('heading', { name: /issues?, most important first$/ });
    await heading.waitFor();
    const rules = await page.locator('li.issue').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')));
    expect(rules).to.include('select_star').and.include('function_on_filter_column');
    const severities = await page.locator('li.issue .pill').allTextContents();
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    expect(severities.map((s) => rank[s])).to.deep.equal([...severities.map((s) => rank[s])].sort(), 'ranked by severity');
    expect(await page.getByLabel(/^rewrite \d+$/).count()).to.be.greaterThan(0);
    // 1000 runs of 360 ms: 0.1 h of compute a day.
    expect(await page.locator('dl.cost').textContent()).to.include('0.1 h');
    const lineage = page.locator('section.lineage');
    expect(await lineage.locator('.lineage-group', { hasText: 'Reads' }).locator('li').allTextContents()).to.have.members(['orders', 'customers']);
    expect(await lineage.locator('.statement').textContent()).to.include('SELECT');
    await screenshot(page, 'optimizer', { fullPage: true });
  });

  it('says where a statement fails to parse, in the dialect picked', async () => {
    await page.getByLabel('SQL', { exact: true }).fill('SELECT id\nFROM orders\nWHERE id = = 1');
    await page.getByRole('button', { name: 'Analyse' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.include('This is not valid PostgreSQL SQL').and.include('line 3');
    expect(await page.getByLabel('where the parser stopped').textContent()).to.match(/WHERE id = = 1\n\s+\^/);
    expect(await page.locator('section.lineage').count(), 'no stale lineage').to.equal(0);
    const { expected, other } = problemsBesides(422);
    expect(other).to.deep.equal([]);
    expect(expected.filter((p) => p.startsWith('HTTP'))).to.have.length(2);
  });

  it('runs from the keyboard alone, with a visible focus', async () => {
    await page.goto('/optimizer');
    await page.getByRole('heading', { name: 'Query optimizer' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).to.equal('Skip to content');
    let outline = '';
    for (let i = 0; i < 10 && !((await page.evaluate<string>('document.activeElement.tagName')) === 'TEXTAREA'); i++) {
      await page.keyboard.press('Tab');
      outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
      expect(outline, 'focus ring').to.not.equal('none');
    }
    expect(await page.evaluate<string>('document.activeElement.tagName')).to.equal('TEXTAREA');
    await page.keyboard.type('SELECT count() FROM hits FINAL');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: /issue|No issue found/ }).waitFor();
    expect(await page.evaluate<string>('document.activeElement.id'), 'focus moves to the result').to.equal('issues-title');
  });

  it('tells the user to wait when the address is over the rate limit', async () => {
    // Empty this address's bucket from outside the page: it refills one request every 7.5 s, so of the page's two at least one is refused.
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const res = await fetch(`${server.baseUrl}/api/v1/queries/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sql":"SELECT 1"}' });
      if (res.status === 429) break;
    }
    await page.getByLabel('SQL', { exact: true }).fill('SELECT 1');
    await page.getByRole('button', { name: 'Analyse' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.match(/Too many analyses from your address.*try again in \d+ s/);
    const { other } = problemsBesides(429);
    expect(other).to.deep.equal([]);
  });

  it('fits a 390×844 screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/optimizer?dialect=postgresql');
    await page.getByRole('heading', { name: 'Query optimizer' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).to.be.at.most(390);
    expect(await page.getByRole('button', { name: 'Analyse' }).isVisible()).to.equal(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
