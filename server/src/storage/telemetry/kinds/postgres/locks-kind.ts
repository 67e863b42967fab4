import type { vigil } from '@vigil/proto';
import { sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { atSnapshot, columnsOf, type DatabaseScope, type DetailOf, detailColumns, fromWire, identity, IDENTITY_COLUMNS, kindTable, latestSnapshot, recordKind, scope, selectRows, tableRow, type TableRow } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshots } from '../snapshots-many.js';
import { cut, int32s, items, nonNegative, orFalse, orZero, text, timestamp } from '../wire-checks.js';

/**
 * pg_locks snapshots (Batch.pg_locks): the waiting locks and their holders one row each, and a
 * marker row per snapshot with the counts of every lock by type, mode and grant.
 */

/** Far above the agent's cap of 1000 per snapshot. */
const MAX_LOCKS = 20_000;
const MAX_SNAPSHOTS = 1_000;

const SNAPSHOTS = kindTable({
  name: 'pg_lock_snapshots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['locks_listed', 'uint32'],
    ['locks_omitted', 'uint32', orZero],
    ['count_locktype', 'string_array'],
    ['count_mode', 'string_array'],
    ['count_granted', 'uint8_array'],
    ['count_locks', 'uint32_array'],
  ],
  orderBy: ['org_id', 'database_id', 'ts'],
});

const LOCKS = kindTable({
  name: 'pg_locks',
  columns: [
    ...IDENTITY_COLUMNS,
    ['pid', 'int32', orZero],
    ['locktype', 'tag', cut(64)],
    ['mode', 'tag', cut(64)],
    ['granted', 'flag', orFalse],
    ['fastpath', 'flag', orFalse],
    ['datname', 'tag', cut()],
    ['relation', 'string', cut()],
    ['relation_oid', 'uint32', orZero],
    ['page', 'uint32', orZero],
    ['tuple', 'uint32', orZero],
    ['virtualxid', 'string', cut(64)],
    ['transactionid', 'string', cut(64)],
    ...columnsOf('uint32', orZero, ['classid', 'objid', 'objsubid']),
    ['blocking_pids', 'int32_array', int32s(MAX_LOCKS)],
    ['wait_duration_ms', 'duration', nonNegative],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'pid'],
});

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgLocks, 'pg_locks', MAX_SNAPSHOTS).flatMap((snapshot, i) => {
    const path = `pg_locks[${i}]`;
    const ts = timestamp(snapshot.tsMs, `${path}.ts_ms`, at);
    const locks = items(snapshot.locks, `${path}.locks`, MAX_LOCKS).map((l, j) => tableRow(LOCKS, { ...identity(at, ts), ...fromWire(LOCKS, l, `${path}.locks[${j}]`) }));
    const counts = items(snapshot.counts, `${path}.counts`, MAX_LOCKS);
    const marker = tableRow(SNAPSHOTS, {
      ...identity(at, ts),
      ...fromWire(SNAPSHOTS, snapshot, path),
      locks_listed: locks.length,
      count_locktype: counts.map((c) => text(c.locktype, 64)),
      count_mode: counts.map((c) => text(c.mode, 64)),
      count_granted: counts.map((c) => (c.granted ? 1 : 0)),
      count_locks: counts.map((c) => c.count ?? 0),
    });
    return [...locks, marker];
  });
}

export const locksKind = recordKind({ name: 'pg_locks', version: 110, tables: [LOCKS, SNAPSHOTS], fromBatch });

/** One listed lock as stored (0 and '' mean "none" or "not this lock type"). */
export type StoredLock = DetailOf<typeof LOCKS>;

export interface LockSnapshot {
  readonly ts: number;
  readonly locks_listed: number;
  readonly locks_omitted: number;
  /** Every lock at that moment by type, mode and grant, sorted. */
  readonly counts: readonly { readonly locktype: string; readonly mode: string; readonly granted: boolean; readonly count: number }[];
  /** Waiting locks first (longest wait first), then holders; at most `limit`. */
  readonly locks: readonly StoredLock[];
}

/** The latest lock snapshot, with at most `limit` locks (waiters first), or null before the first. */
export async function latestLocks(ctx: KindContext, at: DatabaseScope & { readonly limit: number }): Promise<LockSnapshot | null> {
  return (await latestLocksMany(ctx, [at], at.limit)).get(at.databaseId) ?? null;
}

/** latestLocks for many databases at once (two queries), by database id; a database before its first snapshot is absent. */
export async function latestLocksMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, LockSnapshot>> {
  const headers = await latestHeaders(ctx, SNAPSHOTS, detailColumns(SNAPSHOTS), dbs);
  if (headers.size === 0) return new Map();
  // DISTINCT: a batch stored twice (a retry after a partial write) lists each lock once.
  const locks = ofSnapshots(
    await selectRows(ctx, LOCKS, ['database_id', 'ts', ...detailColumns(LOCKS)], sql`
    FROM pg_locks
    WHERE ${atSnapshots(dbs, headers)}
    ORDER BY granted ASC, wait_duration_ms DESC, pid ASC, locktype ASC, mode ASC, relation ASC, relation_oid ASC, page ASC, tuple ASC,
      virtualxid ASC, transactionid ASC, classid ASC, objid ASC, objsubid ASC`, 'DISTINCT'),
    headers,
  );
  const out = new Map<string, LockSnapshot>();
  for (const [id, m] of headers) {
    const counts = m.count_locktype
      .map((locktype, i) => ({ locktype, mode: m.count_mode[i] ?? '', granted: m.count_granted[i] === 1, count: m.count_locks[i] ?? 0 }))
      .sort((a, b) => a.locktype.localeCompare(b.locktype) || a.mode.localeCompare(b.mode) || Number(a.granted) - Number(b.granted));
    const listed = (locks.get(id) ?? []).slice(0, limit).map(({ database_id: _d, ts: _t, ...lock }) => lock);
    out.set(id, { ts: m.ts, locks_listed: m.locks_listed, locks_omitted: m.locks_omitted, counts, locks: listed });
  }
  return out;
}
