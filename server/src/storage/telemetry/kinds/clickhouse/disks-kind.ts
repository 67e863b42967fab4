import { usagePct, usedBytes } from '../../../../engines/figures/clickhouse-figures.js';
import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { type DatabaseScope, recordKind, num, SNAPSHOT_COLUMNS, kindTable, wireSnapshotRows } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshotRows, snapshotKey } from '../snapshots-many.js';
import { counter, label, name } from '../wire-checks.js';

/** Disks at one moment (system.disks), as snapshots (ClickHouseDisksSnapshot). */

export const CLICKHOUSE_DISKS = kindTable({
  name: 'clickhouse_disks',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['name', 'tag', name],
    ['path', 'string', label],
    ['type', 'tag', label],
    ['free_bytes', 'gauge', counter],
    ['total_bytes', 'gauge', counter],
    ['unreserved_bytes', 'gauge', counter],
    ['keep_free_bytes', 'gauge', counter],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'name'],
});

export const clickHouseDisksKind = recordKind({
  name: 'clickhouse_disks',
  version: 205,
  tables: [CLICKHOUSE_DISKS],
  fromBatch: (batch, at) => wireSnapshotRows(CLICKHOUSE_DISKS, at, { records: batch.clickhouseDisks, path: 'clickhouse_disks', list: 'disks' }),
});

// ---------------------------------------------------------------- reads

export interface ClickHouseDisk {
  readonly name: string;
  readonly path: string;
  readonly type: string;
  readonly total_bytes: number;
  readonly free_bytes: number;
  readonly used_bytes: number;
  /** used / total × 100; null when the disk reports no size. */
  readonly usage_pct: number | null;
  readonly unreserved_bytes: number;
  readonly keep_free_bytes: number;
}

/** Disks in the newest snapshot by name, at most `limit`; null before any snapshot. */
export async function latestClickHouseDisks(ctx: KindContext, req: { orgId: string; databaseId: string; limit: number }): Promise<{ ts: number; disks: ClickHouseDisk[] } | null> {
  return (await latestClickHouseDisksMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

/** latestClickHouseDisks for many databases at once (two queries), by database id; absent before the first snapshot. */
export async function latestClickHouseDisksMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, { ts: number; disks: ClickHouseDisk[] }>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_DISKS, [], dbs);
  if (headers.size === 0) return new Map();
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, name, path, type, total_bytes, free_bytes, unreserved_bytes, keep_free_bytes
    FROM clickhouse_disks WHERE ${atSnapshots(dbs, headers)} AND present = 1
    ORDER BY name ASC
    LIMIT 1 BY database_id, ts, name`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, disksOf(snapshot.ts, (byDb.get(id) ?? []).slice(0, limit))]));
}

function disksOf(ts: number, rows: readonly Record<string, string | number>[]): { ts: number; disks: ClickHouseDisk[] } {
  return {
    ts,
    disks: rows.map((r) => {
      const total = num(r.total_bytes);
      const used = usedBytes(total, num(r.free_bytes));
      return {
        name: String(r.name),
        path: String(r.path),
        type: String(r.type),
        total_bytes: total,
        free_bytes: num(r.free_bytes),
        used_bytes: used,
        usage_pct: usagePct(used, total),
        unreserved_bytes: num(r.unreserved_bytes),
        keep_free_bytes: num(r.keep_free_bytes),
      };
    }),
  };
}
