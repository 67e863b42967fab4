import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import { useClickHouse } from '../harness/clickhouse.js';
import { usePostgres } from '../harness/postgres.js';
import { connectedDatabase } from '../helpers/alert-e2e.js';
import { startAgent, stopAgent } from '../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { readClickHouseInput } from '../../server/src/services/scan-service.js';
import { telemetryReads } from '../../server/src/storage/telemetry/reads/telemetry-reads.js';

/** Rows in the PostgreSQL table: above the missing-index rule's 10k, and an md5 index over them above 1 MB. */
const ROWS = 30_000;
/** Slow statement calls: above the rule's 50, each sleeping past its 20 ms mean. */
const CALLS = 55;
/** Parts in one ClickHouse partition with merges stopped: above 150 (parts_to_delay_insert). */
const PARTS = 160;

/**
 * Issue 12's real conditions, end to end: on the harness PostgreSQL an unused index over 1 MB, a
 * duplicate, an invalid index left by a failed CREATE UNIQUE INDEX CONCURRENTLY and a slow filtered
 * statement on an unindexed column; on the harness ClickHouse (18.16) a MergeTree partition of
 * hundreds of parts. The real agent reports them, a scan finds them, the fix is applied on the
 * database, and the next scan credits it (auto_evidence) — or resolves what went away otherwise.
 */
