import type { vigil } from '@vigil/proto';
import { sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { atSnapshot, bucketStart, columnsOf, type DatabaseScope, detailColumns, type DetailOf, fromWire, identity, IDENTITY_COLUMNS, inRange, kindTable, latestSnapshot, recordKind, scope, selectRows, tableRow, type TableRow, type TimeRange } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshots } from '../snapshots-many.js';
import { cut, finite, items, nonNegative, orFalse, orZero, timestamp } from '../wire-checks.js';

/**
 * Replication as one server sees it (Batch.pg_replication): a row per snapshot with the standby
 * side (upstream, lag), one per standby streaming from it, one per replication slot.
 */

const SNAPSHOTS = kindTable({
  name: 'pg_replication_snapshots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['in_recovery', 'flag', orFalse],
    ['upstream_host', 'string', cut()],
    ['upstream_port', 'int32', orZero],
    ['receiver_status', 'tag', cut(64)],
    ['receive_lag_bytes', 'float', nonNegative],
    ['replay_lag_bytes', 'float', nonNegative],
    ['replay_lag_ms', 'duration', nonNegative],
    ['upstream_last_msg_age_ms', 'duration', nonNegative],
    ['standbys', 'uint32'],
    ['slots', 'uint32'],
  ],
  orderBy: ['org_id', 'database_id', 'ts'],
});

const STANDBYS = kindTable({
  name: 'pg_replication_standbys',
  columns: [
    ...IDENTITY_COLUMNS,
    ['pid', 'int32', orZero],
    ['application_name', 'string', cut()],
    ['client_addr', 'string', cut()],
    ['state', 'tag', cut(64)],
    ['sync_state', 'tag', cut(64)],
    ...columnsOf('float', nonNegative, ['sent_lag_bytes', 'write_lag_bytes', 'flush_lag_bytes', 'replay_lag_bytes']),
    ...columnsOf('duration', nonNegative, ['write_lag_ms', 'flush_lag_ms', 'replay_lag_ms']),
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'pid'],
});

const SLOTS = kindTable({
  name: 'pg_replication_slots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['slot_name', 'string', cut()],
    ['slot_type', 'tag', cut(64)],
    ['plugin', 'tag', cut()],
    ['datname', 'tag', cut()],
    ['active', 'flag', orFalse],
    ['active_pid', 'int32', orZero],
    ['temporary', 'flag', orFalse],
    ['retained_bytes', 'float', nonNegative],
    ['wal_status', 'tag', cut(64)],
    ['has_safe_wal_size', 'flag', orFalse],
    ['safe_wal_size_bytes', 'float'],
    ['confirmed_flush_lag_bytes', 'float', nonNegative],
    ['xmin_age', 'uint32', orZero],
    ['catalog_xmin_age', 'uint32', orZero],
  ],
  orderBy: ['org_id', 'database_id', 'slot_name', 'ts'],
});

const MAX_SNAPSHOTS = 1_000;
const MAX_PEERS = 10_000;

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgReplication, 'pg_replication', MAX_SNAPSHOTS).flatMap((r, i) => {
    const path = `pg_replication[${i}]`;
    const ts = timestamp(r.tsMs, `${path}.ts_ms`, at);
    const standbys = items(r.standbys, `${path}.standbys`, MAX_PEERS).map((s, j) => tableRow(STANDBYS, { ...identity(at, ts), ...fromWire(STANDBYS, s, `${path}.standbys[${j}]`) }));
    const slots = items(r.slots, `${path}.slots`, MAX_PEERS).map((s, j) => {
      const p = `${path}.slots[${j}]`;
      return tableRow(SLOTS, {
        ...identity(at, ts),
        ...fromWire(SLOTS, s, p),
        // May be negative: a slot already past max_slot_wal_keep_size.
        safe_wal_size_bytes: s.hasSafeWalSize ? finite(s.safeWalSizeBytes, `${p}.safe_wal_size_bytes`) : 0,
      });
    });
    const marker = tableRow(SNAPSHOTS, { ...identity(at, ts), ...fromWire(SNAPSHOTS, r, path), standbys: standbys.length, slots: slots.length });
    return [...standbys, ...slots, marker];
  });
}

export const replicationKind = recordKind({ name: 'pg_replication', version: 140, tables: [STANDBYS, SLOTS, SNAPSHOTS], fromBatch });

export type StandbyRow = DetailOf<typeof STANDBYS>;
export type SlotRow = DetailOf<typeof SLOTS>;
export type ReplicationStatus = { readonly ts: number; readonly standbys: readonly StandbyRow[]; readonly slots: readonly SlotRow[] } & Omit<DetailOf<typeof SNAPSHOTS>, 'standbys' | 'slots'>;

/** The latest replication snapshot with its standbys (by application name, pid) and slots (by name), or null before the first. */
export async function latestReplication(ctx: KindContext, at: DatabaseScope & { readonly limit: number }): Promise<ReplicationStatus | null> {
  return (await latestReplicationMany(ctx, [at], at.limit)).get(at.databaseId) ?? null;
}

