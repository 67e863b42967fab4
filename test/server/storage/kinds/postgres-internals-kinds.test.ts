import { expect } from 'chai';
import type { vigil } from '@vigil/proto';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';
import { findIndexes, findTables, indexHistory, latestSequences, listIndexes, listTables, objectsKind, tableHistory } from '../../../../server/src/storage/telemetry/kinds/postgres/objects-kind.js';
import { lagHistory, latestReplication, replicationKind, slotHistory } from '../../../../server/src/storage/telemetry/kinds/postgres/replication-kind.js';
import {
  checkpointerSeries,
  ioSeries,
  latestDatabaseStats,
  latestIo,
  latestSettings,
  latestWal,
  serverKind,
  walSeries,
} from '../../../../server/src/storage/telemetry/kinds/postgres/server-kind.js';
import { TELEMETRY_BACKENDS } from '../../../helpers/backends.js';
import { identityOf, refusal, store, T0 } from './postgres-kind-helpers.js';

const MB = 1024 * 1024;
const HOUR = 3600_000;

function table(name: string, overrides: Partial<vigil.v1.IPgTableStat> = {}): vigil.v1.IPgTableStat {
  return { relid: name.length, schema: 'public', name, hasSizes: true, totalBytes: 10 * MB, tableBytes: 8 * MB, indexesBytes: 2 * MB, nLiveTup: 1000, nDeadTup: 10, ...overrides };
}

function index(name: string, overrides: Partial<vigil.v1.IPgIndexStat> = {}): vigil.v1.IPgIndexStat {
  return { indexrelid: 100 + [...name].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 0) % 100_000, relid: 1, schema: 'public', table: 'orders', name, hasSize: true, sizeBytes: 2 * MB, valid: true, definition: `CREATE INDEX ${name} ON public.orders USING btree (x)`, ...overrides };
}

