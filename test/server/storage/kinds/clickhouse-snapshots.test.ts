import { expect } from 'chai';
import { latestClickHouseDisks } from '../../../../server/src/storage/telemetry/kinds/clickhouse/disks-kind.js';
import { clickHouseErrorsPanel } from '../../../../server/src/storage/telemetry/kinds/clickhouse/errors-kind.js';
import { clickHouseMergesSeries, latestClickHouseMerges } from '../../../../server/src/storage/telemetry/kinds/clickhouse/merges-kind.js';
import { latestClickHouseMutations } from '../../../../server/src/storage/telemetry/kinds/clickhouse/mutations-kind.js';
import { clickHousePartitions, latestClickHouseParts, latestDetachedParts, partSizeClasses, tableKey } from '../../../../server/src/storage/telemetry/kinds/clickhouse/parts-kind.js';
import { latestClickHouseProcesses } from '../../../../server/src/storage/telemetry/kinds/clickhouse/processes-kind.js';
import { latestClickHouseReplicas, latestReplicationQueue, replicationLagSeries } from '../../../../server/src/storage/telemetry/kinds/clickhouse/replication-kind.js';
import { clickHouseServerTotals, latestClickHouseServer } from '../../../../server/src/storage/telemetry/kinds/clickhouse/server-kind.js';
import type { KindContext } from '../../../../server/src/storage/telemetry/record-kind.js';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';
import { TELEMETRY_BACKENDS } from '../../../helpers/backends.js';
import { clickHouseRecords, emptySnapshots, storeRecords, MINUTE } from './clickhouse-batches.js';

const END = Date.parse('2026-11-01T12:00:30Z');
const MIB = 2 ** 20;
const GIB = 2 ** 30;
const db = { orgId: 'org', databaseId: 'db' };

