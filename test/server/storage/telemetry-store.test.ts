import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import type { StatementRow, TelemetryStore, TopQueriesRequest } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { rawSql, sql } from '../../../server/src/storage/telemetry/clickhouse-sql.js';
import { detectFeatures } from '../../../server/src/storage/telemetry/telemetry-ddl.js';
import { TELEMETRY_BACKENDS } from '../../helpers/backends.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');

function row(overrides: Partial<StatementRow>): StatementRow {
  return {
    org_id: 'org',
    database_id: 'db',
    batch_id: 'b',
    ts: T0,
    window_start: T0 - 60_000,
    query_hash: 'q',
    query_text: 'SELECT $1',
    dbid: 1,
    userid: 10,
    username: 'app',
    toplevel: true,
    calls: 1,
    total_time_ms: 1,
    rows: 1,
    shared_blks_hit: 0,
    shared_blks_read: 0,
    shared_blks_dirtied: 0,
    shared_blks_written: 0,
    temp_blks_read: 0,
    temp_blks_written: 0,
    blk_read_time_ms: 0,
    blk_write_time_ms: 0,
    total_plan_time_ms: 0,
    ...overrides,
  };
}

for (const backend of TELEMETRY_BACKENDS) {
  describe(`telemetry store contract: ${backend.name}`, () => {
    let store: TelemetryStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    before(async () => {
      ({ store, dispose } = await open());
      await store.insertStatements([
        row({ query_hash: 'fast', calls: 100, total_time_ms: 10, rows: 100, shared_blks_hit: 30, shared_blks_read: 10 }),
        row({ query_hash: 'fast', calls: 50, total_time_ms: 5, rows: 50, ts: T0 + 60_000, userid: 11 }),
        row({ query_hash: 'slow', calls: 2, total_time_ms: 400, rows: 2, query_text: "SELECT pg_sleep($1) -- it's" }),
        row({ query_hash: 'other-db', database_id: 'db2', calls: 1000, total_time_ms: 1000 }),
        row({ query_hash: 'other-org', org_id: 'org2', calls: 1000, total_time_ms: 1000 }),
        row({ query_hash: 'old', ts: T0 - 48 * 3600_000, calls: 5, total_time_ms: 5000 }),
      ]);
    });
    after(async () => {
      await dispose?.();
    });

    const range = { orgId: 'org', databaseId: 'db', since: T0 - 3600_000, until: T0 + 3600_000, limit: 25 };

    it('aggregates per statement within the range and the database', async () => {
      const stats = await store.topQueries({ ...range, sortBy: 'total_time' });
      expect(stats.map((s) => s.query_hash)).to.deep.equal(['slow', 'fast']);
      expect(stats[1]).to.deep.equal({
        query_hash: 'fast',
        query_text: 'SELECT $1',
        total_calls: 150,
        total_time_ms: 15,
        mean_time_ms: 0.1,
        total_rows: 150,
        shared_blks_hit: 30,
        shared_blks_read: 10,
        cache_hit_ratio: 0.75,
      });
      expect(stats[0]?.cache_hit_ratio).to.equal(null);
      expect(stats[0]?.query_text).to.equal("SELECT pg_sleep($1) -- it's");
    });

    it('sorts by each key and limits', async () => {
      expect((await store.topQueries({ ...range, sortBy: 'calls' })).map((s) => s.query_hash)).to.deep.equal(['fast', 'slow']);
      expect((await store.topQueries({ ...range, sortBy: 'mean_time' })).map((s) => s.query_hash)).to.deep.equal(['slow', 'fast']);
      expect((await store.topQueries({ ...range, sortBy: 'rows', limit: 1 })).map((s) => s.query_hash)).to.deep.equal(['fast']);
    });

    it('pages with offset and filters by text, ignoring case, taking % and quotes literally', async () => {
      const hashes = async (extra: Partial<TopQueriesRequest>) => (await store.topQueries({ ...range, sortBy: 'calls', ...extra })).map((s) => s.query_hash);
      expect(await hashes({ offset: 1 })).to.deep.equal(['slow']);
      expect(await hashes({ offset: 2 })).to.deep.equal([]);
      expect(await hashes({ textContains: 'PG_SLEEP' })).to.deep.equal(['slow']);
      expect(await hashes({ textContains: "it's" })).to.deep.equal(['slow']);
      expect(await hashes({ textContains: 'select $1' })).to.deep.equal(['fast']);
      expect(await hashes({ textContains: '%' })).to.deep.equal([]);
    });

    it('treats the range as [since, until)', async () => {
      const stats = await store.topQueries({ ...range, since: T0 + 60_000, sortBy: 'calls' });
      expect(stats.map((s) => [s.query_hash, s.total_calls])).to.deep.equal([['fast', 50]]);
      expect(await store.topQueries({ ...range, until: T0, sortBy: 'calls' })).to.deep.equal([]);
    });

    it('migrates idempotently and reports the schema version', async () => {
      await store.migrate();
      await store.migrate();
      const status = await store.schemaStatus();
      expect(status.serverVersion).to.match(/^\d+\.\d+\./);
      // Newer-server features follow the version: none on Debian's 18.16, all of them on chDB's 26.x.
      const major = Number(status.serverVersion.split('.')[0]);
      const projections = detectFeatures(status.serverVersion, []).projections;
      // Statement stats and their rollups (1–99; 5: the rollups' materialized views, 6: the raw rows' time-ordered projection, where the server has projections); record kinds add their own ranges.
      expect(status.migrations.filter((v) => v < 100)).to.deep.equal(projections ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5]);
      if (major >= 20) expect(status.features).to.include.members(['DateTime64', 'LowCardinality', 'codecs']);
      else expect(status.features).to.deep.equal([]);
      expect(status.features.includes('projections')).to.equal(projections);
      // Data written before the re-runs is still there.
      expect(await store.topQueries({ ...range, sortBy: 'calls' })).to.have.length(2);
    });

    it('keeps values that look like SQL as data', async () => {
      const orgId = "o'rg\\' OR 1=1 --";
      const databaseId = "d\\b'); DROP TABLE statement_stats; --";
      const text = "SELECT '\\'' FROM t WHERE a = '\\\\' -- {x:String} ? $1\n\t\0";
      await store.insertStatements([row({ org_id: orgId, database_id: databaseId, query_hash: "h'\\", query_text: text, calls: 7 })]);
      const stats = await store.topQueries({ ...range, orgId, databaseId, sortBy: 'calls' });
      expect(stats.map((s) => [s.query_hash, s.query_text, s.total_calls])).to.deep.equal([["h'\\", text, 7]]);
      for (const attempt of ["org' OR '1'='1", "org\\' OR 1=1 --", "' OR ''='", 'org\\', "x' UNION ALL SELECT * FROM statement_stats --"]) {
        expect(await store.topQueries({ ...range, orgId: attempt, sortBy: 'calls' })).to.deep.equal([]);
        expect(await store.topQueries({ ...range, databaseId: attempt, sortBy: 'calls' })).to.deep.equal([]);
      }
      // The tables are all still there.
      expect(await store.topQueries({ ...range, sortBy: 'calls' })).to.have.length(2);
    });

    it('keeps the newest non-empty text: StatementText records count, empty stat texts never replace one', async () => {
      const at = { org_id: 'org', database_id: 'texts' };
      await store.insertStatements([row({ ...at, query_hash: 'a', query_text: 'SELECT old', ts: T0 })]);
      await store.insertStatementTexts([{ ...at, query_hash: 'a', query_text: 'SELECT new', last_seen: T0 + 60_000 }]);
      // Later rows leave the text empty (the agent sent it already): it must not win by being newer.
      await store.insertStatements([row({ ...at, query_hash: 'a', query_text: '', ts: T0 + 120_000 }), row({ ...at, query_hash: 'b', query_text: '', ts: T0 + 120_000 })]);
      await store.insertStatementTexts([{ ...at, query_hash: 'b', query_text: '', last_seen: T0 + 180_000 }]);
      const stats = await store.topQueries({ ...range, databaseId: 'texts', sortBy: 'calls' });
      expect(stats.map((s) => [s.query_hash, s.query_text, s.total_calls])).to.deep.equal([
        ['a', 'SELECT new', 2],
        ['b', '', 1],
      ]);
      const rows = await store.kindContext().client.select<{ n: number | string }>(sql`SELECT count() AS n FROM statement_texts WHERE database_id = 'texts' AND query_text = ''`);
      expect(Number(rows[0]?.n)).to.equal(0);
    });

    describe('rollups', () => {
      // 300 rows 17 minutes apart (about 3.5 days) with distinct counters, over three statements.
      const rows = Array.from({ length: 300 }, (_, k) =>
        row({ database_id: 'rollup', query_hash: `q${k % 3}`, ts: T0 + k * 17 * 60_000, calls: k + 1, total_time_ms: (k + 1) * 0.25, rows: 2 * k, shared_blks_hit: k, shared_blks_read: 1 }),
      );
      before(async () => {
        // In two inserts, so the rollups hold unmerged rows of the same bucket.
        await store.insertStatements(rows.slice(0, 150));
        await store.insertStatements(rows.slice(150));
      });

      function expected(since: number, until: number): Map<string, [number, number, number]> {
        const sums = new Map<string, [number, number, number]>();
        for (const r of rows.filter((r) => r.ts >= since && r.ts < until)) {
          const [calls, time, n] = sums.get(r.query_hash) ?? [0, 0, 0];
          sums.set(r.query_hash, [calls + r.calls, time + r.total_time_ms, n + r.rows]);
        }
        return sums;
      }

      async function actual(since: number, until: number, endsNow = false): Promise<Map<string, [number, number, number]>> {
        const stats = await store.topQueries({ orgId: 'org', databaseId: 'rollup', since, until, limit: 10, sortBy: 'calls', endsNow });
        return new Map(stats.map((s) => [s.query_hash, [s.total_calls, s.total_time_ms, s.total_rows]]));
      }

      it('holds the same sums as the raw rows, per hour and per day', async () => {
        const client = store.kindContext().client;
        const totals = async (table: string) =>
          (await client.select<Record<string, number | string>>(
            sql`SELECT sum(calls) AS calls, sum(total_time_ms) AS time, sum(rows) AS rows, sum(shared_blks_hit) AS hit FROM ${rawSql(table)} WHERE database_id = 'rollup'`,
          )).map((r) => Object.values(r).map(Number));
        const raw = await totals('statement_stats');
        expect(await totals('statement_stats_hourly')).to.deep.equal(raw);
        expect(await totals('statement_stats_daily')).to.deep.equal(raw);
        const hourlyRows = await client.select<{ n: number | string }>(sql`SELECT count() AS n FROM (SELECT DISTINCT query_hash, ts FROM statement_stats_hourly WHERE database_id = 'rollup')`);
        expect(Number(hourlyRows[0]?.n)).to.be.below(rows.length);
      });

      it('answers long ranges from rollups with the raw sums, edges included', async () => {
        // Edges on no hour or day boundary: partial buckets come from the finer tables.
        const since = T0 - 5 * 3600_000 + 7 * 60_000;
        const until = T0 + 3 * 86_400_000 + 13 * 60_000;
        const want = expected(since, until);
        // Whole days from the daily rollup, partial days from the hourly, partial hours from raw rows.
        expect(await actual(since, until)).to.deep.equal(want);
        // Within one day: whole hours from the hourly rollup and raw edges.
        expect(await actual(T0 + 3600_000 + 1, T0 + 20 * 3600_000 - 1)).to.deep.equal(expected(T0 + 3600_000 + 1, T0 + 20 * 3600_000 - 1));
        // Within one hour: raw rows only.
        expect(await actual(T0 + 60_000, T0 + 50 * 60_000)).to.deep.equal(expected(T0 + 60_000, T0 + 50 * 60_000));
        // Aligned to whole days: the daily table alone.
        expect(await actual(T0, T0 + 2 * 86_400_000)).to.deep.equal(expected(T0, T0 + 2 * 86_400_000));
        // Ending now (just after the newest row, mid-day and mid-hour): the newest day read whole from the
        // daily rollup, the same sums; and within the newest hour, that hour whole from the hourly.
        const newest = rows.at(-1)!.ts;
        expect(await actual(since, newest + 1, true)).to.deep.equal(expected(since, newest + 1));
        expect(await actual(newest - 60_000, newest + 1, true)).to.deep.equal(expected(newest - 60_000, newest + 1));
        expect(await actual(newest - 20 * 3600_000 - 7 * 60_000, newest + 1, true)).to.deep.equal(expected(newest - 20 * 3600_000 - 7 * 60_000, newest + 1));
      });
    });

    describe('by PostgreSQL database and role', () => {
      const at = { database_id: 'scoped' };
      const scoped = { ...range, databaseId: 'scoped', sortBy: 'total_time' as const };
      before(async () => {
        await store.insertStatements([
          row({ ...at, query_hash: 'a', datname: 'appdb', username: 'app', calls: 10, total_time_ms: 20, shared_blks_hit: 3, shared_blks_read: 1 }),
          row({ ...at, query_hash: 'a', datname: 'postgres', username: 'admin', calls: 1, total_time_ms: 1 }),
          row({ ...at, query_hash: 'b', datname: 'appdb', username: 'admin', calls: 5, total_time_ms: 100, ts: T0 + 60_000, query_text: 'SELECT pg_sleep($1)' }),
          // Stored before agents sent datname (or from a database dropped since).
          row({ ...at, query_hash: 'c', username: 'app', calls: 2, total_time_ms: 2 }),
          row({ ...at, query_hash: 'old', datname: 'appdb', username: 'app', calls: 9, total_time_ms: 9, ts: T0 - 3 * 86_400_000 }),
        ]);
      });
      const stats = async (extra: Partial<TopQueriesRequest>) => (await store.topQueries({ ...scoped, ...extra })).map((s) => [s.query_hash, s.total_calls, s.total_time_ms]);
      const groups = async (groupBy: 'database' | 'user', extra: Partial<TopQueriesRequest> = {}) =>
        (await store.queryGroups({ ...scoped, groupBy, ...extra })).map((g) => [g.key, g.statements, g.total_calls, g.total_time_ms]);

      it('ranks statements by their calls in one database, by one role, or both', async () => {
        expect(await stats({})).to.deep.equal([['b', 5, 100], ['a', 11, 21], ['c', 2, 2]]);
        expect(await stats({ datname: 'appdb' })).to.deep.equal([['b', 5, 100], ['a', 10, 20]]);
        expect(await stats({ username: 'admin' })).to.deep.equal([['b', 5, 100], ['a', 1, 1]]);
        expect(await stats({ datname: 'appdb', username: 'app' })).to.deep.equal([['a', 10, 20]]);
        expect(await stats({ datname: 'appdb', textContains: 'PG_SLEEP' })).to.deep.equal([['b', 5, 100]]);
        expect(await stats({ datname: "appdb' OR '1'='1" })).to.deep.equal([]);
        expect(await stats({ datname: 'appdb', offset: 1, limit: 1 })).to.deep.equal([['a', 10, 20]]);
      });

      it('reads raw rows for a filtered range of any length, never the rollups (which have no database or role)', async () => {
        const since = T0 - 4 * 86_400_000;
        expect(await stats({ datname: 'appdb', since })).to.deep.equal([['b', 5, 100], ['a', 10, 20], ['old', 9, 9]]);
      });

      it('sums calls per database and per role, ranked like statements, with filters and paging', async () => {
        expect(await groups('database')).to.deep.equal([['appdb', 2, 15, 120], ['', 1, 2, 2], ['postgres', 1, 1, 1]]);
        expect(await groups('user')).to.deep.equal([['admin', 2, 6, 101], ['app', 2, 12, 22]]);
        expect(await groups('user', { sortBy: 'calls' })).to.deep.equal([['app', 2, 12, 22], ['admin', 2, 6, 101]]);
        expect(await groups('user', { datname: 'appdb' })).to.deep.equal([['admin', 1, 5, 100], ['app', 1, 10, 20]]);
        expect(await groups('database', { textContains: 'select $1', username: 'app' })).to.deep.equal([['appdb', 1, 10, 20], ['', 1, 2, 2]]);
        expect(await groups('database', { offset: 1, limit: 1 })).to.deep.equal([['', 1, 2, 2]]);
        const [appdb] = await store.queryGroups({ ...scoped, groupBy: 'database', limit: 1 });
        expect(appdb).to.deep.include({ mean_time_ms: 8, total_rows: 2, shared_blks_hit: 3, shared_blks_read: 1, cache_hit_ratio: 0.75 });
        expect((await store.queryGroups({ ...scoped, groupBy: 'user', username: 'nobody' }))).to.deep.equal([]);
      });
    });

    it('refuses a sort key or limit outside the whitelist with VALIDATION_FAILED', async () => {
      for (const bad of [{ sortBy: 'calls; DROP TABLE statement_stats' }, { sortBy: 'constructor' }, { limit: 0 }, { limit: 1.5 }]) {
        const err = await store.topQueries({ ...range, sortBy: 'calls', ...bad } as TopQueriesRequest).catch((e: unknown) => e);
        expect(err, JSON.stringify(bad)).to.be.instanceOf(VigilError);
        expect((err as VigilError).code).to.equal('VALIDATION_FAILED');
      }
    });
  });

  describe(`telemetry retention: ${backend.name}`, () => {
    let store: TelemetryStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    beforeEach(async () => {
      ({ store, dispose } = await open());
    });
    afterEach(async () => {
      await dispose?.();
      dispose = undefined;
    });

    const NOW = Date.parse('2026-11-23T12:00:00Z');
    const DAY = 86_400_000;
    const policy = { rawDays: 7, hourlyDays: 30, dailyDays: 365 };

    async function partitions(table: string): Promise<string[]> {
      const rows = await store.kindContext().client.select<{ id: string }>(
        sql`SELECT DISTINCT partition_id AS id FROM system.parts WHERE database = currentDatabase() AND table = ${table} AND active ORDER BY id`,
      );
      return rows.map((r) => r.id);
    }

    it('drops whole day partitions past each table\'s retention, and nothing newer', async () => {
      await store.insertStatements([
        row({ query_hash: 'ten-days', ts: NOW - 10 * DAY, calls: 3 }),
        row({ query_hash: 'forty-days', ts: NOW - 40 * DAY, calls: 4 }),
        // Inside the 7 days by a few hours: its day is not wholly past the cutoff.
        row({ query_hash: 'edge', ts: NOW - 7 * DAY + 3600_000, calls: 5 }),
        row({ query_hash: 'today', ts: NOW - 3600_000, calls: 6 }),
      ]);
      const dropped = await store.dropExpiredPartitions(policy, NOW);
      expect(dropped).to.deep.include.members([
        { table: 'statement_stats', partition: '20261113' },
        { table: 'statement_stats', partition: '20261014' },
        { table: 'statement_stats_hourly', partition: '20261014' },
      ]);
      expect(dropped.filter((d) => d.table === 'statement_stats_daily')).to.deep.equal([]);
      expect(await partitions('statement_stats')).to.deep.equal(['20261116', '20261123']);
      expect(await partitions('statement_stats_hourly')).to.deep.equal(['20261113', '20261116', '20261123']);
      expect(await partitions('statement_stats_daily')).to.deep.equal(['20261014', '20261113', '20261116', '20261123']);
      // The rollups still answer for the dropped raw days.
      const stats = await store.topQueries({ orgId: 'org', databaseId: 'db', since: NOW - 45 * DAY, until: NOW, limit: 10, sortBy: 'calls' });
      expect(stats.map((s) => [s.query_hash, s.total_calls])).to.deep.equal([['today', 6], ['edge', 5], ['forty-days', 4], ['ten-days', 3]]);
      // A second run (or another process's) finds nothing left to drop.
      expect(await store.dropExpiredPartitions(policy, NOW)).to.deep.equal([]);
    });

    it('expires statement texts once no retained row mentions their statement', async () => {
      await store.insertStatements([
        row({ query_hash: 'gone', query_text: 'SELECT gone', ts: NOW - 400 * DAY }),
        row({ query_hash: 'in-daily', query_text: 'SELECT daily', ts: NOW - 40 * DAY }),
        row({ query_hash: 'today', query_text: 'SELECT today', ts: NOW - 3600_000 }),
      ]);
      const at = { org_id: 'org', database_id: 'db' };
      // Texts without rows: an old one goes, a recent one (its rows may be on their way) stays.
      await store.insertStatementTexts([
        { ...at, query_hash: 'orphan-old', query_text: 'SELECT orphan', last_seen: NOW - 20 * DAY },
        { ...at, query_hash: 'orphan-new', query_text: 'SELECT fresh', last_seen: NOW - DAY },
      ]);
      await store.dropExpiredPartitions(policy, NOW);
      const texts = async (): Promise<string[]> =>
        (await store.kindContext().client.select<{ h: string }>(sql`SELECT DISTINCT query_hash AS h FROM statement_texts ORDER BY h`)).map((r) => r.h);
      // The delete is a mutation, applied in the background.
      const deadline = Date.now() + 10_000;
      while ((await texts()).length > 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await texts()).to.deep.equal(['in-daily', 'orphan-new', 'today']);
    });
  });
}
