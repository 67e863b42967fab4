import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { useClickHouse } from '../../harness/clickhouse.js';
import { usePostgres } from '../../harness/postgres.js';
import { DatabaseEvaluator } from '../../../server/src/services/database-evaluator.js';
import { leaseFor } from '../../../server/src/storage/meta/meta-store.js';
import { healthScoresKind } from '../../../server/src/storage/telemetry/kinds/health-scores-kind.js';
import { telemetryReads } from '../../../server/src/storage/telemetry/reads/telemetry-reads.js';
import { blockRow, startAgent, stopAgent, type BlockedRow } from '../../helpers/real-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { waitFor } from '../../helpers/wait-for.js';

const TABLE = 'vigil_health_orders';

/**
 * The health score, the doctor and the org overview over real data: the real agent reads the
 * harness PostgreSQL, where one session idles in a transaction holding a row lock another session
 * waits for, and the harness ClickHouse (Debian's 18.16, which has no system.disks).
 */
describe('API: health score, doctor and org overview (real agents)', function () {
  this.timeout(90_000);
  const postgres = usePostgres();
  const clickhouse = useClickHouse();
  let server: TestServer;
  let token: string;
  let orgId: string;
  let dir: string;
  const out = { log: '' };
  let agent: ChildProcess | undefined;
  let blocked: BlockedRow | undefined;
  let holderPid: number;
  let waiterPid: number;
  let pgId: string;
  let chId: string;
  const get = async (path: string) => server.request('GET', `/api/v1${path}`, { token });
  const log = () => out.log;

  before(async () => {
    const pgi = postgres();
    dir = mkdtempSync(join(tmpdir(), 'vigil-health-'));
    // Heartbeats every second: the collector statuses (18.16's missing system.disks) reach the server at once.
    server = await startTestServer({ env: { VIGIL_HEARTBEAT_INTERVAL_S: '1' } });
    await pgi.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await pgi.query(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, note text)`);
    await pgi.query(`INSERT INTO ${TABLE} SELECT g, 'n' FROM generate_series(1, 100) g`);

    // A session idle in a transaction holding a row lock, and one waiting for it.
    blocked = await blockRow(pgi.superuserUrl, TABLE);
    ({ holderPid, waiterPid } = blocked);

    const signup = await server.signup('health');
    token = signup.accessToken;
    orgId = signup.orgId;
    const key = await server.createKey(token, 'agent');
    agent = startAgent(
      dir,
      server,
      key,
      ['activity', 'locks', 'server', 'tables', 'parts', 'disks', 'processes'],
      [
        { name: 'health-pg', engine: 'postgres', url: pgi.monitorUrl },
        { name: 'health-ch', engine: 'clickhouse', url: clickhouse().monitorUrl },
      ],
      out,
    );
    const ids = await waitFor(
      'both agents to connect',
      30_000,
      async () => {
        const dbs: { id: string; name: string; status: string }[] = (await get('/databases')).body.databases;
        const pgDb = dbs.find((d) => d.name === 'health-pg' && d.status === 'connected');
        const chDb = dbs.find((d) => d.name === 'health-ch' && d.status === 'connected');
        return pgDb && chDb ? { pg: pgDb.id, ch: chDb.id } : undefined;
      },
      log,
    );
    pgId = ids.pg;
    chId = ids.ch;
  });

  after(async () => {
    await stopAgent(agent);
    await blocked?.end();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the blocked pid and its blocker in the doctor, and the queries component drops', async () => {
    const doctor = await waitFor(
      'the doctor to report the blocked query',
      20_000,
      async () => {
        const res = await get(`/databases/${pgId}/doctor`);
        expect(res.status).to.equal(200);
        return res.body.top_issues.some((i: { metric_key: string }) => i.metric_key === 'pg.blocked_queries') ? res.body : undefined;
      },
      log,
    );
    const blocked = doctor.top_issues.find((i: { metric_key: string }) => i.metric_key === 'pg.blocked_queries');
    // Degraded at least: the harness server may also show a real critical (a cold cache's hit ratio).
    expect(doctor.status).to.be.oneOf(['degraded', 'unhealthy']);
    expect(blocked.severity).to.equal('warning');
    expect(blocked.value).to.equal(1);
    expect(blocked.detail).to.include(`pid ${waiterPid} blocked by pid ${holderPid}`);
    expect(blocked.detail).to.include(`blocker pid ${holderPid} (idle in transaction)`);
    expect(blocked.objects[0].key).to.equal(`pid:${waiterPid}`);
    expect(blocked.how_to_investigate).to.match(/pg_blocking_pids/);
    expect(doctor.metrics_summary.values['pg.idle_in_transaction_max_s']).to.be.greaterThan(0);
    expect(doctor.metrics_summary.warning).to.be.greaterThan(0);

    const health = (await get(`/databases/${pgId}/panels/health-score`)).body;
    expect(health.engine).to.equal('postgres');
    expect(health.components.queries.status).to.be.oneOf(['warning', 'critical']);
    expect(health.components.queries.score).to.be.at.most(70);
    const metric = health.components.queries.metrics.find((m: { key: string }) => m.key === 'pg.blocked_queries');
    expect(metric).to.include({ value: 1, status: 'warning', operator: '>=', warning: 1, critical: 3 });
    expect(health.overall_score).to.be.lessThan(100);
    expect(health.grade).to.be.a('string');
    expect(Object.keys(health.components)).to.have.members(['connections', 'queries', 'storage', 'maintenance', 'replication']);

    const overview = (await get(`/databases/${pgId}/overview`)).body;
    expect(overview.health_score).to.equal(health.overall_score);
    expect(overview.grade).to.equal(health.grade);
    expect(overview).not.to.have.property('health_score_note');
  });

  it('keeps scores as a series: history draws them and trend compares with an hour earlier', async () => {
    const history = await waitFor('a stored score', 10_000, async () => {
      const res = await get(`/databases/${pgId}/panels/health-score/history?range=1h`);
      expect(res.status).to.equal(200);
      return res.body.points.length > 0 ? res.body : undefined;
    });
    expect(history).to.include({ range: '1h', bucket_seconds: 60 });
    expect(history.points[0].score).to.be.within(0, 100);
    expect((await get(`/databases/${pgId}/panels/health-score/history?range=2d`)).status).to.equal(400);

    // A perfect score 70 minutes ago: the blocked query makes the current one degrading from it.
    const { context } = server.server;
    const db = (await context.meta.getDatabase(orgId, pgId))!;
    await context.telemetry.insertRecords(healthScoresKind, [{ org_id: db.org_id, database_id: db.id, ts: Date.now() - 70 * 60_000, score: 100, uncapped_score: 100, grade: 'A+', components: '{}', metrics: '{}' }]);
    await context.evaluator.evaluate(db);
    const health = (await get(`/databases/${pgId}/panels/health-score`)).body;
    expect(health.previous_score).to.equal(100);
    expect(health.trend).to.equal('degrading');
  });

  it('lists every database of the organization in /overview with score, grade and collector status', async () => {
    const res = await get('/overview');
    expect(res.status).to.equal(200);
    const byName = new Map(res.body.databases.map((d: { name: string }) => [d.name, d]));
    const pgItem: any = byName.get('health-pg');
    const chItem: any = byName.get('health-ch');
    expect(pgItem).to.include({ id: pgId, engine: 'postgres', collector_status: 'online' });
    expect(pgItem.active_alert_count).to.be.a('number');
    expect(pgItem.health_score).to.be.a('number');
    expect(pgItem.grade).to.be.a('string');
    expect(pgItem.last_collected_at).to.be.a('string');
    expect(chItem).to.include({ id: chId, engine: 'clickhouse', collector_status: 'online' });
  });

  it('answers /overview from stored scores, with each database\'s 24 h sparkline, and scores on the request only a database with none', async () => {
    // Two scores five hours ago in one 30 min bucket: the sparkline shows their mean at the bucket's start.
    const { context } = server.server;
    const bucketMs = 30 * 60_000;
    const bucket = Math.floor((Date.now() - 5 * 3600_000) / bucketMs) * bucketMs;
    const row = { org_id: orgId, database_id: chId, uncapped_score: 0, grade: 'D', components: '{}', metrics: '{}' };
    await context.telemetry.insertRecords(healthScoresKind, [
      { ...row, ts: bucket + 60_000, score: 61 },
      { ...row, ts: bucket + 120_000, score: 63 },
    ]);
    // Registered by hand, no agent and no telemetry: nothing stored, so it is scored on the request (no metric: no score).
    const created = await server.request('POST', '/api/v1/databases', { token, body: { name: 'health-unscored', engine: 'postgres', host: 'db.example' } });
    expect(created.status).to.equal(201);

    const res = await get('/overview');
    expect(res.status).to.equal(200);
    const byName = new Map<string, any>(res.body.databases.map((d: { name: string }) => [d.name, d]));
    const ch = byName.get('health-ch');
    expect(ch.score_history_24h).to.deep.include({ ts: new Date(bucket).toISOString(), score: 62 });
    expect(ch.score_history_24h.length).to.be.within(1, 49);
    const times = ch.score_history_24h.map((p: { ts: string }) => p.ts);
    expect(times).to.deep.equal([...times].sort());
    for (const item of [byName.get('health-pg'), ch]) {
      expect(item.health_score).to.be.a('number');
      expect(Date.now() - Date.parse(item.scored_at)).to.be.within(0, 24 * 3600_000);
    }
    expect(byName.get('health-unscored')).to.include({ health_score: null, grade: null, scored_at: null, active_alert_count: 0, collector_status: 'offline' });
    expect(byName.get('health-unscored').score_history_24h).to.deep.equal([]);
    await server.request('DELETE', `/api/v1/databases/${created.body.id}`, { token });
  });

  it('scores the databases /overview finds unscored together, storing each score whose lease it wins', async () => {
    const { context } = server.server;
    const reads = telemetryReads(context.telemetry);
    const dbs = [(await context.meta.getDatabase(orgId, pgId))!, (await context.meta.getDatabase(orgId, chId))!];
    const chLease = DatabaseEvaluator.leaseName(chId);
    // Another process holds the ClickHouse database's score lease: scored here, stored there. (The tick may hold it a moment: retried.)
    await waitFor('the ClickHouse score lease', 10_000, async () => ((await context.meta.alerts.tryAcquireLeases([chLease], leaseFor('another-process', 60_000))).size === 1 ? true : undefined));
    try {
      const run = await waitFor('a score stored by the batch', 10_000, async () => {
        // A fresh evaluator (nothing scored in memory) storing whatever is not stored at this very ms.
        const evaluator = new DatabaseEvaluator({ meta: context.meta, telemetry: context.telemetry, logger: context.logger }, { writeIntervalMs: 1 });
        const now = Date.now();
        const evaluations = await evaluator.currentMany(dbs, now);
        const stored = await reads.overMany('health_score', dbs, { since: now, until: now + 1 });
        // The tick may hold the PostgreSQL database's lease at that moment: then nothing of it is stored, and this tries again.
        return stored.has(pgId) ? { evaluations, stored } : undefined;
      });
      expect([...run.evaluations.keys()]).to.have.members([pgId, chId]);
      expect(run.stored.get(pgId)!.score).to.equal(run.evaluations.get(pgId)!.health.overall_score);
      expect(run.stored.has(chId)).to.equal(false);
    } finally {
      await context.meta.alerts.releaseLeases([chLease], 'another-process');
    }
  });

  it('on ClickHouse 18.16 shows disk usage unavailable with the reason, never 0 or healthy', async () => {
    const disk = await waitFor(
      'the disk metric to carry the release reason',
      20_000,
      async () => {
        const res = await get(`/databases/${chId}/panels/health-score`);
        expect(res.status).to.equal(200);
        const m = res.body.components.storage.metrics.find((x: { key: string }) => x.key === 'ch.disk_usage_pct');
        return /does not exist on ClickHouse 18\.16/.test(m?.reason ?? '') ? m : undefined;
      },
      log,
    );
    expect(disk).to.include({ value: null, score: null, status: 'unavailable' });
    const health = (await get(`/databases/${chId}/panels/health-score`)).body;
    expect(Object.keys(health.components)).to.have.members(['parts_merges', 'replication', 'queries', 'storage', 'infrastructure']);
    expect(health.components.infrastructure.metrics.find((m: { key: string }) => m.key === 'ch.uptime_s').value).to.be.greaterThan(0);
    const doctor = (await get(`/databases/${chId}/doctor`)).body;
    expect(doctor.metrics_summary.values['ch.disk_usage_pct']).to.equal(null);
    expect(doctor.top_issues.map((i: { metric_key: string }) => i.metric_key)).not.to.include('ch.disk_usage_pct');
  });

  it('clears the doctor issue once the blocker commits', async () => {
    await blocked!.release();
    await waitFor(
      'the blocked query to leave the doctor',
      20_000,
      async () => {
        const doctor = (await get(`/databases/${pgId}/doctor`)).body;
        return doctor.top_issues.some((i: { metric_key: string }) => i.metric_key === 'pg.blocked_queries') ? undefined : doctor;
      },
      log,
    );
  });
});