describe('e2e: scans find real conditions and credit their fixes', function () {
  this.timeout(120_000);
  const postgres = usePostgres();
  const clickhouse = useClickHouse();
  const out = { log: '' };
  const schema = `adv_${randomBytes(4).toString('hex')}`;
  const chDb = `vigil_adv_${randomBytes(4).toString('hex')}`;
  let dir: string;
  let server: TestServer;
  let agent: ChildProcess | undefined;
  let token: string;
  let orgId: string;
  let pgId: string;
  let chId: string;

  const log = () => out.log;

  /** One scan of `databaseId`, through the API, to its end; returns it. */
  async function scan(databaseId: string): Promise<any> {
    const queued = await server.request('POST', `/api/v1/databases/${databaseId}/scan`, { token });
    expect(queued.status).to.equal(202);
    return waitFor('the scan to finish', 30_000, async () => {
      const s = (await server.request('GET', `/api/v1/databases/${databaseId}/scans/${queued.body.scan_id}`, { token })).body;
      return s.status === 'done' || s.status === 'failed' ? s : undefined;
    }, log);
  }

  async function recommendations(databaseId: string): Promise<any[]> {
    return (await server.request('GET', `/api/v1/recommendations?database_id=${databaseId}&limit=200`, { token })).body.recommendations;
  }

  /** Scans until `done(recs)` holds (telemetry arrives every second), returning the recommendations. */
  async function scanUntil(databaseId: string, what: string, done: (recs: any[]) => boolean): Promise<any[]> {
    return waitFor(what, 45_000, async () => {
      expect((await scan(databaseId)).status).to.equal('done');
      const recs = await recommendations(databaseId);
      return done(recs) ? recs : undefined;
    }, () => `${JSON.stringify(await0(recommendations(databaseId)))}\n${log()}`);
  }
  const await0 = (p: Promise<unknown>) => p.catch(() => undefined);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-advisors-'));
    const p = postgres();
    await p.query(`CREATE SCHEMA ${schema}`);
    await p.query(`CREATE TABLE ${schema}.orders (id serial PRIMARY KEY, customer_id int, status int, created timestamptz, email text, note text)`);
    await p.query(
      `INSERT INTO ${schema}.orders (customer_id, status, created, email, note)
       SELECT g % 500, g % 7, now() - g * interval '1 minute', 'user' || (g % 20000) || '@example.com', md5(g::text) FROM generate_series(1, ${ROWS}) g`,
    );
    await p.query(`CREATE INDEX orders_note_idx ON ${schema}.orders (note)`);
    await p.query(`CREATE INDEX orders_cust_idx ON ${schema}.orders (customer_id)`);
    await p.query(`CREATE INDEX orders_cust_status_idx ON ${schema}.orders (customer_id, status)`);
    await p.query(`CREATE INDEX orders_created_idx ON ${schema}.orders (created)`);
    await p.query(`CREATE INDEX orders_created_id_idx ON ${schema}.orders (created, id)`);
    // Emails repeat, so the unique build fails and leaves the index behind, invalid.
    await p.query(`CREATE UNIQUE INDEX CONCURRENTLY orders_email_key ON ${schema}.orders (email)`).then(
      () => expect.fail('the unique index should not build'),
      (err: Error) => expect(err.message).to.match(/could not create unique index/),
    );
    await p.query(`ANALYZE ${schema}.orders`);
    const ch = clickhouse();
    await ch.query(`CREATE DATABASE ${chDb}`);
    await ch.query(`CREATE TABLE ${chDb}.events (d Date, x UInt32, s String) ENGINE = MergeTree PARTITION BY toYYYYMM(d) ORDER BY x`);
    await ch.query(`SYSTEM STOP MERGES ${chDb}.events`);
    for (let i = 0; i < PARTS; i++) await ch.query(`INSERT INTO ${chDb}.events VALUES ('2026-01-15', ${i}, 'k${i % 3}')`);

    server = await startTestServer({ env: { VIGIL_SCAN_INTERVAL_H: '0', VIGIL_SCAN_POLL_MS: '100', VIGIL_HEARTBEAT_INTERVAL_S: '1', VIGIL_INGEST_FLUSH_MS: '20' } });
    ({ accessToken: token, orgId } = await server.signup('advisors'));
    const key = await server.createKey(token, 'agent');
    agent = startAgent(dir, server, key, ['tables', 'statements', 'server', 'parts', 'query_log', 'table_schemas'], [
      { name: 'adv-pg', engine: 'postgres', url: p.monitorUrl },
      { name: 'adv-ch', engine: 'clickhouse', url: ch.monitorUrl },
    ], out);
    pgId = await connectedDatabase(server, token, 'adv-pg', log);
    chId = await connectedDatabase(server, token, 'adv-ch', log);
  });
  after(async () => {
    await stopAgent(agent);
    await server?.close();
    await postgres().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await clickhouse().query(`DROP DATABASE IF EXISTS ${chDb}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('PostgreSQL: finds the unused, duplicate, invalid and missing indexes, and credits each fix applied on the database', async () => {
    // The agent has read the table twice (it has deltas), so the statements below fall in its counted window.
    await waitFor('the table in telemetry', 30_000, async () => {
      const res = await server.request('GET', `/api/v1/databases/${pgId}/tables?limit=200`, { token });
      return res.body.tables?.some((t: any) => t.schema_name === schema && t.seq_scan !== null) ? true : undefined;
    }, log);
    const client = new pg.Client({ connectionString: postgres().superuserUrl });
    await client.connect();
    try {
      for (let i = 0; i < CALLS; i++) await client.query(`SELECT id, pg_sleep(0.021) FROM ${schema}.orders WHERE status = $1 LIMIT 1`, [i % 7]);
    } finally {
      await client.end();
    }
    const mine = (r: any) => r.object.schema === schema;
    const find = (recs: any[], type: string, name: string) => recs.find((r) => mine(r) && r.type === type && r.object.name === name);
    const recs = await scanUntil(pgId, 'the four index findings', (rs) =>
      Boolean(find(rs, 'unused_index', 'orders_note_idx') && find(rs, 'duplicate_index', 'orders_cust_idx') && find(rs, 'duplicate_index', 'orders_created_idx') && find(rs, 'invalid_index', 'orders_email_key') && find(rs, 'missing_index', 'status')),
    );
    const unused = find(recs, 'unused_index', 'orders_note_idx');
    expect(unused.runbook.sql).to.equal(`DROP INDEX CONCURRENTLY "${schema}"."orders_note_idx";`);
    expect(unused.evidence.figures.size_bytes).to.be.at.least(1024 * 1024);
    expect(unused.evidence.notes.join(' ')).to.match(/standby/);
    expect(find(recs, 'duplicate_index', 'orders_cust_idx').evidence.figures.covered_by).to.equal('orders_cust_status_idx');
    expect(find(recs, 'invalid_index', 'orders_email_key')).to.include({ severity: 'high', status: 'open' });
    const missing = find(recs, 'missing_index', 'status');
    expect(missing.runbook.sql).to.equal(`CREATE INDEX CONCURRENTLY ON "${schema}"."orders" ("status");\nANALYZE "${schema}"."orders";`);
    // A scan may run while the calls are still arriving: at least the rule's 50 were counted.
    expect(missing.evidence.figures.calls).to.be.at.least(50);
    expect(missing.evidence.figures.slowest_mean_ms).to.be.at.least(20);
    // One recommendation per finding across scans: scanning again adds none.
    const before = recs.filter(mine).length;
    // (Only this schema's: the shared harness database holds other suites' tables too.)
    expect((await scan(pgId)).summary.findings).to.be.at.least(before);
    expect((await recommendations(pgId)).filter(mine)).to.have.length(before);

    // A snoozed recommendation is still credited when its fix shows; a bad snooze is refused.
    expect((await server.request('PATCH', `/api/v1/recommendations/${missing.id}/status`, { token, body: { status: 'snoozed' } })).status).to.equal(400);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await server.request('PATCH', `/api/v1/recommendations/${missing.id}/status`, { token, body: { status: 'snoozed', snoozed_until: until } })).body).to.include({ status: 'snoozed' });

    const p = postgres();
    await p.query(`DROP INDEX CONCURRENTLY ${schema}.orders_note_idx`);
    await p.query(`DROP INDEX CONCURRENTLY ${schema}.orders_cust_idx`);
    await p.query(`DROP INDEX CONCURRENTLY ${schema}.orders_email_key`);
    await p.query(`CREATE INDEX CONCURRENTLY ON ${schema}.orders (status)`);
    // The covering index goes instead of the duplicate: its finding vanishes without the advised change.
    await p.query(`DROP INDEX CONCURRENTLY ${schema}.orders_created_id_idx`);
    const after = await scanUntil(pgId, 'the fixes credited', (rs) => ['orders_note_idx', 'orders_cust_idx', 'orders_email_key', 'status', 'orders_created_idx'].every((n) => rs.some((r) => mine(r) && r.object.name === n && r.status !== 'open' && r.status !== 'snoozed')));
    for (const [type, name] of [['unused_index', 'orders_note_idx'], ['duplicate_index', 'orders_cust_idx'], ['invalid_index', 'orders_email_key'], ['missing_index', 'status']] as const) {
      expect(find(after, type, name), `${type} ${name}: ${find(after, type, name)?.closed_reason}`).to.include({ status: 'applied', attribution: 'auto_evidence' });
    }
    expect(find(after, 'duplicate_index', 'orders_created_idx')).to.include({ status: 'resolved', attribution: null });
    const stats = (await server.request('GET', '/api/v1/recommendations/auto-apply-stats', { token })).body;
    expect(stats.auto_evidence).to.be.at.least(4);
    // Changing a status or starting a scan takes an admin key (or a user); a read key may only look.
    const readKey = await server.createKey(token, 'read');
    expect((await server.request('GET', `/api/v1/recommendations/${missing.id}`, { apiKey: readKey })).status).to.equal(200);
    expect((await server.request('PATCH', `/api/v1/recommendations/${missing.id}/status`, { apiKey: readKey, body: { status: 'dismissed' } })).body.code).to.equal('AUTH_FORBIDDEN_SCOPE');
    expect((await server.request('POST', `/api/v1/databases/${pgId}/scan`, { apiKey: readKey })).body.code).to.equal('AUTH_FORBIDDEN_SCOPE');
    const adminKey = await server.createKey(token, 'admin');
    const marked = await server.request('PATCH', `/api/v1/recommendations/${find(after, 'duplicate_index', 'orders_created_idx').id}/status`, { apiKey: adminKey, body: { status: 'applied' } });
    expect(marked.body).to.include({ status: 'applied', attribution: 'manual' });
    expect((await server.request('GET', '/api/v1/recommendations/auto-apply-stats', { token })).body.manual).to.equal(1);
  });

  it('ClickHouse: finds a partition of hundreds of parts, and credits the merge', async () => {
    const table = (r: any) => r.type === 'too_many_parts' && r.object.database === chDb && r.object.name === 'events';
    const recs = await scanUntil(chId, 'the too_many_parts finding', (rs) => rs.some(table));
    const rec = recs.find(table);
    expect(rec).to.include({ severity: 'medium', status: 'open' });
    expect(rec.evidence.figures.max_parts_in_partition).to.be.at.least(150);
    expect(rec.runbook.sql).to.equal(`OPTIMIZE TABLE \`${chDb}\`.\`events\` FINAL;`);
    await clickhouse().query(`SYSTEM START MERGES ${chDb}.events`);
    await clickhouse().query(`OPTIMIZE TABLE ${chDb}.events FINAL`);
    const after = await scanUntil(chId, 'the merge credited', (rs) => rs.some((r) => table(r) && r.status === 'applied'));
    expect(after.find(table)).to.include({ attribution: 'auto_evidence' });
    // The table definitions the schema advisors read arrive from the agent's table_schemas collector (18.16: no codecs, no TTLs).
    const input = await readClickHouseInput(telemetryReads(server.server.context.telemetry), { org_id: orgId, id: chId }, { since: Date.now() - 3_600_000, until: Date.now() + 1000 });
    const events = input.schemas.find((s) => s.database === chDb && s.name === 'events');
    expect(events).to.deep.include({ engine: 'MergeTree', partitionKey: 'toYYYYMM(d)', sortingKey: 'x', hasTtl: false });
    // The agent's sample of String columns: 3 distinct values in the 160 rows.
    expect(events!.columns.find((c) => c.name === 's')).to.deep.include({ type: 'String', distinctEstimate: 3, sampledRows: PARTS });
  });
});
