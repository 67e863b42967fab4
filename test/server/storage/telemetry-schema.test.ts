import { expect } from 'chai';
import { rawSql, sql } from '../../../server/src/storage/telemetry/clickhouse-sql.js';
import { SqlTelemetryStore } from '../../../server/src/storage/telemetry/sql-telemetry-store.js';
import { detectFeatures, parseVersion, UINT64_MS, type TelemetryMigration } from '../../../server/src/storage/telemetry/telemetry-ddl.js';
import { migrateTelemetrySchema, TELEMETRY_MIGRATIONS } from '../../../server/src/storage/telemetry/telemetry-schema.js';
import type { TelemetrySqlClient } from '../../../server/src/storage/telemetry/telemetry-sql-client.js';
import { TELEMETRY_SQL_BACKENDS } from '../../helpers/backends.js';

// Statement stats and their rollups: what migrateTelemetrySchema applies on its own, where the server has every feature they need.
const ALL_VERSIONS = TELEMETRY_MIGRATIONS.map((m) => m.version);
// Without projections (18.16) the migration that needs them waits for a server that has them.
const WITHOUT_PROJECTIONS = TELEMETRY_MIGRATIONS.filter((m) => m.requires !== 'projections').map((m) => m.version);

/** One statement_stats row at `ts` (window end): statement q, 3 calls in 6 ms, no block I/O. */
function statementRow(ts: number) {
  return {
    org_id: 'o', database_id: 'd', batch_id: 'b', ts, window_start: ts - 60_000, query_hash: 'q', query_text: 'SELECT 1',
    dbid: 1, userid: 1, username: 'u', toplevel: true, calls: 3, total_time_ms: 6, rows: 3,
    shared_blks_hit: 0, shared_blks_read: 0, shared_blks_dirtied: 0, shared_blks_written: 0, temp_blks_read: 0, temp_blks_written: 0,
    blk_read_time_ms: 0, blk_write_time_ms: 0, total_plan_time_ms: 0,
  };
}

