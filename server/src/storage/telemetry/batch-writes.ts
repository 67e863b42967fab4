import { identifier, joinSql, sql, type SqlFragment } from './clickhouse-sql.js';
import { RECORD_KINDS } from './kinds/index.js';
import type { KindContext, KindRows } from './record-kind.js';

/**
 * What makes a batch's telemetry write idempotent across a half-failed attempt. Every row carries its
 * batch id, and a kind's rows go to each table in one insert (the statement rollups are derived from
 * the raw rows inside ClickHouse), so after a failure a table holds either all of a batch's rows or
 * none. A write whose claim says `resumed` (an earlier attempt failed or its process died) asks
 * which tables already hold the batch and writes only the rest: no table ever gets a batch twice.
 */

/** A batch about to be written again, and its rows. */
export interface ResumedBatch {
  readonly batchId: string;
  readonly orgId: string;
  readonly databaseId: string;
  readonly records: readonly KindRows[];
}

const TABLES = RECORD_KINDS.flatMap((kind) => kind.tables.map((t) => t.name));

/** The tables `records` write that keep batch ids (see RecordKind.rowTable). */
function tablesOf(records: readonly KindRows[]): Set<string> {
  const tables = new Set<string>();
  for (const { kind, rows } of records) {
    for (const row of rows) {
      const table = kind.rowTable?.(row);
      if (table !== undefined) tables.add(table);
    }
  }
  return tables;
}

/** Per batch id, the tables that already hold rows of that batch: one query per table involved. */
export async function tablesHoldingBatches(ctx: KindContext, batches: readonly ResumedBatch[]): Promise<Map<string, Set<string>>> {
  const byTable = new Map<string, ResumedBatch[]>();
  for (const batch of batches) {
    for (const table of tablesOf(batch.records)) byTable.set(table, [...(byTable.get(table) ?? []), batch]);
  }
  const held = new Map<string, Set<string>>(batches.map((b) => [b.batchId, new Set<string>()]));
  await Promise.all(
    [...byTable].map(async ([table, list]) => {
      const ids = list.map((b) => b.batchId);
      // The scope columns lead every table's key, so the lookup reads the batches' own databases only.
      const found = await ctx.client.select<{ batch_id: string }>(sql`
        SELECT DISTINCT batch_id FROM ${identifier(table, TABLES)}
        WHERE org_id IN (${values(list.map((b) => b.orgId))}) AND database_id IN (${values(list.map((b) => b.databaseId))}) AND batch_id IN (${values(ids)})`);
      for (const { batch_id: id } of found) held.get(id)?.add(table);
    }),
  );
  return held;
}

/** Distinct values as a list of literals. */
function values(list: readonly string[]): SqlFragment {
  return joinSql([...new Set(list)].map((v) => sql`${v}`));
}

/** `records` without the rows bound for tables in `written` (which already hold this batch). */
export function unwrittenRecords(records: readonly KindRows[], written: ReadonlySet<string>): KindRows[] {
  if (written.size === 0) return [...records];
  return records
    .map(({ kind, rows }) => ({ kind, rows: rows.filter((row) => !written.has(kind.rowTable?.(row) ?? '')) }))
    .filter((r) => r.rows.length > 0);
}
