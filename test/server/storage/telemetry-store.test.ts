import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import type { StatementRow, TelemetryStore, TopQueriesRequest } from '../../../server/src/storage/telemetry/telemetry-store.js';
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

    it('treats the range as [since, until)', async () => {
      const stats = await store.topQueries({ ...range, since: T0 + 60_000, sortBy: 'calls' });
      expect(stats.map((s) => [s.query_hash, s.total_calls])).to.deep.equal([['fast', 50]]);
      expect(await store.topQueries({ ...range, until: T0, sortBy: 'calls' })).to.deep.equal([]);
    });

    it('migrates idempotently and reports the schema version', async () => {
      await store.migrate();
      await store.migrate();
      const status = await store.schemaStatus();
      expect(status.migrations).to.deep.equal([1]);
      expect(status.serverVersion).to.match(/^\d+\.\d+\./);
      // Newer-server features follow the version: none on Debian's 18.16, all of them on chDB's 26.x.
      const major = Number(status.serverVersion.split('.')[0]);
      if (major >= 20) expect(status.features).to.include.members(['DateTime64', 'LowCardinality', 'codecs']);
      else expect(status.features).to.deep.equal([]);
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

    it('refuses a sort key or limit outside the whitelist with VALIDATION_FAILED', async () => {
      for (const bad of [{ sortBy: 'calls; DROP TABLE statement_stats' }, { sortBy: 'constructor' }, { limit: 0 }, { limit: 1.5 }]) {
        const err = await store.topQueries({ ...range, sortBy: 'calls', ...bad } as TopQueriesRequest).catch((e: unknown) => e);
        expect(err, JSON.stringify(bad)).to.be.instanceOf(VigilError);
        expect((err as VigilError).code).to.equal('VALIDATION_FAILED');
      }
    });
  });
}