for (const backend of TELEMETRY_BACKENDS) {
  describe(`ClickHouse snapshot kinds contract: ${backend.name}`, () => {
    let store: TelemetryStore;
    let ctx: KindContext;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();

    before(async () => {
      ({ store, dispose } = await open());
      ctx = store.kindContext();
      // An older collection, then the one the reads should see.
      await storeRecords(store, clickHouseRecords(END - 10 * MINUTE), { window_end: END - 10 * MINUTE, batch_id: 'b0' });
      await storeRecords(store, clickHouseRecords(END), { window_end: END });
      // A replayed batch (stored twice after a failed ack) must not double any snapshot item.
      await storeRecords(store, clickHouseRecords(END), { window_end: END });
      // An idle server: every snapshot empty, newer than a busy one.
      await storeRecords(store, clickHouseRecords(END), { window_end: END, database_id: 'idle' });
      await storeRecords(store, emptySnapshots(END + MINUTE), { window_end: END + MINUTE, database_id: 'idle' });
    });
    after(async () => {
      await dispose?.();
    });

    it('reads the newest parts snapshot, most crowded table first', async () => {
      const parts = await latestClickHouseParts(ctx, { ...db, limit: 100, order: 'parts' });
      expect(parts).to.include({ ts: END, has_detached: true, tables_total: 2, max_parts_in_partition: 8 });
      expect(parts!.tables.map((t) => [t.table, t.active_parts, t.max_parts_in_partition])).to.deep.equal([
        ['events', 12, 8],
        ['users', 1, 1],
      ]);
      const bySize = await latestClickHouseParts(ctx, { ...db, limit: 1, order: 'compressed_bytes' });
      expect(bySize!.tables.map((t) => t.table)).to.deep.equal(['users']);
      expect(bySize!.tables_total).to.equal(2);
    });

    it('reads partitions of chosen tables, fullest first', async () => {
      const partitions = await clickHousePartitions(ctx, { ...db, ts: END, tables: [{ database: 'analytics', table: 'events' }], perTable: 10 });
      expect(partitions.get(tableKey('analytics', 'events'))!.map((p) => [p.partition_id, p.active_parts])).to.deep.equal([
        ['202610', 8],
        ['202611', 4],
      ]);
      expect(partitions.has(tableKey('analytics', 'users'))).to.equal(false);
      const one = await clickHousePartitions(ctx, { ...db, ts: END, tables: [{ database: 'analytics', table: 'events' }], perTable: 1 });
      expect(one.get(tableKey('analytics', 'events'))).to.have.length(1);
    });

    it('counts detached and broken parts per table', async () => {
      const detached = await latestDetachedParts(ctx, { ...db, limit: 50 });
      expect(detached!.has_detached).to.equal(true);
      expect(detached!.tables).to.deep.equal([
        { database: 'analytics', table: 'events', detached_parts: 3, broken_parts: 2, reasons: [{ reason: 'broken', parts: 2 }, { reason: '', parts: 1 }] },
        { database: 'analytics', table: 'users', detached_parts: 1, broken_parts: 0, reasons: [{ reason: 'unexpected', parts: 1 }] },
      ]);
    });

    it('classes partitions by average part size', async () => {
      const classes = await partSizeClasses(ctx, { ...db, ts: END });
      expect(classes.map((c) => [c.label, c.partitions, c.parts])).to.deep.equal([
        ['<1MiB', 1, 8],
        ['1MiB-16MiB', 0, 0],
        ['16MiB-128MiB', 1, 4],
        ['128MiB-1GiB', 0, 0],
        ['>=1GiB', 1, 1],
      ]);
    });

    it('lists running merges with an estimate of the time left', async () => {
      const merges = await latestClickHouseMerges(ctx, { ...db, limit: 10 });
      expect(merges!.ts).to.equal(END);
      expect(merges!.merges_total).to.equal(2);
      expect(merges!.merges.map((m) => [m.result_part_name, m.estimated_remaining_s, m.is_mutation])).to.deep.equal([
        ['202611_1_6_1', 90, false],
        ['202610_1_9_2_10', null, true],
      ]);
    });

    it('buckets merge activity, null where no snapshot fell', async () => {
      const series = await clickHouseMergesSeries(ctx, { ...db, since: END - 15 * MINUTE, until: END + MINUTE, bucketMs: 5 * MINUTE });
      expect(series.map((p) => p.active_merges)).to.deep.equal([null, 2, null, 2]);
      expect(series[1]).to.include({ mutation_merges: 1, bytes_merging: 42 * MIB });
      expect(series[3]).to.include({ bytes_merging: 42 * MIB });
      const idle = await clickHouseMergesSeries(ctx, { orgId: 'org', databaseId: 'idle', since: END, until: END + 2 * MINUTE, bucketMs: MINUTE });
      expect(idle.map((p) => p.active_merges)).to.deep.equal([2, 0, null]);
    });

    it('lists unfinished mutations, oldest first, and which are stuck', async () => {
      const mutations = await latestClickHouseMutations(ctx, { ...db, limit: 10 });
      expect(mutations).to.include({ mutations_total: 2, stuck_total: 2 });
      expect(mutations!.mutations.map((m) => [m.mutation_id, m.is_stuck, m.latest_fail_time])).to.deep.equal([
        ['mutation_10.txt', true, null],
        ['mutation_3.txt', true, END - 30_000],
      ]);
    });

    it('reads replicas, the replication queue and lag over time', async () => {
      const replicas = await latestClickHouseReplicas(ctx, { ...db, limit: 10 });
      expect(replicas!.replicas.map((r) => [r.table, r.absolute_delay_s, r.is_readonly, r.queue_oldest_time])).to.deep.equal([
        ['events', 5, false, END - 10_000],
        ['users', 0, true, null],
      ]);
      const queue = await latestReplicationQueue(ctx, { ...db, limit: 10 });
      expect(queue!.groups.map((g) => [g.type, g.entries, g.last_exception_time])).to.deep.equal([
        ['GET_PART', 2, END - 2000],
        ['MERGE_PARTS', 1, null],
      ]);
      const lag = await replicationLagSeries(ctx, { ...db, since: END - 15 * MINUTE, until: END + MINUTE, bucketMs: 5 * MINUTE, limit: 1 });
      expect(lag.tables_total).to.equal(2);
      expect(lag.tables.map((t) => [t.table, t.max_delay_s])).to.deep.equal([['events', 5]]);
      expect(lag.tables[0]!.points.map((p) => p.absolute_delay_s)).to.deep.equal([null, 5, null, 5]);
    });

    it('reads disks with usage', async () => {
      const disks = await latestClickHouseDisks(ctx, { ...db, limit: 100 });
      expect(disks!.disks.map((d) => [d.name, d.used_bytes, d.usage_pct])).to.deep.equal([
        ['cold', 100 * GIB, 10],
        ['default', 60 * GIB, 60],
      ]);
    });

    it('reads running queries, longest first', async () => {
      const processes = await latestClickHouseProcesses(ctx, { ...db, limit: 1 });
      expect(processes).to.deep.equal({
        ts: END,
        queries: [{ query_id: 'q-long', user: 'etl', elapsed_ms: 12_500, query_text: 'INSERT INTO events SELECT * FROM staging', read_rows: 1_000_000, read_bytes: 80_000_000, memory_bytes: 64 * MIB }],
      });
    });

    it('reads the newest server reading and sums counters over a range', async () => {
      expect(await latestClickHouseServer(ctx, db)).to.include({ ts: END, uptime_s: 86_400, tcp_connections: 3, memory_resident_bytes: 900 * MIB });
      const totals = await clickHouseServerTotals(ctx, { ...db, since: END - 15 * MINUTE, until: END + MINUTE });
      // Three readings: the older collection and the replayed one count too (a replay is deduped before the store).
      expect(totals).to.include({ readings: 3, queries: 3 * 48, delayed_inserts: 3 });
    });

    it('counts error events per bucket and per error', async () => {
      const panel = await clickHouseErrorsPanel(ctx, { ...db, since: END - 15 * MINUTE, until: END + MINUTE, bucketMs: 5 * MINUTE, limit: 1 });
      expect(panel.total).to.equal(12);
      expect(panel.series.map((p) => p.count)).to.deep.equal([0, 4, 0, 8]);
      expect(panel.errors).to.deep.equal([
        { code: 60, name: 'UNKNOWN_TABLE', remote: false, count: 9, last_error_time: END - 5000, last_error_message: "Table analytics.missing_table doesn't exist" },
      ]);
    });

    it('tells an empty snapshot from no snapshot at all', async () => {
      const idle = { orgId: 'org', databaseId: 'idle' };
      expect(await latestClickHouseParts(ctx, { ...idle, limit: 10, order: 'parts' })).to.deep.equal({ ts: END + MINUTE, has_detached: false, tables_total: 0, max_parts_in_partition: 0, tables: [] });
      expect(await latestClickHouseMerges(ctx, { ...idle, limit: 10 })).to.deep.equal({ ts: END + MINUTE, merges_total: 0, merges: [] });
      expect(await latestClickHouseMutations(ctx, { ...idle, limit: 10 })).to.deep.include({ mutations: [] });
      expect(await latestClickHouseReplicas(ctx, { ...idle, limit: 10 })).to.deep.include({ replicas: [] });
      expect(await latestReplicationQueue(ctx, { ...idle, limit: 10 })).to.deep.include({ groups: [] });
      expect(await latestClickHouseDisks(ctx, { ...idle, limit: 10 })).to.deep.include({ disks: [] });
      expect(await latestClickHouseProcesses(ctx, { ...idle, limit: 10 })).to.deep.equal({ ts: END + MINUTE, queries: [] });

      const none = { orgId: 'org', databaseId: 'never' };
      expect(await latestClickHouseParts(ctx, { ...none, limit: 10, order: 'parts' })).to.equal(null);
      expect(await latestDetachedParts(ctx, { ...none, limit: 10 })).to.equal(null);
      expect(await latestClickHouseMerges(ctx, { ...none, limit: 10 })).to.equal(null);
      expect(await latestClickHouseProcesses(ctx, { ...none, limit: 10 })).to.equal(null);
      expect(await latestClickHouseServer(ctx, none)).to.equal(null);
      expect((await replicationLagSeries(ctx, { ...none, since: END - MINUTE, until: END, bucketMs: MINUTE, limit: 10 })).tables).to.deep.equal([]);
    });
  });
}
