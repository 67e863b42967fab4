import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { usePostgres } from '../harness/postgres.js';
import { ALERT_E2E_ENV } from '../helpers/alert-e2e.js';
import { ensureBuilt, launchChromium, screenshot, watchedPage } from '../helpers/dashboard-browser.js';
import { blockRow, startAgent, stopAgent, type BlockedRow } from '../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

const TABLE = 'vigil_web_alert_rows';

/**
 * Alerts, rules and settings in Debian's Chromium against a real server fed by the real agent
 * watching the harness PostgreSQL, where a session holds a row lock another waits for from the
 * start, so the blocked-queries alert opens while the settings tests run. Any console error, page
 * error or failed request fails the test that caused it.
 */
describe('web: alerts, rules, API keys and the organization in a real browser', function () {
  this.timeout(60_000);
  const postgres = usePostgres();
  const out = { log: '' };
  const email = `web-alerts-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let takeProblems: () => string[];
  let token: string;
  let agent: ChildProcess | undefined;
  let blocked: BlockedRow | undefined;
  let alertId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-web-alerts-'));
    [server, browser] = await Promise.all([startTestServer({ env: ALERT_E2E_ENV }), launchChromium(), ensureBuilt()]).then(([s, b]) => [s, b] as const);
    ({ page, takeProblems } = await watchedPage(browser, server.baseUrl));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const signup = await server.request('POST', '/api/v1/auth/signup', { body: { email, password, name: 'Alert Watcher', org_name: 'Alerting Org' } });
    token = signup.body.access_token;
    const pg = postgres();
    await pg.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await pg.query(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, note text)`);
    await pg.query(`INSERT INTO ${TABLE} VALUES (1, 'n')`);
    blocked = await blockRow(pg.superuserUrl, TABLE);
    agent = startAgent(dir, server, await server.createKey(token, 'agent'), ['activity', 'locks'], [{ name: 'alerting-pg', engine: 'postgres', url: pg.monitorUrl }], out);
  });
  afterEach(() => {
    expect(takeProblems(), 'console errors or failed requests').to.deep.equal([]);
  });
  after(async () => {
    await stopAgent(agent);
    await blocked?.end();
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in and shows the organization on the settings page', async () => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const org = page.locator('dl.org');
    await org.waitFor();
    const text = (await org.textContent())!;
    expect(text).to.include('Alerting Org').and.include('alerting-org').and.include('Verified').and.include('Alert Watcher').and.include('owner');
  });

  it('creates an API key shown once with a copy button, and revokes it', async () => {
    await page.getByLabel('Name', { exact: true }).fill('ci-reader');
    await page.getByLabel('Scope').selectOption('read');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByLabel('new API key');
    await shown.waitFor();
    const key = (await shown.textContent())!;
    expect(key).to.match(/^vgl_/);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).to.equal(key);
    expect((await server.request('GET', '/api/v1/databases', { apiKey: key })).status).to.equal(200);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content(), 'the key is not shown again').to.not.include(key);
    const row = page.locator('table.keys tr', { hasText: 'ci-reader' });
    const prefix = (await row.locator('code').textContent())!;
    expect(prefix).to.match(/…$/);
    expect(key.startsWith(prefix.slice(0, -1)), 'the listed prefix is the key\'s').to.equal(true);
    expect(await row.locator('.pill').textContent()).to.equal('read');
    await screenshot(page, 'settings', { fullPage: true });
    await row.getByRole('button', { name: 'Revoke ci-reader' }).click();
    await row.getByRole('button', { name: 'Revoke ci-reader now' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await server.request('GET', '/api/v1/databases', { apiKey: key })).status).to.equal(401);
    await page.getByLabel('Show revoked keys').check();
    await page.locator('table.keys tr', { hasText: 'ci-reader' }).getByText(/^revoked/).waitFor();
  });

  it('edits a built-in rule, and creates and deletes a custom rule', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('link', { name: 'Alert rules' }).click();
    const builtIn = page.locator('tr[data-rule="builtin:pg.dead_tuple_ratio_pct:warning"]');
    await builtIn.waitFor();
    await builtIn.getByLabel(/^Cooldown of /).fill('900');
    await builtIn.getByLabel(/ enabled$/).uncheck();
    await builtIn.getByRole('button', { name: /^Save/ }).click();
    await builtIn.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const rules = (await server.request('GET', '/api/v1/alerts/rules', { token })).body.rules as { id: string; cooldown_sec: number; enabled: boolean; rule_type: string; name: string }[];
    expect(rules.find((r) => r.id === 'builtin:pg.dead_tuple_ratio_pct:warning')).to.include({ cooldown_sec: 900, enabled: false });

    const form = page.locator('form.new-rule');
    await form.getByLabel('Metric').selectOption('pg.connections_used_pct');
    expect(await form.getByLabel('Threshold').inputValue(), "the metric's warning level as default").to.equal('75');
    await form.getByLabel('Name').fill('Connections nearly full');
    await form.getByLabel('Threshold').fill('60');
    await form.getByLabel('Severity').selectOption('critical');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await form.getByRole('status').filter({ hasText: 'created' }).waitFor();
    const custom = (await server.request('GET', '/api/v1/alerts/rules', { token })).body.rules.find((r: { name: string }) => r.name === 'Connections nearly full');
    expect(custom).to.include({ rule_type: 'custom', metric_key: 'pg.connections_used_pct', threshold: 60, severity: 'critical', database_id: null });
    const row = page.locator(`tr[data-rule="${custom.id}"]`);
    await screenshot(page, 'alert-rules');
    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.waitFor({ state: 'detached' });
    expect((await server.request('GET', '/api/v1/alerts/rules', { token })).body.rules.map((r: { id: string }) => r.id)).to.not.include(custom.id);
  });

  it('opens an alert from the inbox on its own page, with its metric chart and fix, and acknowledges and snoozes it there', async () => {
    await page.getByRole('link', { name: '← Alerts' }).click();
    // The blocked query's alert: a fresh database may also open a low cache hit ratio one, whose chart is another metric.
    const link = page.locator('table.alerts tr', { has: page.getByRole('button', { name: /^Acknowledge/ }) }).filter({ hasText: /Queries blocked/ }).locator('a.alert-title').first();
    await waitFor('an open alert in the inbox', 40_000, async () => {
      await page.reload();
      await page.locator('table.alerts, main p:not(.muted)').first().waitFor();
      return (await link.count()) > 0 ? true : undefined;
    }, () => out.log);
    await link.click();
    await page.waitForURL(/\/alerts\/[^/]+$/);
    alertId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByRole('heading', { name: 'Fix' }).waitFor();
    expect(await page.getByLabel('fix command').textContent()).to.have.length.greaterThan(10);
    // The chart draws once a health evaluation has stored the metric; the page refreshes itself every 30 s, a reload sooner.
    await waitFor('the metric history chart', 20_000, async () => {
      if ((await page.locator('figure.chart canvas').count()) > 0) return true;
      await page.reload();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      return (await page.locator('figure.chart canvas').count()) > 0 ? true : undefined;
    });
    expect(await page.locator('figure.chart figcaption').textContent()).to.equal('pg.blocked_queries around the alert');
    await page.getByRole('button', { name: /^Acknowledge/ }).click();
    await page.locator('dl.figures .pill.acknowledged').waitFor();
    expect((await server.request('GET', `/api/v1/alerts/${alertId}`, { token })).body.status).to.equal('acknowledged');
    await screenshot(page, 'alert-detail', { fullPage: true });
    await page.getByLabel(/^Snooze /).selectOption('60');
    await page.locator('dl.figures .pill.snoozed').waitFor();
    const snoozed = (await server.request('GET', `/api/v1/alerts/${alertId}`, { token })).body;
    expect(snoozed.status).to.equal('snoozed');
    expect(Date.parse(snoozed.snoozed_until) - Date.now()).to.be.within(55 * 60_000, 61 * 60_000);
  });

  it('is usable at 390×844: no page scrolls sideways, tables scroll in their box', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const [path, heading] of [
        ['/', 'Databases'],
        ['/alerts', 'Alerts'],
        [`/alerts/${encodeURIComponent(alertId)}`, 'Fix'],
        ['/alerts/rules', 'Alert rules'],
        ['/settings', 'Settings'],
        ['/optimizer', 'Query optimizer'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).to.be.at.most(390);
        if (path === '/alerts') await screenshot(page, 'alerts-mobile');
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
