import { expect } from 'chai';
import {
  clickHouseQuerySummary,
  clickHouseQueryTimeseries,
  failedClickHouseQueries,
  topClickHouseQueries,
  CLICKHOUSE_QUERY_SORTS,
} from '../../../../server/src/storage/telemetry/kinds/clickhouse/queries-kind.js';
import type { KindContext } from '../../../../server/src/storage/telemetry/record-kind.js';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';
import { TELEMETRY_BACKENDS } from '../../../helpers/backends.js';
import { clickHouseRecords, storeRecords, MINUTE } from './clickhouse-batches.js';

const END = Date.parse('2026-11-01T12:00:30Z');
const M0 = Date.parse('2026-11-01T11:58:00Z');
const MIB = 2 ** 20;

for (const backend of TELEMETRY_BACKENDS) {
  describe(`ClickHouse query kind contract: ${backend.name}`, () => {
    let store: TelemetryStore;
    let ctx: KindContext;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    const range = { orgId: 'org', databaseId: 'db', since: END - 3600_000, until: END + 3600_000 };

    before(async () => {
      ({ store, dispose } = await open());
      ctx = store.kindContext();
      await storeRecords(store, clickHouseRecords(END), { window_end: END });
      // The same records under another database and another organization must never leak in.
      await storeRecords(store, clickHouseRecords(END), { window_end: END, database_id: 'db2', batch_id: 'b2' });
      await storeRecords(store, clickHouseRecords(END), { window_end: END, org_id: 'org2', batch_id: 'b3' });
    });
    after(async () => {
      await dispose?.();
    });

    it('aggregates each fingerprint over the range with its newest text', async () => {
      const top = await topClickHouseQueries(ctx, { ...range, limit: 25, sortBy: 'total_time' });
      expect(top.map((q) => q.query_hash)).to.deep.equal(['1111', '2222', '3333']);
      expect(top[0]).to.deep.equal({
        query_hash: '1111',
        query_text: 'SELECT count() FROM events WHERE user_id = ?',
        total_calls: 40,
        total_time_ms: 700,
        mean_time_ms: 17.5,
        total_rows: 38,
        errors: 2,
        // Weighted by calls: 30 of 40 calls were in the minute whose p95 was 40 ms.
        p95_time_ms: 40,
        p99_time_ms: 50,
        read_rows: 4000,
        read_bytes: 32000,
        memory_bytes: 2 * MIB,
      });
    });

    it('sorts by every key, descending, ties by hash, and limits', async () => {
      const order = async (sortBy: (typeof CLICKHOUSE_QUERY_SORTS)[number], limit = 25) => (await topClickHouseQueries(ctx, { ...range, limit, sortBy })).map((q) => q.query_hash);
      expect(await order('calls')).to.deep.equal(['1111', '2222', '3333']);
      expect(await order('mean_time')).to.deep.equal(['1111', '2222', '3333']);
      expect(await order('rows')).to.deep.equal(['1111', '2222', '3333']);
      expect(await order('errors')).to.deep.equal(['3333', '1111', '2222']);
      expect(await order('memory')).to.deep.equal(['2222', '1111', '3333']);
      expect(await order('read_bytes', 1)).to.deep.equal(['1111']);
    });

    it('pages with offset and filters by text, ignoring case, taking % and quotes literally', async () => {
      const hashes = async (extra: { offset?: number; textContains?: string; limit?: number }) =>
        (await topClickHouseQueries(ctx, { ...range, limit: 25, sortBy: 'calls', ...extra })).map((q) => q.query_hash);
      expect(await hashes({ offset: 1 })).to.deep.equal(['2222', '3333']);
      expect(await hashes({ offset: 1, limit: 1 })).to.deep.equal(['2222']);
      expect(await hashes({ offset: 3 })).to.deep.equal([]);
      expect(await hashes({ textContains: 'EVENTS' })).to.deep.equal(['1111', '2222']);
      expect(await hashes({ textContains: 'user_id = ?' })).to.deep.equal(['1111']);
      expect(await hashes({ textContains: '%' })).to.deep.equal([]);
      expect(await hashes({ textContains: "x' OR '1'='1" })).to.deep.equal([]);
    });

    it('reads only the range asked for', async () => {
      const firstMinute = await topClickHouseQueries(ctx, { ...range, since: M0, until: M0 + MINUTE, limit: 25, sortBy: 'calls' });
      expect(firstMinute.map((q) => [q.query_hash, q.total_calls])).to.deep.equal([['1111', 10]]);
      expect(await topClickHouseQueries(ctx, { ...range, since: END + MINUTE, limit: 25, sortBy: 'calls' })).to.deep.equal([]);
    });

    it('summarizes one fingerprint, or says it did not run', async () => {
      const insert = await clickHouseQuerySummary(ctx, { ...range, queryHash: '2222' });
      expect(insert).to.include({ query_hash: '2222', query_text: 'INSERT INTO events FORMAT JSONEachRow', total_calls: 5, errors: 1, memory_bytes: 4 * MIB });
      expect(await clickHouseQuerySummary(ctx, { ...range, queryHash: 'nope' })).to.equal(null);
    });

    it('buckets a fingerprint over time, oldest first', async () => {
      const points = await clickHouseQueryTimeseries(ctx, { ...range, queryHash: '1111', bucketSeconds: 60 });
      expect(points.map((p) => [p.ts, p.calls, p.errors, p.rows, p.read_bytes, p.memory_bytes])).to.deep.equal([
        [M0, 10, 0, 10, 8000, MIB],
        [M0 + MINUTE, 30, 2, 28, 24000, 2 * MIB],
      ]);
      const hourly = await clickHouseQueryTimeseries(ctx, { ...range, queryHash: '1111', bucketSeconds: 3600 });
      expect(hourly).to.have.length(1);
      expect(hourly[0]).to.include({ calls: 40, total_time_ms: 700, mean_time_ms: 17.5 });
    });

    it('refuses a timeseries with more buckets than it returns', async () => {
      const error = await clickHouseQueryTimeseries(ctx, { ...range, since: 0, queryHash: '1111', bucketSeconds: 1 }).catch((e: unknown) => e);
      expect(error).to.have.property('code', 'VALIDATION_FAILED');
    });

    it('groups failures by error code with names from the errors snapshots', async () => {
      const failed = await failedClickHouseQueries(ctx, { ...range, limit: 50, topQueries: 5 });
      expect(failed.map((f) => [f.code, f.name, f.count, f.queries])).to.deep.equal([
        [60, 'UNKNOWN_TABLE', 3, 1],
        [241, 'MEMORY_LIMIT_EXCEEDED', 2, 1], // not in the errors snapshot: named by the built-in table
        [252, 'TOO_MANY_PARTS', 1, 1],
      ]);
      expect(failed[0]!.top_queries).to.deep.equal([{ query_hash: '3333', query_text: 'SELECT * FROM missing_table', count: 3 }]);
      expect(failed[0]!.last_seen).to.equal(M0 + MINUTE);
      expect(await failedClickHouseQueries(ctx, { ...range, limit: 1, topQueries: 5 })).to.have.length(1);
    });

    it('keeps a text when the same batch is stored again after a failure', async () => {
      const at = { window_end: END, database_id: 'retried', batch_id: 'b9' };
      await storeRecords(store, clickHouseRecords(END), at);
      await storeRecords(store, clickHouseRecords(END), at);
      const [top] = await topClickHouseQueries(ctx, { ...range, databaseId: 'retried', limit: 1, sortBy: 'calls' });
      expect(top?.query_text).to.equal('SELECT count() FROM events WHERE user_id = ?');
    });
  });
}
