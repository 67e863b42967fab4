import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { clickHouseFixture, connectFixtureAgent, sendBatch, type ClickHouseFixture } from './clickhouse-agent.js';

const GIB = 2 ** 30;

describe('API: ClickHouse panels', () => {
  let t: TestServer;
  let f: ClickHouseFixture;
  const get = (path: string) => t.request('GET', `/api/v1/databases/${f.chId}${path}`, { token: f.token });

  before(async () => {
    t = await startTestServer();
    f = await clickHouseFixture(t);
  });
  after(async () => {
    await t.close();
  });

  it('serves disk usage per disk', async () => {
    const res = await get('/panels/disk');
    expect(res.status).to.equal(200);
    expect(res.body.ts).to.equal(new Date(f.end).toISOString());
    expect(res.body.disks.map((d: { name: string; used_bytes: number; usage_pct: number }) => [d.name, d.used_bytes, d.usage_pct])).to.deep.equal([
      ['cold', 100 * GIB, 10],
      ['default', 60 * GIB, 60],
    ]);
  });

  it('gives a reason for an empty disk panel: no system.disks before 19.15, or no snapshot yet', async () => {
    expect((await get('/panels/disk')).body.reason).to.equal(null);
    // The idle database runs 18.16.1, which has no system.disks: the agent can never send any.
    const old = await t.request('GET', `/api/v1/databases/${f.emptyId}/panels/disk`, { token: f.token });
    expect(old.status).to.equal(200);
    expect(old.body.disks).to.deep.equal([]);
    expect(old.body.reason).to.match(/system\.disks needs ClickHouse 19\.15 or later; this server runs 18\.16\.1/);
    // An agent that sends an empty disks snapshot (what 18.16 yields) gets the same reason, not null.
    const agent = await connectFixtureAgent(t, f.token);
    await sendBatch(agent, 'warehouse-idle', 1, f.end, { clickhouseDisks: [{ tsMs: f.end, disks: [] }] });
    agent.ws.close();
    const empty = await t.request('GET', `/api/v1/databases/${f.emptyId}/panels/disk`, { token: f.token });
    expect(empty.body).to.deep.include({ disks: [], ts: new Date(f.end).toISOString() });
    expect(empty.body.reason).to.match(/system\.disks needs ClickHouse 19\.15 or later/);
  });

  it('serves compression per table as uncompressed / compressed (above 1 is a saving)', async () => {
    const res = await get('/panels/compression?limit=1');
    expect(res.status).to.equal(200);
    expect(res.body.tables).to.have.length(1);
    expect(res.body.tables[0]).to.include({ table: 'users', compressed_bytes: 2 * GIB, uncompressed_bytes: 3 * GIB });
    expect(res.body.tables[0].compression_ratio).to.be.closeTo(1.5, 1e-9);
  });

  it('serves active mutations with the parts each has left, per database', async () => {
    const res = await get('/panels/mutations');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ ts: new Date(f.end).toISOString(), mutations_total: 2, parts_remaining: 4 });
    expect(res.body.databases).to.deep.equal([{ database: 'analytics', mutations: 2, parts_remaining: 4, stuck: 2 }]);
    expect(res.body.mutations.map((m: { table: string; parts_remaining: number; is_stuck: boolean }) => [m.table, m.parts_remaining, m.is_stuck])).to.deep.equal([
      ['events', 3, true],
      ['users', 1, true],
    ]);
    // Totals cover the whole snapshot, not only the mutations listed.
    const one = await get('/panels/mutations?limit=1');
    expect(one.body.mutations).to.have.length(1);
    expect(one.body.parts_remaining).to.equal(4);
  });

  it('takes range in seconds or as 1h|6h|24h|7d on every ranged panel', async () => {
    const errors = await get('/panels/errors?range=1h');
    expect(errors.status).to.equal(200);
    expect(errors.body).to.include({ range: '1h', bucket_seconds: 60, total: 8 });
    const merges = await get('/panels/merges?range=3600');
    expect(merges.status).to.equal(200);
    expect(merges.body).to.include({ range: 3600, bucket_seconds: 60 });
    expect(merges.body.series.length).to.be.within(60, 61);
    const replication = await get('/panels/replication?range=21600');
    expect(replication.status).to.equal(200);
    expect(replication.body).to.include({ range: 21600, bucket_seconds: 180, tables_total: 2 });
  });

  it('serves detached and broken parts per table', async () => {
    const res = await get('/panels/broken-parts');
    expect(res.status).to.equal(200);
    expect(res.body.has_detached).to.equal(true);
    expect(res.body.tables.map((r: { table: string; detached_parts: number; broken_parts: number }) => [r.table, r.detached_parts, r.broken_parts])).to.deep.equal([
      ['events', 3, 2],
      ['users', 1, 0],
    ]);
  });

  it('serves error events over a range given in seconds', async () => {
    const hour = await get('/panels/errors');
    expect(hour.status).to.equal(200);
    expect(hour.body).to.include({ range: 3600, bucket_seconds: 60, total: 8 });
    expect(hour.body.series.length).to.be.within(60, 61);
    expect(hour.body.series.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).to.equal(8);
    expect(hour.body.errors[0]).to.include({ code: 60, name: 'UNKNOWN_TABLE', count: 6 });

    const week = await get('/panels/errors?range=604800');
    expect(week.body.bucket_seconds).to.equal(5040);
    expect(week.body.series.length).to.be.at.most(121);
    // The newer collection only.
    expect((await get('/panels/errors?range=300')).body.total).to.equal(4);
  });

  it('serves replication lag per table with the current replicas and queue', async () => {
    const res = await get('/panels/replication?range=6h');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ range: '6h', bucket_seconds: 300, tables_total: 2 });
    const events = res.body.tables[0];
    expect(events).to.include({ table: 'events', max_delay_s: 5 });
    expect(events.points.length).to.be.within(72, 73);
    expect(events.points.filter((p: { absolute_delay_s: number | null }) => p.absolute_delay_s !== null).map((p: { absolute_delay_s: number }) => p.absolute_delay_s)).to.deep.equal([5, 5]);
    expect(res.body.current.replicas.map((r: { table: string; is_readonly: boolean }) => [r.table, r.is_readonly])).to.deep.equal([
      ['events', false],
      ['users', true],
    ]);
    expect(res.body.queue.groups[0]).to.include({ type: 'GET_PART', entries: 2, last_exception: 'Code: 234 No active replica has part' });
    expect((await get('/panels/replication?limit=1')).body.tables).to.have.length(1);
  });

  it('serves merges over time and when the running ones should finish', async () => {
    const res = await get('/panels/merges?range=24h');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ range: '24h', bucket_seconds: 900 });
    expect(res.body.series.length).to.be.within(96, 97);
    expect(res.body.series.filter((p: { active_merges: number | null }) => p.active_merges !== null).length).to.be.within(1, 2);
    expect(res.body.current).to.include({ active_merges: 2, estimated_completion_s: 90 });
    expect((await get('/panels/merges?range=7d')).body.bucket_seconds).to.equal(3600);
  });

  it('names the bad param in a 400', async () => {
    const cases: Array<[string, string]> = [
      ['/panels/errors?range=59', 'range'],
      ['/panels/errors?range=604801', 'range'],
      ['/panels/errors?range=forever', 'range'],
      ['/panels/replication?range=2h', 'range'],
      ['/panels/replication?limit=101', 'limit'],
      ['/panels/merges?range=forever', 'range'],
      ['/panels/merges?range=59', 'range'],
      // Current-state panels take no range: it is an unknown param, not silently ignored.
      ['/panels/disk?range=forever', 'range'],
      ['/panels/mutations?range=1h', 'range'],
      ['/panels/compression?range=1h', 'range'],
      ['/panels/compression?limit=0', 'limit'],
      ['/panels/broken-parts?limit=x', 'limit'],
    ];
    for (const [path, param] of cases) {
      const res = await get(path);
      expect(res.status, path).to.equal(400);
      expect(res.body.code, path).to.equal('VALIDATION_FAILED');
      expect(res.body.error, path).to.contain(`'${param}'`);
    }
  });
});
