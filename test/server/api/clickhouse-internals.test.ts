import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { clickHouseFixture, type ClickHouseFixture } from './clickhouse-agent.js';

const MIB = 2 ** 20;

/** Every ClickHouse-only endpoint of this part, as paths under /api/v1/databases/{id}. */
const CLICKHOUSE_ENDPOINTS = [
  '/parts',
  '/merges',
  '/mutations',
  '/server-metrics',
  '/queries/failed',
  '/queries/parts-distribution',
  '/panels/disk',
  '/panels/compression',
  '/panels/broken-parts',
  '/panels/errors',
  '/panels/replication',
  '/panels/merges',
];

describe('API: ClickHouse internals', () => {
  let t: TestServer;
  let f: ClickHouseFixture;
  const get = (id: string, path: string) => t.request('GET', `/api/v1/databases/${id}${path}`, { apiKey: f.readKey });

  before(async () => {
    t = await startTestServer();
    f = await clickHouseFixture(t);
  });
  after(async () => {
    await t.close();
  });

  it('serves /parts per table and partition, fullest partition first', async () => {
    const res = await get(f.chId, '/parts');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ database_id: f.chId, ts: new Date(f.end).toISOString(), has_detached: true, tables_total: 2, max_parts_in_partition: 8 });
    expect(res.body.tables.map((t: { table: string }) => t.table)).to.deep.equal(['events', 'users']);
    expect(res.body.tables[0]).to.include({ database: 'analytics', partitions: 2, active_parts: 12, max_parts_in_partition: 8, data_compressed_bytes: 100 * MIB });
    expect(res.body.tables[0].partition_stats.map((p: { partition_id: string; active_parts: number }) => [p.partition_id, p.active_parts])).to.deep.equal([
      ['202610', 8],
      ['202611', 4],
    ]);

    const cut = await get(f.chId, '/parts?limit=1&partitions=0');
    expect(cut.body.tables).to.have.length(1);
    expect(cut.body.tables_total).to.equal(2);
    expect(cut.body.tables[0].partition_stats).to.deep.equal([]);
  });

  it('serves running merges and unfinished mutations', async () => {
    const merges = await get(f.chId, '/merges');
    expect(merges.status).to.equal(200);
    expect(merges.body.merges_total).to.equal(2);
    expect(merges.body.merges[0]).to.include({ result_part_name: '202611_1_6_1', progress: 0.25, estimated_remaining_s: 90 });

    const mutations = await get(f.chId, '/mutations?limit=1');
    expect(mutations.status).to.equal(200);
    expect(mutations.body).to.include({ mutations_total: 2, stuck_total: 2 });
    expect(mutations.body.mutations).to.have.length(1);
    expect(mutations.body.mutations[0]).to.include({ mutation_id: 'mutation_10.txt', is_stuck: true, latest_fail_time: null, create_time: new Date(f.end - 7200_000).toISOString() });
  });

  it('serves server metrics: the newest reading, disks and counters over the range', async () => {
    const res = await get(f.chId, '/server-metrics');
    expect(res.status).to.equal(200);
    expect(res.body.current).to.deep.include({ uptime_s: 86_400, memory: { tracking_bytes: 512 * MIB, resident_bytes: 900 * MIB }, connections: { tcp: 3, http: 5, interserver: 0 } });
    expect(res.body.disk).to.include({ total_bytes: 1100 * 2 ** 30, used_bytes: 160 * 2 ** 30 });
    expect(res.body.totals).to.include({ readings: 2, queries: 96, failed_queries: 12, delayed_inserts: 2 });

    const before = await get(f.chId, `/server-metrics?until=${encodeURIComponent(new Date(f.end - 20 * 60_000).toISOString())}`);
    expect(before.body.totals).to.include({ readings: 0, queries: 0 });
  });

  it('serves failed queries grouped by error code', async () => {
    const res = await get(f.chId, '/queries/failed?hours=1');
    expect(res.status).to.equal(200);
    expect(res.body.total_failures).to.equal(12);
    expect(res.body.errors.map((e: { code: number; name: string | null; count: number }) => [e.code, e.name, e.count])).to.deep.equal([
      [60, 'UNKNOWN_TABLE', 6],
      // 18.16 has no system.errors to name it: the built-in table does.
      [241, 'MEMORY_LIMIT_EXCEEDED', 4],
      [252, 'TOO_MANY_PARTS', 2],
    ]);
    expect(res.body.errors[0].top_queries).to.deep.equal([{ query_hash: '3333', query_text: 'SELECT * FROM missing_table', count: 6 }]);
    expect((await get(f.chId, '/queries/failed?limit=2')).body.errors).to.have.length(2);
  });

  it('names query detail fields as PostgreSQL does, with first_seen_at and last_seen_at', async () => {
    const res = await get(f.chId, '/queries/3333');
    expect(res.status).to.equal(200);
    expect(res.body.engine).to.equal('clickhouse');
    expect(res.body.totals).to.include.all.keys('total_calls', 'total_time_ms', 'mean_time_ms', 'total_rows');
    expect(res.body.totals).to.include({ total_calls: 6 });
    expect(res.body.first_seen_at).to.be.a('string');
    expect(Date.parse(res.body.first_seen_at)).to.be.below(Date.parse(res.body.last_seen_at));
  });

  it('serves the parts size distribution', async () => {
    const res = await get(f.chId, '/queries/parts-distribution');
    expect(res.status).to.equal(200);
    expect(res.body.size_classes.map((c: { partitions: number }) => c.partitions)).to.deep.equal([1, 0, 1, 0, 1]);
    expect(res.body.tables[0]).to.include({ table: 'events', active_parts: 12, avg_part_bytes: 10 * MIB });
  });

  it('answers an empty result with a null ts before the first snapshot', async () => {
    for (const path of CLICKHOUSE_ENDPOINTS) {
      const res = await get(f.emptyId, path);
      expect(res.status, path).to.equal(200);
      if ('ts' in res.body) expect(res.body.ts, path).to.equal(null);
    }
    expect((await get(f.emptyId, '/parts')).body).to.include({ has_detached: null, tables_total: 0 });
    expect((await get(f.emptyId, '/server-metrics')).body).to.include({ current: null, disk: null });
  });

  it('refuses a PostgreSQL database with ENGINE_MISMATCH and an unknown one with 404', async () => {
    for (const path of CLICKHOUSE_ENDPOINTS) {
      const pg = await get(f.pgId, path);
      expect(pg.status, path).to.equal(400);
      expect(pg.body.code, path).to.equal('ENGINE_MISMATCH');
      const unknown = await get('no-such-database', path);
      expect(unknown.status, path).to.equal(404);
      expect(unknown.body.code, path).to.equal('NOT_FOUND');
    }
  });

  it('names the bad param in a 400', async () => {
    const cases: Array<[string, string]> = [
      ['/parts?limit=0', 'limit'],
      ['/parts?limit=501', 'limit'],
      ['/parts?partitions=101', 'partitions'],
      ['/merges?limit=ten', 'limit'],
      ['/mutations?limit=1.5', 'limit'],
      ['/server-metrics?since=yesterday', 'since'],
      ['/queries/failed?hours=169', 'hours'],
      ['/queries/failed?limit=201', 'limit'],
      ['/queries/parts-distribution?limit=0', 'limit'],
    ];
    for (const [path, param] of cases) {
      const res = await get(f.chId, path);
      expect(res.status, path).to.equal(400);
      expect(res.body.code, path).to.equal('VALIDATION_FAILED');
      expect(res.body.error, path).to.contain(`'${param}'`);
    }
  });
});
