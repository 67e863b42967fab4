import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';
import { ensureBuilt, launchChromium, queriesListed, screenshot, watchedPage } from '../helpers/dashboard-browser.js';
import { blockRow, startAgent, stopAgent, type BlockedRow } from '../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

const TABLE = 'vigil_tabs_orders';
const CH_DB = 'vigil_tabs';
/**
 * Every collector of both engines every 2 s, so each tab has data (or its stated reason) within
 * seconds; at 1 s a loaded machine cancels runs, and the tabs rightly show that as a failure.
 */
const TASKS = Object.fromEntries(
  ['statements', 'activity', 'locks', 'wait_events', 'tables', 'replication', 'server', 'query_log', 'parts', 'merges', 'mutations', 'replicas', 'disks', 'errors', 'processes', 'keeper'].map((task) => [task, '2s']),
);

/**
 * The database page's tabs in Debian's Chromium against a real server fed by one real agent watching
 * the harness PostgreSQL (15) and ClickHouse (18.16): each tab shows its data, or the API's reason
 * where the release lacks the view (pg_stat_io before 16, system.disks before 19.15, EXPLAIN before
 * ClickHouse 21.6). Any console error, page error or failed request fails the test that caused it,
 * except the one refusal a test provokes on purpose.
 */
describe('web: the database tabs in a real browser', function () {
  // Each test takes seconds on an idle machine; these bounds only keep a loaded CI runner from flaking.
  this.timeout(90_000);
  const postgres = usePostgres();
  const clickhouse = useClickHouse();
  const out = { log: '' };
  const log = () => out.log;
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let takeProblems: () => string[];
  let agent: ChildProcess | undefined;
  let blocked: BlockedRow | undefined;
  let token: string;
  let pgId: string;
  let chId: string;
  let workload: Promise<void> | undefined;
  let workloadDone = false;

  /** The problems of the test so far, less those `expected` names (a refusal the test asked for). */
  function unexpectedProblems(expected?: RegExp): string[] {
    return takeProblems().filter((p) => !expected?.test(p));
  }

  async function openTab(id: string, label: string): Promise<void> {
    if (!page.url().includes(`/databases/${id}`)) await page.goto(`/databases/${id}`);
    await page.getByRole('navigation', { name: 'Database sections' }).getByRole('link', { name: label, exact: true }).click();
    await page.waitForURL(new RegExp(`tab=${label.toLowerCase()}`));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-web-tabs-'));
    const pg = postgres();
    const ch = clickhouse();
    const email = `tabs-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    const setup = Promise.all([
      (async () => {
        await pg.query(`DROP TABLE IF EXISTS ${TABLE}`);
        await pg.query(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, note text)`);
        await pg.query(`INSERT INTO ${TABLE} SELECT g, md5(g::text) FROM generate_series(1, 30000) g`);
        // Over 1 MB and never scanned: the Indexes tab marks it unused.
        await pg.query(`CREATE INDEX ${TABLE}_note_idx ON ${TABLE} (note)`);
        // EXPLAIN needs SELECT on what the plan reads; pg_monitor alone reads statistics only.
        await pg.query(`GRANT SELECT ON ${TABLE} TO vigil_monitor`);
      })(),
      (async () => {
        await ch.query(`DROP DATABASE IF EXISTS ${CH_DB}`);
        await ch.query(`CREATE DATABASE ${CH_DB}`);
        await ch.query(`CREATE TABLE ${CH_DB}.events (d Date, x UInt32) ENGINE = MergeTree PARTITION BY toYYYYMM(d) ORDER BY x`);
        await ch.query(`SYSTEM STOP MERGES ${CH_DB}.events`);
        for (let i = 0; i < 5; i++) await ch.query(`INSERT INTO ${CH_DB}.events VALUES ('2026-01-15', ${i})`);
      })(),
    ]);
    // The agent starts (its own process, a few seconds) while the browser launches.
    const serverAndAgent = (async () => {
      server = await startTestServer({ env: { VIGIL_HEARTBEAT_INTERVAL_S: '1', VIGIL_INGEST_FLUSH_MS: '20' } });
      const signup = await server.request('POST', '/api/v1/auth/signup', { body: { email, password, name: 'Tabs User', org_name: 'Tabs Org' } });
      expect(signup.status).to.be.oneOf([201, 202]);
      // Verified as an operator would (`vigil-server user verify`): an unverified account may watch one database only.
      const user = await server.server.context.meta.findUserByEmail(email);
      await server.server.context.meta.markEmailVerified(user!.id, new Date().toISOString());
      token = (await server.request('POST', '/api/v1/auth/login', { body: { email, password } })).body.access_token;
      const key = await server.createKey(token, 'agent');
      await setup;
      agent = startAgent(dir, server, key, TASKS, [
        { name: 'tabs-pg', engine: 'postgres', url: pg.monitorUrl },
        // Nothing listens on port 1: the Keeper nodes panel shows a node the agent cannot reach.
        { name: 'tabs-ch', engine: 'clickhouse', url: ch.monitorUrl, keeper_nodes: ['127.0.0.1:1'] },
      ], out);
      // Statements count from the agent's first reading, so the queries the tests open run until they are seen.
      workload = (async () => {
        for (let i = 0; !workloadDone; i++) {
          await pg.query(`SELECT count(*) FROM ${TABLE} WHERE id > $1`, [i % 1000]);
          if (i % 4 === 0) await ch.query(`SELECT count() FROM ${CH_DB}.events WHERE x > ${i % 5}`);
          await sleep(250);
        }
      })();
    })();
    [browser] = await Promise.all([launchChromium(), ensureBuilt(), serverAndAgent, setup]);
    ({ page, takeProblems } = await watchedPage(browser, server.baseUrl));
    await page.goto('/signin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Overview' }).waitFor();
  });
  afterEach(() => {
    expect(unexpectedProblems(), 'console errors or failed requests').to.deep.equal([]);
  });
  after(async () => {
    workloadDone = true;
    await workload;
    await blocked?.end();
    await stopAgent(agent);
    await browser?.close();
    await server?.close();
    await postgres().query(`DROP TABLE IF EXISTS ${TABLE}`);
    await clickhouse().query(`DROP DATABASE IF EXISTS ${CH_DB}`);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists both databases the agent watches', async () => {
    await waitFor('both databases on the overview', 20_000, async () => {
      await page.goto('/');
      await page.locator('table.databases, .empty').first().waitFor();
      return (await page.getByRole('link', { name: 'tabs-pg' }).count()) === 1 && (await page.getByRole('link', { name: 'tabs-ch' }).count()) === 1 ? true : undefined;
    }, log);
    const databases = (await server.request('GET', '/api/v1/databases', { token })).body.databases as { id: string; name: string }[];
    pgId = databases.find((d) => d.name === 'tabs-pg')!.id;
    chId = databases.find((d) => d.name === 'tabs-ch')!.id;
    await page.getByRole('link', { name: 'tabs-ch' }).click();
    const tabs = await page.getByRole('navigation', { name: 'Database sections' }).getByRole('link').allTextContents();
    expect(tabs).to.deep.equal(['Health', 'Queries', 'Activity', 'Parts', 'Merges', 'Mutations', 'Replication', 'Cluster']);
  });

  it('PostgreSQL: opens a query by its deep link, draws calls, time, rows and blocks, and explains it now as a plan tree', async () => {
    const hash = await waitFor('the statement in /queries', 30_000, async () => {
      const res = await server.request('GET', `/api/v1/databases/${pgId}/queries?q=${TABLE}&limit=5`, { token });
      return (res.body.queries as { query_hash: string; query_text: string }[] | undefined)?.find((q) => q.query_text.includes('count(*)'))?.query_hash;
    }, log);
    await openTab(pgId, 'Queries');
    await page.locator('table.queries a.sql', { hasText: TABLE }).first().click();
    await page.waitForURL(/tab=query&query=/);
    // The deep link alone opens it.
    await page.goto(`/databases/${pgId}?tab=query&query=${hash}&range=1h`);
    await page.locator('.query-detail figure.chart canvas').nth(3).waitFor();
    expect(await page.locator('.query-detail figcaption').allTextContents()).to.deep.equal(['Calls per bucket', 'Mean time (ms)', 'Rows per bucket', 'Shared blocks per bucket']);
    await page.getByRole('button', { name: 'Explain now' }).click();
    await page.getByRole('status').filter({ hasText: 'Plan stored.' }).waitFor();
    const tree = page.getByRole('list', { name: 'Plan tree' }).first();
    await tree.waitFor();
    expect(await tree.textContent()).to.match(/Aggregate/).and.match(new RegExp(TABLE));
    await screenshot(page, 'database-query', { fullPage: true });
  });

  it('PostgreSQL: activity arrives live over the WebSocket with the blocking tree of a held row lock', async () => {
    blocked = await blockRow(postgres().superuserUrl, TABLE);
    await openTab(pgId, 'Activity');
    await page.getByRole('status').filter({ hasText: 'live' }).waitFor();
    const tree = page.getByRole('list', { name: /Sessions holding locks/ });
    await tree.waitFor({ timeout: 20_000 });
    const text = (await tree.textContent())!;
    expect(text).to.include(`session ${blocked.holderPid}`).and.include(`session ${blocked.waiterPid}`).and.include('Waits');
    // The waiter's row in the live table names its blocker.
    await page.locator('table.data tr.waiting', { hasText: String(blocked.holderPid) }).first().waitFor();
    await screenshot(page, 'database-activity');
    await blocked.end();
    blocked = undefined;
  });

  it('PostgreSQL: waits, tables, indexes (the unused one marked), replication and internals render their data or the release’s reason', async () => {
    await openTab(pgId, 'Waits');
    await page.locator('main figure.chart, main .reason').first().waitFor();
    await openTab(pgId, 'Tables');
    await page.locator('table.data tr', { hasText: TABLE }).first().waitFor();
    await openTab(pgId, 'Indexes');
    await waitFor('the unused index marked', 20_000, async () => {
      await page.reload();
      await page.locator('table.data, main .reason').first().waitFor();
      return (await page.locator('tr.unused', { hasText: `${TABLE}_note_idx` }).count()) > 0 ? true : undefined;
    }, log);
    expect(await page.locator('tr.unused', { hasText: `${TABLE}_note_idx` }).locator('.pill').first().textContent()).to.equal('unused');
    expect(await page.locator('table.data tr', { hasText: `${TABLE}_pkey` }).count()).to.equal(1);
    await openTab(pgId, 'Replication');
    await page.getByText('No standby streams from this server.').waitFor();
    await openTab(pgId, 'Internals');
    await page.getByRole('heading', { name: 'Checkpoints and background writer' }).waitFor();
    // pg_stat_io arrived in 16; the harness runs 15: the API's reason, not an empty table.
    await page.locator('.reason', { hasText: 'pg_stat_io needs PostgreSQL 16' }).waitFor();
    await page.locator('dl.figures, .reason', { hasText: /WAL rate|pg_stat_wal/ }).first().waitFor();
  });

  it('ClickHouse: a query with bytes read and memory, Explain now refused by 18.16 in words, and the activity, parts, merges, mutations, replication and cluster tabs (Keeper panels included)', async () => {
    await clickhouse().query(`ALTER TABLE ${CH_DB}.events DELETE WHERE x = 4`);
    await openTab(chId, 'Queries');
    await waitFor('a ClickHouse query in the table', 45_000, () => queriesListed(page, `${CH_DB}.events`), log);
    await page.locator('table.queries a.sql', { hasText: `${CH_DB}.events` }).first().click();
    await page.locator('.query-detail figure.chart canvas').nth(4).waitFor();
    expect(await page.locator('.query-detail figcaption').allTextContents()).to.include.members(['Bytes read per bucket (MiB)', 'Peak memory (MiB)']);
    await page.getByRole('button', { name: 'Explain now' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Explain failed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).to.include('COMMAND_NOT_SUPPORTED').and.include('21.6');
    expect(unexpectedProblems(/(HTTP 422: POST .*\/explain|status of 422)/), 'problems besides the refusal asked for').to.deep.equal([]);

    await openTab(chId, 'Activity');
    await page.getByRole('status').filter({ hasText: 'live' }).waitFor();
    await page.locator('main table.data, main p', { hasText: /Query id|Nothing running|No activity snapshot/ }).first().waitFor();
    await openTab(chId, 'Parts');
    await page.locator('table.data tr', { hasText: `${CH_DB}.events` }).first().waitFor();
    await screenshot(page, 'database-clickhouse');
    await openTab(chId, 'Merges');
    await page.locator('main p', { hasText: /No merge running|merge\(s\) running/ }).first().waitFor();
    await openTab(chId, 'Mutations');
    await page.locator('main p', { hasText: /mutation\(s\) not done/ }).first().waitFor();
    await openTab(chId, 'Replication');
    await page.getByText(/No Replicated table on this server/).waitFor();
    await openTab(chId, 'Cluster');
    await page.getByRole('heading', { name: 'Server', exact: true }).waitFor();
    // system.disks arrived in 19.15: the agent's status for it on the harness's 18.16, in words, and the panel's reason.
    await page.locator('.collector-notes li', { hasText: 'system_disks_' }).waitFor();
    await page.locator('.reason', { hasText: /system\.disks/ }).first().waitFor();
    await page.locator('dl.figures', { hasText: 'Uptime' }).waitFor();
    // The harness server has no ZooKeeper; the agent's config lists one node nobody answers on: the Keeper panels say so.
    const nodeRow = page.locator('section[aria-labelledby="keeper-nodes-title"] tr', { hasText: '127.0.0.1:1' });
    let nodesAnswer = '';
    await waitFor('the Keeper snapshot on the cluster tab', 30_000, async () => {
      if ((await nodeRow.count()) > 0) return true;
      nodesAnswer = JSON.stringify((await server.request('GET', `/api/v1/databases/${chId}/panels/keeper-nodes`, { token })).body);
      await page.reload();
      await page.getByRole('heading', { name: 'Keeper nodes' }).waitFor();
      return undefined;
    }, () => `GET …/panels/keeper-nodes: ${nodesAnswer}\n${log()}`);
    expect(await nodeRow.textContent()).to.include('unreachable');
    const keeper = page.locator('section[aria-labelledby="keeper-title"]');
    expect(await keeper.locator('.pill').textContent()).to.equal('not configured');
    await keeper.locator('.reason', { hasText: 'no ZooKeeper/Keeper configured' }).waitFor();
    await page.locator('section[aria-labelledby="zookeeper-title"] .reason', { hasText: 'no ZooKeeper/Keeper configured' }).waitFor();
    // A PostgreSQL tab asked for by URL explains itself instead of calling a route that would refuse.
    await page.goto(`/databases/${chId}?tab=waits`);
    await page.locator('.reason', { hasText: 'Waits is a PostgreSQL view; this database runs ClickHouse.' }).waitFor();
  });

  it('Explain now with the agent stopped says the agent is not connected and what to do', async () => {
    await stopAgent(agent);
    const hash = (await server.request('GET', `/api/v1/databases/${pgId}/queries?q=${TABLE}&limit=1`, { token })).body.queries[0].query_hash as string;
    await page.goto(`/databases/${pgId}?tab=query&query=${hash}&range=1h`);
    await page.getByRole('button', { name: 'Explain now' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Explain failed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).to.include('AGENT_NOT_CONNECTED').and.include('start it (vigil-agent run)');
    expect(unexpectedProblems(/(HTTP 409: POST .*\/explain|status of 409)/), 'problems besides the refusal asked for').to.deep.equal([]);
  });
});
