import { expect } from 'chai';
import type { StatementRow, TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
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
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await backend.open());
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
      await dispose();
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
  });
}