for (const backend of TELEMETRY_BACKENDS) {
  describe(`PostgreSQL object and server record kinds: ${backend.name}`, () => {
    let telemetry: TelemetryStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    before(async () => {
      ({ store: telemetry, dispose } = await open());
    });
    after(async () => {
      await dispose?.();
    });
    const ctx = () => telemetry.kindContext();
    const db = { orgId: 'org', databaseId: 'db' };
    const day = { ...db, since: T0 - HOUR, until: T0 + HOUR };

    describe('tables, indexes and sequences', () => {
      before(async () => {
        // First reading: no deltas yet. Second and third: deltas; "gone" is dropped before the third.
        await store(
          telemetry,
          objectsKind,
          {
            pgDatabaseObjects: [
              {
                datname: 'app',
                tsMs: T0 - 600_000,
                tables: [table('orders'), table('gone')],
                indexes: [index('orders_idle'), index('orders_pkey', { primary: true, unique: true })],
              },
            ],
          },
          identityOf('o1'),
        );
        await store(
          telemetry,
          objectsKind,
          {
            pgDatabaseObjects: [
              {
                datname: 'app',
                tsMs: T0 - 300_000,
                windowStartMs: T0 - 600_000,
                tables: [table('orders', { hasDeltas: true, seqScan: 3, nTupIns: 50 }), table('gone', { hasDeltas: true, seqScan: 1000 })],
                indexes: [index('orders_idle', { hasDeltas: true }), index('orders_pkey', { primary: true, unique: true, hasDeltas: true, idxScan: 9 })],
              },
            ],
          },
          identityOf('o2'),
        );
        await store(
          telemetry,
          objectsKind,
          {
            pgDatabaseObjects: [
              {
                datname: 'app',
                tsMs: T0,
                windowStartMs: T0 - 300_000,
                tables: [
                  // Sizes unknown this time (an exclusive lock): the last known ones stand.
                  table('orders', { hasSizes: false, nLiveTup: 1040, nDeadTup: 30, hasDeltas: true, seqScan: 2, idxScan: 7, nTupIns: 40, lastAutovacuumMs: T0 - 1000 }),
                  table('small', { totalBytes: MB, tableBytes: MB, indexesBytes: 0, nLiveTup: 5000, nDeadTup: 500, hasDeltas: true, seqScan: 100 }),
                ],
                indexes: [
                  index('orders_idle', { hasDeltas: true }),
                  index('orders_pkey', { primary: true, unique: true, hasDeltas: true, idxScan: 1 }),
                  index('orders_tiny', { sizeBytes: 8192, hasDeltas: true }),
                  index('orders_used', { sizeBytes: 3 * MB, hasDeltas: true, idxScan: 4, idxTupRead: 40 }),
                ],
                sequences: [
                  { schema: 'public', name: 'orders_id_seq', dataType: 'bigint', lastValue: 10, minValue: 1, maxValue: 2147483647, incrementBy: 1, ownedBy: 'public.orders.id', columnType: 'integer', usedFraction: 0.6 },
                ],
              },
              { datname: 'other', tsMs: T0, tables: [table('orders', { totalBytes: 5 })] },
            ],
          },
          identityOf('o3'),
          true,
        );
      });

      it('lists current tables with the latest gauges and counters summed over the range, each once', async () => {
        const bySize = await listTables(ctx(), { ...day, sortBy: 'size', limit: 50 });
        expect(bySize.map((t) => `${t.datname}.${t.table_name}`)).to.deep.equal(['app.orders', 'app.small', 'other.orders']);
        const orders = bySize[0]!;
        expect(orders).to.include({ schema_name: 'public', ts: T0, n_live_tup: 1040, n_dead_tup: 30, total_bytes: 10 * MB, indexes_bytes: 2 * MB, size_known: true, seq_scan: 5, idx_scan: 7, n_tup_ins: 90, last_autovacuum_ms: T0 - 1000, last_vacuum_ms: 0 });
        expect(bySize[2]).to.include({ datname: 'other', seq_scan: null, n_tup_ins: null });
        expect((await listTables(ctx(), { ...day, sortBy: 'dead_tuples', limit: 50 })).map((t) => t.table_name)[0]).to.equal('small');
        expect((await listTables(ctx(), { ...day, sortBy: 'seq_scans', limit: 1 })).map((t) => t.table_name)).to.deep.equal(['small']);
        expect((await listTables(ctx(), { ...day, sortBy: 'index_size', limit: 50 }))[0]!.table_name).to.equal('orders');
        expect(await listTables(ctx(), { ...day, orgId: 'org2', sortBy: 'size', limit: 50 })).to.deep.equal([]);
      });

      it('finds a table per database and its bucketed history', async () => {
        expect((await findTables(ctx(), day, { schema: 'public', name: 'orders' })).map((t) => t.datname)).to.deep.equal(['app', 'other']);
        const [orders] = await findTables(ctx(), day, { schema: 'public', name: 'orders', datname: 'app' });
        expect(orders).to.include({ seq_scan: 5 });
        const points = await tableHistory(ctx(), { ...day, bucketMs: 300_000 }, { schema: 'public', name: 'orders', datname: 'app' });
        expect(points.map((p) => [p.ts, p.seq_scan, p.n_live_tup, p.total_bytes])).to.deep.equal([
          [T0 - 600_000, null, 1000, 10 * MB],
          [T0 - 300_000, 3, 1000, 10 * MB],
          [T0, 2, 1040, null],
        ]);
        expect(await findTables(ctx(), day, { schema: 'public', name: 'nope' })).to.deep.equal([]);
      });

      it('lists indexes and the unused ones: no scans with deltas in range, not primary or unique, over 1 MB', async () => {
        const bySize = await listIndexes(ctx(), { ...day, sortBy: 'size', limit: 50 });
        expect(bySize.map((i) => i.index_name)).to.deep.equal(['orders_used', 'orders_idle', 'orders_pkey', 'orders_tiny']);
        expect(bySize[2]).to.include({ is_primary: true, is_unique: true, idx_scan: 10, table_name: 'orders', is_valid: true });
        expect((await listIndexes(ctx(), { ...day, sortBy: 'scans', limit: 1 }))[0]!.index_name).to.equal('orders_pkey');
        expect((await listIndexes(ctx(), { ...day, sortBy: 'tuples_read', limit: 1 }))[0]!.index_name).to.equal('orders_used');
        const unused = await listIndexes(ctx(), { ...day, sortBy: 'size', limit: 50, unused: { minBytes: MB } });
        expect(unused.map((i) => i.index_name)).to.deep.equal(['orders_idle']);
        // Over a range holding only the first reading nothing is known about scans: nothing is called unused.
        expect(await listIndexes(ctx(), { ...db, since: T0 - 700_000, until: T0 - 500_000, sortBy: 'size', limit: 50, unused: { minBytes: MB } })).to.deep.equal([]);
        const [idle] = await findIndexes(ctx(), day, { schema: 'public', name: 'orders_idle' });
        expect(idle).to.include({ datname: 'app', idx_scan: 0, size_bytes: 2 * MB });
        const points = await indexHistory(ctx(), { ...day, bucketMs: 600_000 }, { schema: 'public', name: 'orders_pkey', datname: 'app' });
        expect(points.map((p) => [p.ts, p.idx_scan])).to.deep.equal([
          [T0 - 600_000, 9],
          [T0, 1],
        ]);
      });

      it('keeps sequences from the latest reading', async () => {
        const sequences = await latestSequences(ctx(), { ...day, limit: 10 });
        expect(sequences).to.have.length(1);
        expect(sequences[0]).to.include({ datname: 'app', sequence_name: 'orders_id_seq', used_fraction: 0.6, column_type: 'integer', max_value: 2147483647 });
      });

      it('refuses a bad table naming the field', () => {
        expect(refusal(objectsKind, { pgDatabaseObjects: [{ datname: 'a', tsMs: T0, tables: [table('x', { hasDeltas: true, seqScan: 2 ** 60 })] }] })).to.match(
          /^pg_database_objects\[0\]\.tables\[0\]\.seq_scan/,
        );
      });
    });

    describe('replication', () => {
      before(async () => {
        const snapshot = (ts: number, lag: number): vigil.v1.IPgReplicationSnapshot => ({
          tsMs: ts,
          standbys: [
            { pid: 501, applicationName: 'replica-b', state: 'streaming', syncState: 'async', replayLagBytes: lag, replayLagMs: lag / 10 },
            { pid: 500, applicationName: 'replica-a', state: 'streaming', syncState: 'async', replayLagBytes: lag / 2, replayLagMs: 1 },
          ],
          slots: [{ slotName: 'replica_a', slotType: 'physical', active: true, activePid: 500, retainedBytes: lag * 2, walStatus: 'reserved' }],
        });
        await store(telemetry, replicationKind, { pgReplication: [snapshot(T0 - 120_000, 1000), snapshot(T0 - 60_000, 3000), snapshot(T0, 2000)] }, identityOf('r1'), true);
        await store(
          telemetry,
          replicationKind,
          { pgReplication: [{ tsMs: T0, inRecovery: true, upstreamHost: 'primary.internal', upstreamPort: 5432, receiverStatus: 'streaming', receiveLagBytes: 100, replayLagBytes: 50, replayLagMs: 2500 }] },
          identityOf('r2', 'org', 'standby'),
        );
      });

      it('reads the latest status with standbys and slots in order', async () => {
        const status = await latestReplication(ctx(), { ...db, limit: 100 });
        expect(status).to.include({ ts: T0, in_recovery: false });
        expect(status!.standbys.map((s) => s.application_name)).to.deep.equal(['replica-a', 'replica-b']);
        expect(status!.slots).to.have.length(1);
        expect(status!.slots[0]).to.include({ slot_name: 'replica_a', active: true, retained_bytes: 4000, wal_status: 'reserved' });
        const standby = await latestReplication(ctx(), { orgId: 'org', databaseId: 'standby', limit: 100 });
        expect(standby).to.include({ in_recovery: true, upstream_host: 'primary.internal', receive_lag_bytes: 100, replay_lag_ms: 2500 });
        expect(await latestReplication(ctx(), { orgId: 'org', databaseId: 'none', limit: 100 })).to.equal(null);
      });

      it('gives lag and slot history per bucket', async () => {
        const lag = await lagHistory(ctx(), { ...day, bucketMs: 120_000 });
        expect(lag).to.deep.equal([
          { ts: T0 - 120_000, standby_lag_bytes: null, standby_lag_ms: null, primary_lag_bytes: 3000, primary_lag_ms: 300, standbys: 2 },
          { ts: T0, standby_lag_bytes: null, standby_lag_ms: null, primary_lag_bytes: 2000, primary_lag_ms: 200, standbys: 2 },
        ]);
        const standby = await lagHistory(ctx(), { orgId: 'org', databaseId: 'standby', since: T0 - HOUR, until: T0 + HOUR, bucketMs: 60_000 });
        expect(standby).to.deep.equal([{ ts: T0, standby_lag_bytes: 150, standby_lag_ms: 2500, primary_lag_bytes: null, primary_lag_ms: null, standbys: 0 }]);
        const slots = await slotHistory(ctx(), { ...day, bucketMs: 60_000, limit: 2 });
        expect(slots.map((s) => [s.ts, s.slot_name, s.lag_bytes, s.active])).to.deep.equal([
          [T0 - 120_000, 'replica_a', 2000, true],
          [T0 - 60_000, 'replica_a', 6000, true],
        ]);
      });
    });

    describe('server statistics', () => {
      before(async () => {
        const snapshot = (ts: number, overrides: Partial<vigil.v1.IPgServerSnapshot>): vigil.v1.IPgServerSnapshot => ({
          tsMs: ts,
          windowStartMs: ts - 60_000,
          connections: 7,
          maxConnections: 100,
          databases: [
            { datname: 'postgres', sizeBytes: 8 * MB, numbackends: 2, hasDeltas: true, blksHit: 90, blksRead: 10, xactCommit: 5 },
            { datname: 'app', sizeBytes: 80 * MB, numbackends: 5 },
          ],
          ...overrides,
        });
        await store(
          telemetry,
          serverKind,
          {
            pgServer: [
              snapshot(T0 - 120_000, { settings: [{ name: 'shared_buffers', setting: '16384', unit: '8kB', source: 'configuration file' }] }),
              snapshot(T0 - 60_000, {
                checkpointer: { checkpointsTimed: 1, buffersCheckpoint: 40, buffersAlloc: 7, checkpointWriteTimeMs: 12.5 },
                wal: { walRecords: 100, walBytes: 8000, walFpi: 2 },
                io: [{ backendType: 'client backend', object: 'relation', context: 'normal', reads: 12, hits: 300, opBytes: 8192 }],
              }),
              snapshot(T0, {
                checkpointer: { checkpointsRequested: 2, buffersCheckpoint: 10 },
                wal: { walRecords: 50, walBytes: 4000 },
                io: [
                  { backendType: 'client backend', object: 'relation', context: 'normal', reads: 3, hits: 30, opBytes: 8192 },
                  { backendType: 'autovacuum worker', object: 'relation', context: 'vacuum', reads: 1, opBytes: 8192 },
                ],
                settings: [
                  { name: 'work_mem', setting: '4096', unit: 'kB', source: 'default' },
                  { name: 'shared_buffers', setting: '32768', unit: '8kB', source: 'configuration file', pendingRestart: true },
                ],
              }),
            ],
          },
          identityOf('s1'),
          true,
        );
      });

      it('gives checkpointer and WAL series per bucket, each batch once', async () => {
        const range = { ...day, bucketMs: 120_000 };
        const checkpoints = await checkpointerSeries(ctx(), range);
        expect(checkpoints.map((p) => [p.ts, p.checkpoints_timed, p.checkpoints_requested, p.buffers_checkpoint, p.checkpoint_write_time_ms])).to.deep.equal([
          [T0 - 120_000, 1, 0, 40, 12.5],
          [T0, 0, 2, 10, 0],
        ]);
        const wal = await walSeries(ctx(), { ...day, bucketMs: 24 * HOUR });
        expect(wal.map((p) => [p.wal_records, p.wal_bytes, p.wal_fpi])).to.deep.equal([[150, 12000, 2]]);
        expect(await latestWal(ctx(), db)).to.include({ ts: T0, window_start: T0 - 60_000, wal_records: 50, wal_bytes: 4000 });
        expect(await latestWal(ctx(), { ...db, orgId: 'org2' })).to.equal(null);
      });

      it('gives the latest I/O rows and their series', async () => {
        const io = await latestIo(ctx(), db);
        expect(io).to.include({ ts: T0, window_start: T0 - 60_000 });
        expect(io!.rows.map((r) => [r.backend_type, r.reads, r.hits])).to.deep.equal([
          ['autovacuum worker', 1, 0],
          ['client backend', 3, 30],
        ]);
        const series = await ioSeries(ctx(), { ...day, bucketMs: 24 * HOUR, limit: 100 });
        expect(series.map((p) => [p.backend_type, p.reads, p.hits])).to.deep.equal([
          ['autovacuum worker', 1, 0],
          ['client backend', 15, 330],
        ]);
      });

      it('gives database statistics and the settings as last sent', async () => {
        const stats = await latestDatabaseStats(ctx(), db);
        expect(stats!.ts).to.equal(T0);
        expect(stats!.databases.map((d) => [d.datname, d.has_deltas, d.blks_hit, d.size_bytes])).to.deep.equal([
          ['app', false, 0, 80 * MB],
          ['postgres', true, 90, 8 * MB],
        ]);
        const settings = await latestSettings(ctx(), db);
        expect(settings!.settings).to.deep.equal([
          { name: 'shared_buffers', setting: '32768', unit: '8kB', source: 'configuration file', pending_restart: true },
          { name: 'work_mem', setting: '4096', unit: 'kB', source: 'default', pending_restart: false },
        ]);
      });

      it('refuses bad counters naming the field', () => {
        expect(refusal(serverKind, { pgServer: [{ tsMs: T0, wal: { walWriteTimeMs: -1 } }] })).to.match(/^pg_server\[0\]\.wal\.wal_write_time_ms/);
      });
    });
  });
}
