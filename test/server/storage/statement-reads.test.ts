import { expect } from 'chai';
import { summarizePlan, explainPlans, explainPlansKind } from '../../../server/src/storage/telemetry/kinds/explain-plans-kind.js';
import { slowStatements, statementDetail } from '../../../server/src/storage/telemetry/kinds/statements/statements-kind.js';
import type { StatementRow, TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { TELEMETRY_BACKENDS } from '../../helpers/backends.js';

const T0 = Date.parse('2026-11-01T12:00:00Z');

function row(overrides: Partial<StatementRow>): StatementRow {
  return {
    org_id: 'org', database_id: 'db', batch_id: 'b', ts: T0, window_start: T0 - 60_000, query_hash: 'q', query_text: 'SELECT $1',
    dbid: 1, userid: 10, username: 'app', toplevel: true, calls: 1, total_time_ms: 1, rows: 1, shared_blks_hit: 0, shared_blks_read: 0,
    shared_blks_dirtied: 0, shared_blks_written: 0, temp_blks_read: 0, temp_blks_written: 0, blk_read_time_ms: 0, blk_write_time_ms: 0, total_plan_time_ms: 0,
    ...overrides,
  };
}

const PG_PLAN = JSON.stringify([{ Plan: { 'Node Type': 'Hash Join', 'Total Cost': 42.5, 'Plan Rows': 7, Plans: [{ 'Node Type': 'Seq Scan' }, { 'Node Type': 'Hash', Plans: [{ 'Node Type': 'Index Scan' }] }] } }]);

for (const backend of TELEMETRY_BACKENDS) {
  describe(`statement reads and explain plans: ${backend.name}`, () => {
    let store: TelemetryStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    before(async () => {
      ({ store, dispose } = await open());
      await store.insertStatements([
        row({ query_hash: 'q', calls: 4, total_time_ms: 8, ts: T0 }),
        row({ query_hash: 'q', calls: 1, total_time_ms: 10, ts: T0 + 60_000, userid: 11 }),
        row({ query_hash: 'q', calls: 2, total_time_ms: 2, ts: T0 + 3600_000 }),
        row({ query_hash: 'slow', calls: 1, total_time_ms: 500, ts: T0, query_text: 'SELECT pg_sleep($1)' }),
        row({ query_hash: 'q', org_id: 'other', calls: 1000, total_time_ms: 1 }),
      ]);
      await store.insertRecords(explainPlansKind, [
        { org_id: 'org', database_id: 'db', query_hash: 'q', ts: T0, source: 'on_demand', format: 'json', plan: PG_PLAN },
        { org_id: 'org', database_id: 'db', query_hash: 'q', ts: T0 + 1000, source: 'scheduled', format: 'text', plan: 'ReadFromMergeTree' },
        { org_id: 'other', database_id: 'db', query_hash: 'q', ts: T0, source: 'on_demand', format: 'text', plan: 'x' },
      ]);
    });
    after(async () => {
      await dispose?.();
    });

    it('sums one statement per bucket and over the range', async () => {
      const detail = await statementDetail(store.kindContext(), { orgId: 'org', databaseId: 'db', queryHash: 'q', since: T0 - 60_000, until: T0 + 7200_000, bucketSeconds: 3600 });
      expect(detail!.query_text).to.equal('SELECT $1');
      expect(detail!.totals).to.include({ calls: 7, total_time_ms: 20 });
      expect(detail!.timeseries.map((p) => [p.ts, p.calls, p.total_time_ms])).to.deep.equal([
        [T0, 5, 18],
        [T0 + 3600_000, 2, 2],
      ]);
      expect([detail!.first_seen, detail!.last_seen]).to.deep.equal([T0, T0 + 3600_000]);
      expect(await statementDetail(store.kindContext(), { orgId: 'org', databaseId: 'db', queryHash: 'none', since: 0, until: T0, bucketSeconds: 60 })).to.equal(undefined);
    });

    it('ranks by mean time, and reports the worst interval', async () => {
      const slow = await slowStatements(store.kindContext(), { orgId: 'org', databaseId: 'db', since: T0 - 60_000, until: T0 + 7200_000, limit: 10 });
      expect(slow.map((s) => [s.query_hash, s.mean_time_ms, s.max_mean_time_ms])).to.deep.equal([
        ['slow', 500, 500],
        ['q', 20 / 7, 10],
      ]);
    });

    it('keeps plans per organization, newest first, with Basira summary fields', async () => {
      const plans = await explainPlans(store.kindContext(), { orgId: 'org', databaseId: 'db', queryHash: 'q', since: T0 - 1, until: T0 + 5000, limit: 10 });
      expect(plans.map((p) => [p.ts, p.source])).to.deep.equal([
        [T0 + 1000, 'scheduled'],
        [T0, 'on_demand'],
      ]);
      expect(plans[1]).to.include({ total_cost: 42.5, seq_scans: 1, index_scans: 1, rows_estimated: 7, actual_time_ms: null });
      expect(plans[0]!.plan_json).to.deep.equal({ text: 'ReadFromMergeTree' });
    });
  });
}

describe('summarizePlan', () => {
  it('hashes the plan text stably', () => {
    expect(summarizePlan('json', PG_PLAN).plan_hash).to.equal(summarizePlan('json', PG_PLAN).plan_hash).and.to.have.length(16);
  });
});
