import { expect } from 'chai';
import type { vigil } from '@vigil/proto';
import { healthScoresKind } from '../../../server/src/storage/telemetry/kinds/health-scores-kind.js';
import { listTables, objectsKind } from '../../../server/src/storage/telemetry/kinds/postgres/objects-kind.js';
import { latestDatabaseStats, latestWal, serverKind, walSeries } from '../../../server/src/storage/telemetry/kinds/postgres/server-kind.js';
import { telemetryReads, type LatestMany } from '../../../server/src/storage/telemetry/reads/telemetry-reads.js';
import type { TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { RECORD_KINDS } from '../../../server/src/storage/telemetry/kinds/index.js';
import { AT_MANY, LATEST_MANY_READERS } from '../../../server/src/storage/telemetry/reads/kind-readers.js';
import type { LatestKind } from '../../../server/src/storage/telemetry/reads/telemetry-reads.js';
import { TELEMETRY_BACKENDS } from '../../helpers/backends.js';
import { clickHouseRecords } from './kinds/clickhouse-batches.js';
import { identityOf, store, T0 } from './kinds/postgres-kind-helpers.js';

const HOUR = 3600_000;

/** A PostgreSQL agent's batch of every kind an evaluation reads; `n` varies its figures so databases differ. */
function postgresBatch(ts: number, n: number): vigil.v1.IBatch {
  return {
    pgActivity: [{ tsMs: ts, sessions: Array.from({ length: 3 + n }, (_, j) => ({ pid: 100 + j, datname: 'app', state: j === 0 ? 'idle in transaction' : 'active', queryDurationMs: 10 * j + n, blockingPids: j === 1 ? [100] : [] })) }],
    pgLocks: [{ tsMs: ts, locks: Array.from({ length: 2 + n }, (_, j) => ({ pid: 100 + j, locktype: 'relation', mode: 'AccessShareLock', granted: j !== 1, relation: `public.t${j}` })) }],
    pgServer: [{ tsMs: ts, windowStartMs: ts - 60_000, connections: 5 + n, maxConnections: 100, databases: [{ datname: 'app', numbackends: n, hasDeltas: true, blksHit: 900, blksRead: 10 * n }], checkpointer: { checkpointsTimed: 1, checkpointsRequested: n }, settings: [{ name: 'max_connections', setting: String(100 + n) }] }],
    pgReplication: [{ tsMs: ts, standbys: [{ pid: 200 + n, applicationName: 'r', state: 'streaming', replayLagBytes: n }], slots: [{ slotName: `s${n}`, slotType: 'physical', active: n % 2 === 0 }] }],
    pgDatabaseObjects: [
      {
        datname: 'app',
        tsMs: ts,
        windowStartMs: ts - 60_000,
        tables: Array.from({ length: 2 + n }, (_, j) => ({ relid: 10 + j, schema: 'public', name: `t${j}`, nLiveTup: 100, nDeadTup: 10 * j + n, hasDeltas: true })),
        indexes: [{ indexrelid: 50, relid: 10, schema: 'public', table: 't0', name: `t0_idx${n}`, valid: n % 2 === 0, definition: 'CREATE INDEX t0_idx ON public.t0 (a)' }],
        sequences: [{ schema: 'public', name: `seq${n}`, dataType: 'integer', lastValue: 10 * n, maxValue: 2_147_483_647, usedFraction: n / 100 }],
      },
    ],
  };
}

async function storeBatch(telemetry: TelemetryStore, batch: vigil.v1.IBatch, databaseId: string, ts: number): Promise<void> {
  const identity = { org_id: 'org', database_id: databaseId, batch_id: `many-${databaseId}`, window_start: ts - 60_000, window_end: ts };
  for (const kind of RECORD_KINDS) {
    const rows = kind.fromBatch(batch, identity);
    if (rows.length > 0) await telemetry.insertRecords(kind, rows);
  }
}

function serverSnapshot(ts: number, walBytes: number): vigil.v1.IPgServerSnapshot {
  return {
    tsMs: ts,
    windowStartMs: ts - 60_000,
    connections: 7,
    maxConnections: 100,
    databases: [{ datname: 'app', sizeBytes: 1000, numbackends: 2, hasDeltas: true, blksHit: 90, blksRead: 10 }],
    wal: { walRecords: 10, walBytes },
  };
}

for (const backend of TELEMETRY_BACKENDS) {
  describe(`telemetry reads: ${backend.name}`, () => {
    let telemetry: TelemetryStore;
    let dispose: (() => Promise<void>) | undefined;
    const open = backend.setup();
    const a = { org_id: 'org', id: 'db' };
    const b = { org_id: 'org', id: 'db2' };
    const stranger = { org_id: 'other-org', id: 'db' };

    before(async () => {
      ({ store: telemetry, dispose } = await open());
      await store(telemetry, serverKind, { pgServer: [serverSnapshot(T0 - 60_000, 4000), serverSnapshot(T0, 6000)] }, identityOf('s1'));
      await store(telemetry, serverKind, { pgServer: [serverSnapshot(T0, 9000)] }, identityOf('s2', 'org', 'db2'));
      await store(
        telemetry,
        objectsKind,
        { pgDatabaseObjects: [{ datname: 'app', tsMs: T0, tables: [{ relid: 1, schema: 'public', name: 'orders', hasSizes: true, totalBytes: 10, tableBytes: 8, indexesBytes: 2, nLiveTup: 90, nDeadTup: 10 }] }] },
        identityOf('o1'),
      );
    });
    after(async () => {
      await dispose?.();
    });

    it('latest, series and over answer what the kind module answers, scoped by organization and database', async () => {
      const ctx = telemetry.kindContext();
      const reads = telemetryReads(telemetry);
      const ref = { orgId: 'org', databaseId: 'db' };
      const range = { since: T0 - HOUR, until: T0 + 1 };
      expect(await reads.latest('pg_wal', a)).to.deep.equal(await latestWal(ctx, ref));
      expect((await reads.latest('pg_wal', a))!.wal_bytes).to.equal(6000);
      expect(await reads.latest('pg_database_stats', a)).to.deep.equal(await latestDatabaseStats(ctx, ref));
      expect(await reads.series('pg_wal', a, range, 60_000)).to.deep.equal(await walSeries(ctx, { ...ref, ...range, bucketMs: 60_000 }));
      expect(await reads.over('pg_tables', a, range, { sortBy: 'size', limit: 10 })).to.deep.equal(await listTables(ctx, { ...ref, ...range, sortBy: 'size', limit: 10 }));
      expect(await reads.latest('pg_wal', stranger)).to.equal(null);
      expect(await reads.latest('pg_activity', a)).to.equal(null);
    });

    it('snapshot reads the newest of every kind asked for; snapshots does so for many databases', async () => {
      const reads = telemetryReads(telemetry);
      const one = await reads.snapshot(a, ['pg_wal', 'pg_activity', 'clickhouse_mutations_by_database']);
      expect(one.pg_wal!.wal_bytes).to.equal(6000);
      expect(one.pg_activity).to.equal(null);
      expect(one.clickhouse_mutations_by_database).to.deep.equal([]);

      const many = await reads.snapshots([a, b, { org_id: 'org', id: 'silent' }], ['pg_wal', 'pg_activity']);
      expect([...many.keys()]).to.deep.equal(['db', 'db2', 'silent']);
      expect(many.get('db')!.pg_wal!.wal_bytes).to.equal(6000);
      expect(many.get('db2')!.pg_wal!.wal_bytes).to.equal(9000);
      expect(many.get('silent')).to.deep.equal({ pg_wal: null, pg_activity: null });
    });

    it('every batch read answers for each database what it answers for that database alone, and nothing for a database without data', async () => {
      const now = T0 + 10 * 60_000;
      const pg = [{ org_id: 'org', id: 'many-p1' }, { org_id: 'org', id: 'many-p2' }];
      const ch = [{ org_id: 'org', id: 'many-c1' }, { org_id: 'org', id: 'many-c2' }];
      const silent = { org_id: 'org', id: 'many-silent' };
      await storeBatch(telemetry, postgresBatch(now - 5000, 1), 'many-p1', now - 5000);
      await storeBatch(telemetry, postgresBatch(now - 4000, 2), 'many-p2', now - 4000);
      await storeBatch(telemetry, clickHouseRecords(now - 5000), 'many-c1', now - 5000);
      await storeBatch(telemetry, clickHouseRecords(now - 3000), 'many-c2', now - 3000);
      const reads = telemetryReads(telemetry);
      const all = [...pg, ...ch, silent];
      const kinds = Object.keys(LATEST_MANY_READERS) as LatestKind[];
      const many = await reads.snapshots(all, kinds);
      for (const db of all) {
        const alone = await reads.snapshots([db], kinds);
        for (const kind of kinds) expect(many.get(db.id)![kind], `${kind} of ${db.id}`).to.deep.equal(alone.get(db.id)![kind]);
      }
      expect(many.get('many-p1')!.pg_activity!.sessions.length).to.equal(4);
      expect(many.get('many-p2')!.pg_activity!.sessions.length).to.equal(5);
      expect(many.get('many-c2')!.clickhouse_server!.ts).to.equal(now - 3000);
      expect(Object.values(many.get(silent.id)!).every((v) => v === null)).to.equal(true);

      const hour = { since: now - HOUR, until: now + 1 };
      const alone = async <T>(read: (dbs: typeof all) => Promise<ReadonlyMap<string, T>>): Promise<void> => {
        const batch = await read(all);
        for (const db of all) expect(batch.get(db.id), db.id).to.deep.equal((await read([db])).get(db.id));
      };
      await alone((dbs) => reads.overMany('pg_tables', dbs, hour, { sortBy: 'dead_tuples', limit: 2 }));
      await alone((dbs) => reads.overMany('pg_indexes', dbs, hour, { sortBy: 'size', limit: 10, invalid: true }));
      await alone((dbs) => reads.overMany('pg_sequences', dbs, hour, { limit: 10 }));
      await alone((dbs) => reads.seriesMany('pg_checkpointer', dbs, hour, HOUR));
      await alone((dbs) => reads.overMany('clickhouse_server_totals', dbs, hour));
      await alone((dbs) => reads.overMany('clickhouse_queries', dbs, hour, { limit: 5, sortBy: 'total_time' }));
      // Stored health scores (the org overview's latest score and 24 h sparkline): two in one 30 min bucket of many-p1, one of many-c1.
      const score = (database_id: string, ts: number, value: number) => ({ org_id: 'org', database_id, ts, score: value, uncapped_score: value, grade: 'B', components: '{}', metrics: '{}' });
      await telemetry.insertRecords(healthScoresKind, [score('many-p1', now - 50 * 60_000, 80), score('many-p1', now - 49 * 60_000, 84), score('many-p1', now - 5 * 60_000, 90), score('many-c1', now - 10 * 60_000, 70)]);
      const HALF_HOUR = 30 * 60_000;
      await alone((dbs) => reads.seriesMany('health_scores', dbs, hour, HALF_HOUR));
      await alone((dbs) => reads.overMany('health_score', dbs, hour));
      const sparks = await reads.seriesMany('health_scores', all, hour, HALF_HOUR);
      expect(sparks.get('many-p1')).to.deep.equal(await reads.series('health_scores', pg[0]!, hour, HALF_HOUR));
      expect(sparks.get('many-p1')!.map((p) => p.evaluations).reduce((x, y) => x + y)).to.equal(3);
      expect(sparks.get('many-c1')!.map((p) => p.score)).to.deep.equal([70]);
      expect(sparks.has('many-p2')).to.equal(false);
      expect((await reads.overMany('health_score', all, hour)).get('many-p1')!.score).to.equal(90);
      expect((await reads.overMany('pg_tables', pg, hour, { sortBy: 'dead_tuples', limit: 2 })).get('many-p2')!.map((t) => t.n_dead_tup)).to.deep.equal([32, 22]);
      expect((await reads.overMany('pg_indexes', pg, hour, { sortBy: 'size', limit: 10, invalid: true })).has('many-p2')).to.equal(false);
      // The same single-database reads the kind contracts cover: a batch read with one database is the single read.
      const ctx = telemetry.kindContext();
      expect((await reads.overMany('pg_tables', [pg[0]!], hour, { sortBy: 'size', limit: 10 })).get('many-p1')).to.deep.equal(await listTables(ctx, { orgId: 'org', databaseId: 'many-p1', ...hour, sortBy: 'size', limit: 10 }));
      const ats = ch.map((db) => {
        const parts = many.get(db.id)!.clickhouse_parts!;
        return { ...db, ts: parts.ts, tables: parts.tables.slice(0, 3) };
      });
      const partitions = await reads.atMany('clickhouse_partitions', ats, { perTable: 2 });
      for (const at of ats) {
        const own = await AT_MANY.clickhouse_partitions(ctx, [{ orgId: 'org', databaseId: at.id, ts: at.ts, tables: at.tables }], { perTable: 2 });
        expect(partitions.get(at.id)).to.deep.equal(own.get(at.id));
      }
    });

    it('snapshots uses a kind\'s batch form, one call for all databases, where it has one', async () => {
      const calls: string[][] = [];
      const walOfMany: LatestMany<'pg_wal'> = async (ctx, dbs) => {
        calls.push(dbs.map((d) => d.databaseId));
        return new Map((await Promise.all(dbs.map(async (d) => [d.databaseId, await latestWal(ctx, d)] as const))).filter(([, w]) => w !== null));
      };
      const reads = telemetryReads(telemetry, { pg_wal: walOfMany });
      const many = await reads.snapshots([a, b, { org_id: 'org', id: 'silent' }], ['pg_wal']);
      expect(calls).to.deep.equal([['db', 'db2', 'silent']]);
      expect(many.get('db2')!.pg_wal!.wal_bytes).to.equal(9000);
      expect(many.get('silent')!.pg_wal).to.equal(null);
    });
  });
}