/** latestReplication for many databases at once (three queries), by database id; absent before the first snapshot. */
export async function latestReplicationMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, ReplicationStatus>> {
  const headers = await latestHeaders(ctx, SNAPSHOTS, detailColumns(SNAPSHOTS), dbs);
  if (headers.size === 0) return new Map();
  const where = atSnapshots(dbs, headers);
  // LIMIT 1 BY: a batch stored twice (a retry after a partial write) lists each peer once.
  const standbys = ofSnapshots(
    await selectRows(ctx, STANDBYS, ['database_id', 'ts', ...detailColumns(STANDBYS)], sql`
    FROM pg_replication_standbys WHERE ${where}
    ORDER BY application_name ASC, pid ASC LIMIT 1 BY database_id, ts, pid`),
    headers,
  );
  const slots = ofSnapshots(
    await selectRows(ctx, SLOTS, ['database_id', 'ts', ...detailColumns(SLOTS)], sql`
    FROM pg_replication_slots WHERE ${where}
    ORDER BY slot_name ASC LIMIT 1 BY database_id, ts, slot_name`),
    headers,
  );
  const own = <R extends { database_id: string; ts: number }>(rows: Map<string, R[]>, id: string): Omit<R, 'database_id' | 'ts'>[] =>
    (rows.get(id) ?? []).slice(0, limit).map(({ database_id: _d, ts: _t, ...rest }) => rest);
  return new Map(
    [...headers].map(([id, { batch_id: _b, ...marker }]) => [id, { ...marker, standbys: own(standbys, id), slots: own(slots, id) }]),
  );
}

/** Replication lag in one bucket: the worst seen as a standby (behind its upstream) and as a primary (its furthest standby). */
export interface LagPoint {
  readonly ts: number;
  /** Standby side: WAL not yet received plus not yet replayed; null when this server was not a standby in the bucket. */
  readonly standby_lag_bytes: number | null;
  readonly standby_lag_ms: number | null;
  /** Primary side: the furthest standby's replay lag; null when none streamed from it in the bucket. */
  readonly primary_lag_bytes: number | null;
  readonly primary_lag_ms: number | null;
  /** Most standbys streaming at once. */
  readonly standbys: number;
}

/** Replication lag per bucket over a range, oldest first. */
export async function lagHistory(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }): Promise<LagPoint[]> {
  const range = sql`${scope(at)} AND ${inRange(ctx, at.since, at.until)}`;
  const own = await ctx.client.select<Record<string, number | string>>(sql`
    SELECT ${bucketStart(ctx, at.bucketMs)} AS bucket,
      maxIf(receive_lag_bytes + replay_lag_bytes, in_recovery = 1) AS standby_lag_bytes, maxIf(replay_lag_ms, in_recovery = 1) AS standby_lag_ms,
      countIf(in_recovery = 1) AS standby_readings, max(standbys) AS standbys
    FROM pg_replication_snapshots WHERE ${range}
    GROUP BY bucket ORDER BY bucket ASC`);
  const peers = await ctx.client.select<Record<string, number | string>>(sql`
    SELECT ${bucketStart(ctx, at.bucketMs)} AS bucket, max(replay_lag_bytes) AS primary_lag_bytes, max(replay_lag_ms) AS primary_lag_ms
    FROM pg_replication_standbys WHERE ${range}
    GROUP BY bucket`);
  const byBucket = new Map(peers.map((p) => [Number(p.bucket), p]));
  return own.map((row) => {
    const peer = byBucket.get(Number(row.bucket));
    const standby = Number(row.standby_readings) > 0;
    return {
      ts: Number(row.bucket),
      standby_lag_bytes: standby ? Number(row.standby_lag_bytes) : null,
      standby_lag_ms: standby ? Number(row.standby_lag_ms) : null,
      primary_lag_bytes: peer ? Number(peer.primary_lag_bytes) : null,
      primary_lag_ms: peer ? Number(peer.primary_lag_ms) : null,
      standbys: Number(row.standbys),
    };
  });
}

/** One slot in one bucket. */
export interface SlotPoint {
  readonly ts: number;
  readonly slot_name: string;
  /** Most WAL the slot held back in the bucket. */
  readonly lag_bytes: number;
  readonly confirmed_flush_lag_bytes: number;
  /** Whether a consumer was connected at the bucket's last reading. */
  readonly active: boolean;
  readonly wal_status: string;
}

/** Slots per bucket over a range: by bucket, then slot name; at most `limit` rows. */
export async function slotHistory(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number; readonly limit: number }): Promise<SlotPoint[]> {
  const time = ctx.schema.time;
  const rows = await ctx.client.select<Record<string, number | string>>(sql`
    SELECT ${bucketStart(ctx, at.bucketMs)} AS bucket, slot_name, max(retained_bytes) AS lag_bytes, max(confirmed_flush_lag_bytes) AS confirmed_flush_lag_bytes,
      argMax(active, ts) AS active, argMax(wal_status, ts) AS wal_status
    FROM pg_replication_slots WHERE ${scope(at)} AND ${inRange(ctx, at.since, at.until)}
    GROUP BY bucket, slot_name
    ORDER BY bucket ASC, slot_name ASC
    LIMIT ${at.limit}`);
  return rows.map((r) => ({
    ts: Number(r.bucket),
    slot_name: String(r.slot_name),
    lag_bytes: Number(r.lag_bytes),
    confirmed_flush_lag_bytes: Number(r.confirmed_flush_lag_bytes),
    active: Number(r.active) === 1,
    wal_status: String(r.wal_status),
  }));
}
