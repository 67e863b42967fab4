import { expect } from 'chai';
import type { vigil } from '@vigil/proto';
import { listTables, objectsKind } from '../../../server/src/storage/telemetry/kinds/postgres/objects-kind.js';
import { latestDatabaseStats, latestWal, serverKind, walSeries } from '../../../server/src/storage/telemetry/kinds/postgres/server-kind.js';
import { telemetryReads, type LatestMany } from '../../../server/src/storage/telemetry/reads/telemetry-reads.js';
import type { TelemetryStore } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { TELEMETRY_BACKENDS } from '../../helpers/backends.js';
import { identityOf, store, T0 } from './kinds/postgres-kind-helpers.js';

const HOUR = 3600_000;

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
