import type { vigil } from '@vigil/proto';
import { sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext, RecordKind } from '../../record-kind.js';
import {
  createTable,
  decodeRow,
  detailColumns,
  identity,
  IDENTITY_COLUMNS,
  insertTableRows,
  int32List,
  latestSnapshot,
  list,
  nonNegative,
  scope,
  selectList,
  snapshotIs,
  snapshotTime,
  text,
  type DatabaseScope,
  type PgTable,
  type TableRow,
} from './pg-kind-support.js';

/**
 * pg_locks snapshots (Batch.pg_locks): the waiting locks and their holders one row each, and a
 * marker row per snapshot with the counts of every lock by type, mode and grant.
 */

const SNAPSHOTS: PgTable = {
  name: 'pg_lock_snapshots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['locks_listed', 'uint32'],
    ['locks_omitted', 'uint32'],
    ['count_locktype', 'string_array'],
    ['count_mode', 'string_array'],
    ['count_granted', 'uint8_array'],
    ['count_locks', 'uint32_array'],
  ],
  orderBy: 'org_id, database_id, ts',
};

const LOCKS: PgTable = {
  name: 'pg_locks',
  columns: [
    ...IDENTITY_COLUMNS,
    ['pid', 'int32'],
    ['locktype', 'tag'],
    ['mode', 'tag'],
    ['granted', 'flag'],
    ['fastpath', 'flag'],
    ['datname', 'tag'],
    ['relation', 'string'],
    ['relation_oid', 'uint32'],
    ['page', 'uint32'],
    ['tuple', 'uint32'],
    ['virtualxid', 'string'],
    ['transactionid', 'string'],
    ['classid', 'uint32'],
    ['objid', 'uint32'],
    ['objsubid', 'uint32'],
    ['blocking_pids', 'int32_array'],
    ['wait_duration_ms', 'duration'],
  ],
  orderBy: 'org_id, database_id, ts, pid',
};

/** Far above the agent's cap of 1000 per snapshot. */
const MAX_LOCKS = 20_000;
const MAX_SNAPSHOTS = 1_000;

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return list(batch.pgLocks, MAX_SNAPSHOTS, 'pg_locks').flatMap((snapshot, i) => {
    const path = `pg_locks[${i}]`;
    const ts = snapshotTime(snapshot.tsMs, `${path}.ts_ms`, at);
    const locks = list(snapshot.locks, MAX_LOCKS, `${path}.locks`).map(
      (l, j): TableRow => ({
        table: LOCKS,
        values: {
          ...identity(at, ts),
          pid: l.pid ?? 0,
          locktype: text(l.locktype, 64),
          mode: text(l.mode, 64),
          granted: l.granted ?? false,
          fastpath: l.fastpath ?? false,
          datname: text(l.datname),
          relation: text(l.relation),
          relation_oid: l.relationOid ?? 0,
          page: l.page ?? 0,
          tuple: l.tuple ?? 0,
          virtualxid: text(l.virtualxid, 64),
          transactionid: text(l.transactionid, 64),
          classid: l.classid ?? 0,
          objid: l.objid ?? 0,
          objsubid: l.objsubid ?? 0,
          blocking_pids: int32List(l.blockingPids, MAX_LOCKS, `${path}.locks[${j}].blocking_pids`),
          wait_duration_ms: nonNegative(l.waitDurationMs, `${path}.locks[${j}].wait_duration_ms`),
        },
      }),
    );
    const counts = list(snapshot.counts, MAX_LOCKS, `${path}.counts`);
    const marker: TableRow = {
      table: SNAPSHOTS,
      values: {
        ...identity(at, ts),
        locks_listed: locks.length,
        locks_omitted: snapshot.locksOmitted ?? 0,
        count_locktype: counts.map((c) => text(c.locktype, 64)),
        count_mode: counts.map((c) => text(c.mode, 64)),
        count_granted: counts.map((c) => (c.granted ? 1 : 0)),
        count_locks: counts.map((c) => c.count ?? 0),
      },
    };
    return [...locks, marker];
  });
}

export const locksKind: RecordKind<TableRow> = {
  name: 'pg_locks',
  tables: [SNAPSHOTS, LOCKS].map((t) => ({ name: t.name, retention: 'raw' as const })),
  migrations: [{ version: 110, name: 'pg_locks', statements: (f, time) => [createTable(LOCKS, f, time), createTable(SNAPSHOTS, f, time)] }],
  fromBatch,
  insert: (ctx, rows) => insertTableRows(ctx, [LOCKS, SNAPSHOTS], rows),
};

/** One listed lock as stored (0 and '' mean "none" or "not this lock type"). */
export interface StoredLock {
  readonly pid: number;
  readonly locktype: string;
  readonly mode: string;
  readonly granted: boolean;
  readonly fastpath: boolean;
  readonly datname: string;
  readonly relation: string;
  readonly relation_oid: number;
  readonly page: number;
  readonly tuple: number;
  readonly virtualxid: string;
  readonly transactionid: string;
  readonly classid: number;
  readonly objid: number;
  readonly objsubid: number;
  readonly blocking_pids: readonly number[];
  readonly wait_duration_ms: number;
}

export interface LockSnapshot {
  readonly ts: number;
  readonly locks_listed: number;
  readonly locks_omitted: number;
  /** Every lock at that moment by type, mode and grant, sorted. */
  readonly counts: readonly { readonly locktype: string; readonly mode: string; readonly granted: boolean; readonly count: number }[];
  /** Waiting locks first (longest wait first), then holders; at most `limit`. */
  readonly locks: readonly StoredLock[];
}

const LOCK_COLUMNS = detailColumns(LOCKS);

/** The latest lock snapshot, with at most `limit` locks (waiters first), or null before the first. */
export async function latestLocks(ctx: KindContext, at: DatabaseScope & { readonly limit: number }): Promise<LockSnapshot | null> {
  const time = ctx.schema.time;
  const latest = await latestSnapshot(ctx, SNAPSHOTS, at);
  if (!latest) return null;
  const [marker] = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${selectList(time, SNAPSHOTS)} FROM pg_lock_snapshots
    WHERE ${scope(at.orgId, at.databaseId)} AND ${snapshotIs(time, latest)}
    LIMIT 1`);
  const m = decodeRow(SNAPSHOTS, marker!) as { locks_listed: number; locks_omitted: number; count_locktype: string[]; count_mode: string[]; count_granted: number[]; count_locks: number[] };
  // DISTINCT: a batch stored twice (a retry after a partial write) lists each lock once.
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT DISTINCT ${selectList(time, LOCKS, LOCK_COLUMNS)} FROM pg_locks
    WHERE ${scope(at.orgId, at.databaseId)} AND ${snapshotIs(time, latest)}
    ORDER BY granted ASC, wait_duration_ms DESC, pid ASC, locktype ASC, mode ASC, relation ASC, relation_oid ASC, page ASC, tuple ASC,
      virtualxid ASC, transactionid ASC, classid ASC, objid ASC, objsubid ASC
    LIMIT ${at.limit}`);
  const counts = m.count_locktype
    .map((locktype, i) => ({ locktype, mode: m.count_mode[i] ?? '', granted: m.count_granted[i] === 1, count: m.count_locks[i] ?? 0 }))
    .sort((a, b) => a.locktype.localeCompare(b.locktype) || a.mode.localeCompare(b.mode) || Number(a.granted) - Number(b.granted));
  return { ts: latest.ts, locks_listed: m.locks_listed, locks_omitted: m.locks_omitted, counts, locks: rows.map((row) => decodeRow(LOCKS, row) as unknown as StoredLock) };
}