describe('telemetry schema', () => {
  describe('feature detection', () => {
    it('reads versions of every shape ClickHouse reports', () => {
      expect(parseVersion('18.16.1')).to.deep.equal({ major: 18, minor: 16 });
      expect(parseVersion('26.7.2.1')).to.deep.equal({ major: 26, minor: 7 });
      expect(() => parseVersion('dev')).to.throw(/cannot read ClickHouse version/);
    });

    it('uses newer types only from 20.1, projections from 23.3 and fsync only where the server lists the settings', () => {
      expect(detectFeatures('18.16.1', [])).to.deep.include({ dateTime64: false, lowCardinality: false, codecs: false, fsyncOnInsert: false, projections: false });
      expect(detectFeatures('23.2.7', [])).to.deep.include({ dateTime64: true, projections: false });
      expect(detectFeatures('23.3.1', [])).to.deep.include({ projections: true });
      expect(detectFeatures('19.17.4', [])).to.deep.include({ dateTime64: false, codecs: false });
      expect(detectFeatures('20.1.2', ['fsync_after_insert'])).to.deep.include({ dateTime64: true, lowCardinality: true, codecs: true, fsyncOnInsert: false });
      expect(detectFeatures('26.7.2.1', ['fsync_after_insert', 'fsync_part_directory'])).to.deep.include({ dateTime64: true, fsyncOnInsert: true });
    });
  });

  for (const backend of TELEMETRY_SQL_BACKENDS) {
    describe(`migrations on ${backend.name}`, () => {
      let client: TelemetrySqlClient;
      let dispose: (() => Promise<void>) | undefined;
      const open = backend.setup();
      let VERSIONS: number[];
      beforeEach(async () => {
        ({ store: client, dispose } = await open());
        const [version] = await client.select<{ v: string }>(sql`SELECT version() AS v`);
        VERSIONS = detectFeatures(version!.v, []).projections ? ALL_VERSIONS : WITHOUT_PROJECTIONS;
      });
      afterEach(async () => {
        await dispose?.();
        dispose = undefined;
      });

      async function recorded(): Promise<number[]> {
        const rows = await client.select<{ version: number | string }>(sql`SELECT version FROM schema_migrations ORDER BY version`);
        return rows.map((r) => Number(r.version));
      }

      async function tsType(): Promise<string | undefined> {
        const rows = await client.select<{ type: string }>(
          sql`SELECT type FROM system.columns WHERE database = currentDatabase() AND table = 'statement_stats' AND name = 'ts'`,
        );
        return rows[0]?.type;
      }

      it('applies each migration once, however often it runs', async () => {
        const first = await migrateTelemetrySchema(client);
        const second = await migrateTelemetrySchema(client);
        expect(first.applied).to.deep.equal(VERSIONS);
        expect(second.applied).to.deep.equal(VERSIONS);
        expect(await recorded()).to.deep.equal(VERSIONS);
      });

      it('stores time as DateTime64 where the server has it, else as UInt64 milliseconds', async () => {
        const { features } = await migrateTelemetrySchema(client);
        expect(await tsType()).to.equal(features.dateTime64 ? "DateTime64(3, 'UTC')" : 'UInt64');
      });

      it('runs a migration that needs a feature only where the server has it, and records it only then', async () => {
        const { features } = await migrateTelemetrySchema(client);
        const probe: TelemetryMigration = { version: 97, name: 'probe', requires: 'projections', statements: () => [rawSql('CREATE TABLE IF NOT EXISTS projection_probe (a UInt8) ENGINE = Memory')] };
        const expected = features.projections ? [...VERSIONS, 97] : VERSIONS;
        expect((await migrateTelemetrySchema(client, [...TELEMETRY_MIGRATIONS, probe])).applied).to.deep.equal(expected);
        const [probeTable] = await client.select<{ n: number | string }>(sql`SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'projection_probe'`);
        expect(Number(probeTable!.n)).to.equal(features.projections ? 1 : 0);
      });

      it('runs a newer migration once, after the ones before it', async () => {
        await migrateTelemetrySchema(client);
        // No IF NOT EXISTS: running it a second time would fail, so passing twice proves it ran once.
        const next: TelemetryMigration = { version: 98, name: 'probe', statements: () => [rawSql('CREATE TABLE migration_probe (a UInt8) ENGINE = Memory')] };
        const migrations = [...TELEMETRY_MIGRATIONS, next];
        expect((await migrateTelemetrySchema(client, migrations)).applied).to.deep.equal([...VERSIONS, 98]);
        expect((await migrateTelemetrySchema(client, migrations)).applied).to.deep.equal([...VERSIONS, 98]);
        expect(await recorded()).to.deep.equal([...VERSIONS, 98]);
      });

      it('refuses a schema that a newer server has migrated further', async () => {
        await migrateTelemetrySchema(client);
        await client.command(sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${99}, ${'from the future'}, now())`);
        const err = await migrateTelemetrySchema(client).catch((e: unknown) => e);
        expect(err).to.be.instanceOf(Error);
        expect((err as Error).message).to.match(/migration 99/);
      });

      it('survives two processes migrating at once', async () => {
        const results = await Promise.all([migrateTelemetrySchema(client), migrateTelemetrySchema(client)]);
        expect(results.map((r) => r.applied)).to.deep.equal([VERSIONS, VERSIONS]);
        expect(await tsType()).to.be.a('string');
      });

      it('adds statement_stats.datname to a table holding rows (version 4), which then read as not reported', async () => {
        const { time } = await migrateTelemetrySchema(client, TELEMETRY_MIGRATIONS.filter((m) => m.version < 4));
        const ts = Date.parse('2026-11-01T00:00:00Z');
        const stat = statementRow(ts);
        // A row as the previous release wrote it: no datname column yet.
        const { query_text: _text, ...legacy } = stat;
        await client.insert('statement_stats', [{ ...legacy, ts: time.value(ts), window_start: time.value(ts - 60_000), toplevel: 1 }]);
        const store = new SqlTelemetryStore(client);
        await store.migrate();
        await store.migrate();
        expect((await recorded()).filter((v) => v < 100)).to.deep.equal(VERSIONS);
        await store.insertStatements([{ ...stat, datname: 'appdb', calls: 4 }]);
        const groups = await store.queryGroups({ orgId: 'o', databaseId: 'd', since: ts, until: ts + 1, limit: 10, sortBy: 'calls', groupBy: 'database' });
        expect(groups.map((g) => [g.key, g.total_calls])).to.deep.equal([['appdb', 4], ['', 3]]);
      });

      it('keeps raw statement rows in time order too where the server has projections (version 6), and a partial hour reads from it', async () => {
        const { features, time } = await migrateTelemetrySchema(client);
        const store = new SqlTelemetryStore(client);
        await store.migrate();
        const created = (await client.select<{ statement: string }>(sql`SHOW CREATE TABLE statement_stats`))[0]!.statement;
        expect(created.includes('PROJECTION by_time'), created).to.equal(features.projections);
        if (!features.projections) return;
        const hour = Date.parse('2026-11-01T10:00:00Z');
        const row = (i: number, ts: number) => ({ ...statementRow(ts), batch_id: `b${ts}`, query_hash: `q${i}`, datname: 'appdb', calls: 1, total_time_ms: i });
        // Two hours of 200 statements a minute (3 granules): ordered by statement, any half hour is spread over all of them.
        const rows = [];
        for (let minute = 0; minute < 120; minute++) for (let i = 0; i < 200; i++) rows.push(row(i, hour + minute * 60_000));
        await store.insertStatements(rows);
        const plan = await client.select<{ explain: string }>(sql`EXPLAIN SELECT query_hash, sum(calls) FROM statement_stats
          WHERE org_id = 'o' AND database_id = 'd' AND ts >= ${time.literal(hour + 90 * 60_000)} AND ts < ${time.literal(hour + 120 * 60_000)} GROUP BY query_hash`);
        const explained = plan.map((line) => line.explain).join('\n');
        expect(explained, explained).to.match(/ReadFromMergeTree \(by_time\)/);
        // The 30 minutes from 11:30: the projection gives the same sums as the table.
        const ranked = await store.topQueries({ orgId: 'o', databaseId: 'd', since: hour + 90 * 60_000, until: hour + 120 * 60_000, limit: 500, sortBy: 'calls' });
        expect(ranked).to.have.length(200);
        expect(ranked.every((q) => q.total_calls === 30)).to.equal(true);
      });

      it('keeps reading and writing tables an older server created (an upgraded 18.16)', async () => {
        // The 18.16 shape, whatever this server is: UInt64 milliseconds, no newer types, no codecs.
        const legacy = detectFeatures('18.16.1', []);
        for (const statement of TELEMETRY_MIGRATIONS[0]!.statements(legacy, UINT64_MS)) await client.command(statement);
        const store = new SqlTelemetryStore(client);
        await store.migrate();
        expect(await tsType()).to.equal('UInt64');
        const ts = Date.parse('2026-11-01T00:00:00Z');
        await store.insertStatements([statementRow(ts)]);
        const stats = await store.topQueries({ orgId: 'o', databaseId: 'd', since: ts, until: ts + 1, limit: 10, sortBy: 'calls' });
        expect(stats.map((s) => [s.query_hash, s.total_calls, s.mean_time_ms])).to.deep.equal([['q', 3, 2]]);
      });
    });
  }
});
