import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { useClickHouse } from '../harness/clickhouse.js';
import { ALERT_E2E_ENV, configureSlack, connectedDatabase, header, openedAndPosted, resolvedAndPosted, setBuiltInThreshold, type AlertScope } from '../helpers/alert-e2e.js';
import { startAgent, stopAgent } from '../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { SlackReceiver } from '../server/notify/slack-receiver.js';

/** Parts inserted with merges stopped, against a warning lowered to PARTS_WARNING (the built-in 150 would take 150 inserts). */
const PARTS = 30;
const PARTS_WARNING = 20;
/** Seconds without a word from the agent before the lowered `agent.disconnected_s` warning (built-in: 120). */
const DISCONNECTED_WARNING = 6;

/**
 * Issue 11's remaining real conditions, end to end: ClickHouse parts piling up with merges stopped
 * (the harness ClickHouse 18.16), and an agent that stops. The real agent reports them, the server
 * evaluates (on ingest, and on its 1 s tick for the absence of an agent), and a real HTTP receiver
 * standing in for Slack gets one post when the alert opens and one when it resolves.
 */
describe('e2e: real conditions open alerts that reach Slack once, and resolve', function () {
  this.timeout(60_000);
  const clickhouse = useClickHouse();
  const receiver = new SlackReceiver();
  const out = { log: '' };
  const db = `vigil_parts_${randomBytes(4).toString('hex')}`;
  const table = `${db}.piled`;
  let dir: string;
  let server: TestServer;
  let agent: ChildProcess | undefined;
  let scope: AlertScope;
  let key: string;

  const start = (): ChildProcess => startAgent(dir, server, key, ['parts'], [{ name: 'conditions-ch', engine: 'clickhouse', url: clickhouse().monitorUrl }], out);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-alert-conditions-'));
    await receiver.start();
    await clickhouse().query(`CREATE DATABASE ${db}`);
    await clickhouse().query(`CREATE TABLE ${table} (d Date, x UInt32) ENGINE = MergeTree PARTITION BY toYYYYMM(d) ORDER BY x`);
    server = await startTestServer({ env: ALERT_E2E_ENV });
    const { accessToken: token } = await server.signup('alert-conditions');
    await configureSlack(server, token, receiver);
    key = await server.createKey(token, 'agent');
    agent = start();
    const log = () => out.log;
    scope = { server, receiver, token, databaseId: await connectedDatabase(server, token, 'conditions-ch', log), log };
  });
  after(async () => {
    await stopAgent(agent);
    await server?.close();
    await receiver.close();
    await clickhouse().query(`DROP DATABASE IF EXISTS ${db}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('ClickHouse: parts piling up in one partition with merges stopped open ch.max_parts_per_partition naming table and partition; merging them resolves it', async () => {
    await setBuiltInThreshold(server, scope.token, 'ch.max_parts_per_partition', 'warning', PARTS_WARNING);
    await clickhouse().query(`SYSTEM STOP MERGES ${table}`);
    // Each INSERT is a part; one month, so one partition (202601).
    for (let i = 0; i < PARTS; i++) await clickhouse().query(`INSERT INTO ${table} VALUES ('2026-01-15', ${i})`);

    const { alert, post } = await openedAndPosted(scope, 'ch.max_parts_per_partition', `partition:${table}/202601`);
    expect(alert).to.include({ severity: 'warning', threshold: PARTS_WARNING, object_label: `${table} partition 202601` });
    expect(alert.value).to.be.at.least(PARTS_WARNING);
    expect(header(post)).to.match(/^WARNING/);
    expect(post.raw).to.include(`${table} partition 202601`);

    await clickhouse().query(`SYSTEM START MERGES ${table}`);
    await clickhouse().query(`OPTIMIZE TABLE ${table} FINAL`);
    await resolvedAndPosted(scope, alert.id);
  });

  it('a killed agent opens agent.disconnected_s on the evaluation tick; the agent back resolves it', async () => {
    await setBuiltInThreshold(server, scope.token, 'agent.disconnected_s', 'warning', DISCONNECTED_WARNING);
    const exited = new Promise((resolve) => agent!.once('exit', resolve));
    agent!.kill('SIGKILL');
    await exited;

    // Nothing arrives any more, so only the tick can open it; the metric has no per-object values, so the alert is the database's (object key '').
    const { alert, post } = await openedAndPosted(scope, 'agent.disconnected_s', '');
    expect(alert.object_label).to.match(/^agent last seen /);
    expect(alert).to.include({ severity: 'warning', threshold: DISCONNECTED_WARNING });
    expect(alert.value).to.be.at.least(DISCONNECTED_WARNING);
    expect(header(post)).to.match(/^WARNING/);

    agent = start();
    await resolvedAndPosted(scope, alert.id);
  });
});
