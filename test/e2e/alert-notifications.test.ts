import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';
import { blockRow, startAgent, stopAgent, type BlockedRow } from '../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { SlackReceiver, type ReceivedPost } from '../server/notify/slack-receiver.js';

const FAST = {
  VIGIL_ALLOW_PRIVATE_WEBHOOKS: 'true',
  VIGIL_ALERT_EVAL_INTERVAL_S: '1',
  VIGIL_NOTIFY_POLL_MS: '100',
  VIGIL_NOTIFY_MIN_INTERVAL_MS: '100',
  VIGIL_HEARTBEAT_INTERVAL_S: '1',
  VIGIL_INGEST_FLUSH_MS: '20',
};
/** What a blocked query needs, every second. */
const TASKS = ['activity', 'locks'];

interface Scenario {
  readonly servers: readonly TestServer[];
  readonly receiver: SlackReceiver;
  readonly token: string;
  readonly databaseId: string;
  readonly log: () => string;
}

/** Alerts of the database on `pg.blocked_queries`, as the API shows them. */
async function blockedAlerts(s: Scenario, server: TestServer = s.servers[0]!): Promise<any[]> {
  const res = await server.request('GET', `/api/v1/alerts/history?database_id=${s.databaseId}&limit=200`, { token: s.token });
  expect(res.status).to.equal(200);
  return res.body.alerts.filter((a: { metric_key: string }) => a.metric_key === 'pg.blocked_queries');
}

const postsFor = (receiver: SlackReceiver, alertId: string): ReceivedPost[] => receiver.posts.filter((p) => p.raw.includes(alertId));
const header = (p: ReceivedPost): string => p.body.attachments[0].blocks[0].text.text;

/**
 * The condition starts (a blocked query), holds and clears on a real PostgreSQL; the real agent
 * reports it; each server in `s.servers` evaluates and delivers. One alert, one Slack post, one
 * resolved post, however many servers there are.
 */
async function blockedQueryNotifiedOnce(s: Scenario, blocked: BlockedRow): Promise<void> {
  const alert = await waitFor('the blocked-query alert to open', 20_000, async () => (await blockedAlerts(s))[0], s.log);
  const sent = await waitFor(
    'the alert to show its delivery sent',
    10_000,
    async () => {
      const res = await s.servers[0]!.request('GET', `/api/v1/alerts/${alert.id}`, { token: s.token });
      return res.body.delivery_status === 'sent' ? res.body : undefined;
    },
    s.log,
  );
  expect(sent).to.include({ delivery_attempts: 1, delivery_last_error: null });
  const opened = postsFor(s.receiver, alert.id);
  expect(opened).to.have.length(1);
  expect(header(opened[0]!)).to.match(/^WARNING/);
  expect(opened[0]!.raw).to.include('pg.blocked_queries').and.include('Fix');
  expect(opened[0]!.path).to.equal(new URL(s.receiver.url()).pathname);

  // The condition stays true over several evaluation ticks (1 s) of every server: nothing new.
  await sleep(3500);
  expect(await blockedAlerts(s)).to.have.length(1);
  expect(postsFor(s.receiver, alert.id)).to.have.length(1);

  await blocked.release();
  const resolved = await waitFor('the resolved post', 20_000, async () => postsFor(s.receiver, alert.id).find((p) => header(p).startsWith('RESOLVED')), s.log);
  expect(resolved.body.attachments[0].color).to.equal('#2EB67D');
  await sleep(1500);
  expect(postsFor(s.receiver, alert.id)).to.have.length(2);
  const [after] = await blockedAlerts(s);
  expect(after).to.include({ status: 'resolved', resolve_reason: 'cleared' });
  for (const server of s.servers.slice(1)) expect(await blockedAlerts(s, server)).to.have.length(1);
}

async function configureSlack(server: TestServer, token: string, receiver: SlackReceiver): Promise<void> {
  const put = await server.request('PUT', '/api/v1/settings', { token, body: { slack_webhook_url: receiver.url(), notify_resolved: true, notify_min_severity: 'warning' } });
  expect(put.status).to.equal(200);
}

async function connectedDatabase(server: TestServer, token: string, name: string, log: () => string): Promise<string> {
  return waitFor(
    'the agent to connect',
    30_000,
    async () => {
      const dbs: { id: string; name: string; status: string }[] = (await server.request('GET', '/api/v1/databases', { token })).body.databases;
      return dbs.find((d) => d.name === name && d.status === 'connected')?.id;
    },
    log,
  );
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

  describe('two servers over one PostgreSQL metadata store and one ClickHouse', () => {
    const receiver = new SlackReceiver();
    const out = { log: '' };
    const store = `vigil_alert_two_${randomBytes(4).toString('hex')}`;
    let dir: string;
    let servers: TestServer[] = [];
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
      servers = await Promise.all([startTestServer({ env }), startTestServer({ env })]);
    });
    after(async () => {
      await stopAgent(agent);
      await blocked?.end();
      await Promise.all(servers.map((s) => s.close()));
      await receiver.close();
      await postgres().query(`DROP DATABASE IF EXISTS ${store} WITH (FORCE)`);
      await clickhouse().query(`DROP DATABASE IF EXISTS ${store}`);
      rmSync(dir, { recursive: true, force: true });
    });

    it('opens one alert and posts once per transition while both evaluate the database and both drain the outbox', async () => {
      const [a, b] = servers as [TestServer, TestServer];
      const { accessToken: token } = await a.signup('alert-two');
      // Settings through the other server: both read them from the one metadata store.
      await configureSlack(b, token, receiver);
      const key = await a.createKey(token, 'agent');
      // The agent reports to A; B's evaluation tick reads the same telemetry and races A under the lease.
      agent = startAgent(dir, a, key, TASKS, [{ name: 'alerts-two-pg', engine: 'postgres', url: postgres().monitorUrl }], out);
      const databaseId = await connectedDatabase(a, token, 'alerts-two-pg', () => out.log);
      await table('vigil_alert_two');
      blocked = await blockRow(postgres().superuserUrl, 'vigil_alert_two');
      await blockedQueryNotifiedOnce({ servers, receiver, token, databaseId, log: () => out.log }, blocked);
    });
  });
});
