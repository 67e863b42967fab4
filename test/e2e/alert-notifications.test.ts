import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';
import { startServerProcess, type ServerProcess } from '../helpers/alert-server-process.js';
import { blockRow, startAgent, stopAgent, type BlockedRow } from '../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { ALERT_E2E_ENV as FAST, alertsOn, configureSlack, connectedDatabase, header, openedAndPosted, postsFor, resolvedAndPosted, type AlertScope } from '../helpers/alert-e2e.js';
import { SlackReceiver } from '../server/notify/slack-receiver.js';

/** What a blocked query needs, every second. */
const TASKS = ['activity', 'locks'];

interface Scenario {
  readonly servers: readonly Pick<TestServer, 'request'>[];
  readonly receiver: SlackReceiver;
  readonly token: string;
  readonly databaseId: string;
  readonly log: () => string;
}

/**
 * The condition starts (a blocked query), holds and clears on a real PostgreSQL; the real agent
 * reports it; each server in `s.servers` evaluates and delivers. One alert, one Slack post, one
 * resolved post, however many servers there are.
 */
async function blockedQueryNotifiedOnce(s: Scenario, blocked: BlockedRow): Promise<void> {
  const scope: AlertScope = { ...s, server: s.servers[0]! };
  const { alert, post } = await openedAndPosted(scope, 'pg.blocked_queries');
  expect(header(post)).to.match(/^WARNING/);

  // The condition stays true over several evaluation ticks (1 s) of every server: nothing new.
  await sleep(3500);
  expect(await alertsOn(scope, 'pg.blocked_queries')).to.have.length(1);
  expect(postsFor(s.receiver, alert.id)).to.have.length(1);

  await blocked.release();
  await resolvedAndPosted(scope, alert.id);
  for (const server of s.servers.slice(1)) expect(await alertsOn(scope, 'pg.blocked_queries', server)).to.have.length(1);
}

/**
 * Issue 11's notification path end to end with real parts: the harness PostgreSQL, the real agent,
 * the alerts engine, the outbox and a real HTTP receiver standing in for Slack.
 */
describe('e2e: a condition on a real database reaches Slack once, and its resolution once', function () {
  this.timeout(90_000);
  const postgres = usePostgres();
  const clickhouse = useClickHouse();

  async function table(name: string): Promise<void> {
    const pgi = postgres();
    await pgi.query(`DROP TABLE IF EXISTS ${name}`);
    await pgi.query(`CREATE TABLE ${name} (id int PRIMARY KEY, note text)`);
    await pgi.query(`INSERT INTO ${name} SELECT g, 'n' FROM generate_series(1, 10) g`);
  }

  describe('one server', () => {
    const receiver = new SlackReceiver();
    const out = { log: '' };
    let dir: string;
    let server: TestServer;
    let agent: ChildProcess | undefined;
    let blocked: BlockedRow | undefined;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigil-alert-e2e-'));
      await receiver.start();
      server = await startTestServer({ env: FAST });
    });
    after(async () => {
      await stopAgent(agent);
      await blocked?.end();
      await server?.close();
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('posts one WARNING when a query is blocked, none while it stays blocked, one RESOLVED when it clears', async () => {
      const { accessToken: token } = await server.signup('alert-e2e');
      await configureSlack(server, token, receiver);
      const key = await server.createKey(token, 'agent');
      agent = startAgent(dir, server, key, TASKS, [{ name: 'alerts-pg', engine: 'postgres', url: postgres().monitorUrl }], out);
      const databaseId = await connectedDatabase(server, token, 'alerts-pg', () => out.log);
      await table('vigil_alert_e2e');
      blocked = await blockRow(postgres().superuserUrl, 'vigil_alert_e2e');
      await blockedQueryNotifiedOnce({ servers: [server], receiver, token, databaseId, log: () => out.log }, blocked);
    });
  });

  describe('two server processes over one PostgreSQL metadata store and one ClickHouse', () => {
    const receiver = new SlackReceiver();
    const out = { log: '' };
    const store = `vigil_alert_two_${randomBytes(4).toString('hex')}`;
    let dir: string;
    let a: TestServer | undefined;
    let b: ServerProcess | undefined;
    let agent: ChildProcess | undefined;
    let blocked: BlockedRow | undefined;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigil-alert-two-'));
      await receiver.start();
      await postgres().query(`CREATE DATABASE ${store}`);
      await clickhouse().query(`CREATE DATABASE ${store}`);
      const metaUrl = new URL(postgres().superuserUrl);
      metaUrl.pathname = `/${store}`;
      // One JWT secret: tokens and the sealed webhook URL open at either server, as behind a load balancer.
      const env = { ...FAST, DATABASE_URL: metaUrl.href, CLICKHOUSE_URL: `${clickhouse().httpUrl}/${store}`, VIGIL_JWT_SECRET: randomBytes(32).toString('hex') };
      // A in this test's process, B in an OS process of its own (server/src/main.ts): two processes, as two hosts would run them.
      [a, b] = await Promise.all([startTestServer({ env }), startServerProcess(env)]);
    });
    after(async () => {
      await stopAgent(agent);
      await blocked?.end();
      await Promise.all([a?.close(), b?.close()]);
      await receiver.close();
      await postgres().query(`DROP DATABASE IF EXISTS ${store} WITH (FORCE)`);
      await clickhouse().query(`DROP DATABASE IF EXISTS ${store}`);
      rmSync(dir, { recursive: true, force: true });
    });

    it('opens one alert and posts once per transition while both processes evaluate the database and both drain the outbox', async () => {
      const { accessToken: token } = await a!.signup('alert-two');
      // Settings through the other process: both read them from the one metadata store.
      await configureSlack(b!, token, receiver);
      const key = await a!.createKey(token, 'agent');
      // The agent reports to A; B's evaluation tick reads the same telemetry and races A under the lease.
      agent = startAgent(dir, a!, key, TASKS, [{ name: 'alerts-two-pg', engine: 'postgres', url: postgres().monitorUrl }], out);
      const databaseId = await connectedDatabase(a!, token, 'alerts-two-pg', () => out.log);
      await table('vigil_alert_two');
      blocked = await blockRow(postgres().superuserUrl, 'vigil_alert_two');
      await blockedQueryNotifiedOnce({ servers: [a!, b!], receiver, token, databaseId, log: () => out.log }, blocked);
    });
  });
});
