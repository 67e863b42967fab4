import { joinSql, sql, type SqlFragment } from '../clickhouse-sql.js';
import type { KindContext } from '../record-kind.js';
import { inRange, selectRows, tableName, type ColumnList, type ColumnOf, type DatabaseScope, type KindTable, type RowOf, type SnapshotId, type TimeRange } from './kind-table.js';

/**
 * Reads of many databases at once (issue 11's evaluation tick): the snapshot convention of
 * kind-table.ts for a list of databases in one query per table, each result keyed by database id.
 * A kind's single-database read is its many-read with one database, so both return the same.
 */

/** `org_id IN (…) AND database_id IN (…)`: the databases of a many-read (database ids are unique across organizations). */
export function scopeMany(dbs: readonly DatabaseScope[]): SqlFragment {
  if (dbs.length === 0) throw new TypeError('a many-read needs at least one database');
  const orgs = [...new Set(dbs.map((d) => d.orgId))];
  const ids = [...new Set(dbs.map((d) => d.databaseId))];
  return sql`org_id IN (${joinSql(orgs.map((o) => sql`${o}`))}) AND database_id IN (${joinSql(ids.map((id) => sql`${id}`))})`;
}

/** Rows by their `database_id`, in the order read. */
export function byDatabase<R extends { readonly database_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) {
    const list = out.get(row.database_id);
    if (list) list.push(row);
    else out.set(row.database_id, [row]);
  }
  return out;
}

/** The header row of a database's newest snapshot: its id and the columns asked for. */
export type LatestHeader<C extends ColumnList, K extends ColumnOf<C>> = SnapshotId & Pick<RowOf<C>, K>;

/**
 * Each database's newest snapshot in `table` (the greatest (ts, batch_id), as latestSnapshot), with
 * columns `names` of that row, by database id; a database with none is absent. `where` narrows the
 * rows considered (a flag), `range` the time.
 */
export async function latestHeaders<C extends ColumnList, K extends ColumnOf<C>>(
  ctx: KindContext,
  table: KindTable<C>,
  names: readonly K[],
  dbs: readonly DatabaseScope[],
  options: { readonly range?: TimeRange; readonly where?: SqlFragment } = {},
): Promise<Map<string, LatestHeader<C, K>>> {
  if (dbs.length === 0) return new Map();
  const range = options.range ? sql` AND ${inRange(ctx, options.range.since, options.range.until)}` : sql``;
  const where = options.where ? sql` AND ${options.where}` : sql``;
  const identity = ['database_id', 'ts', 'batch_id'] as unknown as readonly ColumnOf<C>[];
  const rows = (await selectRows(ctx, table, [...identity, ...names.filter((n) => !identity.includes(n))], sql`
    FROM ${tableName(table)}
    WHERE ${scopeMany(dbs)}${range}${where}
    ORDER BY database_id ASC, ts DESC, batch_id DESC
    LIMIT 1 BY database_id`)) as unknown as (LatestHeader<C, K> & { readonly database_id: string })[];
  return new Map(rows.map(({ database_id: id, ...header }) => [id, header as LatestHeader<C, K>]));
}

/** The ids of the latest snapshots found, as `latestHeaders` returns them. */
type Snapshots = ReadonlyMap<string, SnapshotId>;

/**
 * The rows of each database's snapshot in `snapshots` (by database and batch; a batch may hold
 * several snapshots, so a read selects `ts` and keeps the snapshot's own with `ofSnapshots`).
 */
export function atSnapshots(dbs: readonly DatabaseScope[], snapshots: Snapshots): SqlFragment {
  const pairs = [...snapshots].map(([id, s]) => sql`(${id}, ${s.batch_id})`);
  return sql`${scopeMany(dbs.filter((d) => snapshots.has(d.databaseId)))} AND (database_id, batch_id) IN (${joinSql(pairs)})`;
}

/** Rows read with `atSnapshots`, by database id, only those of the snapshot's own time, in the order read. */
export function ofSnapshots<R extends { readonly database_id: string; readonly ts: number }>(rows: readonly R[], snapshots: Snapshots): Map<string, R[]> {
  return byDatabase(rows.filter((r) => snapshots.get(r.database_id)?.ts === r.ts));
}

/** `database_id, <ts as Unix ms> AS snapshot_ms`: what a raw select at `atSnapshots` starts with, for `ofSnapshotRows`. */
export function snapshotKey(ctx: KindContext): SqlFragment {
  return sql`database_id, ${ctx.schema.time.toUnixMs(sql`ts`)} AS snapshot_ms`;
}

/** Raw rows selected with `snapshotKey` at `atSnapshots`, by database id, only those of the snapshot's own time, in the order read. */
export function ofSnapshotRows<R extends { readonly database_id: string; readonly snapshot_ms: number | string }>(rows: readonly R[], snapshots: Snapshots): Map<string, R[]> {
  return byDatabase(rows.filter((r) => snapshots.get(r.database_id)?.ts === Number(r.snapshot_ms)));
}
