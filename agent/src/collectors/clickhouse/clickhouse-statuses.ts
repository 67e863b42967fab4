import { isVigilError, systemTableStatusCode } from '@vigil/shared';
import type { TaskStatus } from '../../runner/collector-task.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { readTableColumns, type TableCatalog, type TableColumns } from './system-catalog.js';

/** The grant every ClickHouse collector needs; on releases before SQL access control, users.xml decides instead. */
export const SYSTEM_GRANT_SQL = 'GRANT SELECT ON system.* TO <agent user>;';

// ClickHouse's ACCESS_DENIED: a release with SQL access control refused the agent's user.
const ACCESS_DENIED_CODE = 497;

/**
 * A system table this server does not show this user, on a release with SQL access control: a
 * missing grant, or a table the release does not have. Collection from it stops (the rest of the
 * task goes on) and the runner reports the status once, not per interval.
 */
export function systemTableUnavailable(table: string): TaskStatus {
  return {
    code: systemTableStatusCode(table, 'unavailable'),
    message: `system.${table} is not available: this ClickHouse release does not have it, or the agent's user may not read it (grant it SELECT ON system.*)`,
    fixSql: SYSTEM_GRANT_SQL,
  };
}

/** A system table this release does not have (one before SQL access control, where every user sees every system table): nothing to fix. */
export function systemTableNotOnRelease(table: string, serverVersion: string): TaskStatus {
  return {
    code: systemTableStatusCode(table, 'not_on_release'),
    message: `system.${table} is not on ClickHouse ${serverVersion} (a later release added it), so it is not collected; nothing to fix`,
  };
}

/** A system table without a column every query of it needs (a release far older or newer than expected). */
export function systemTableUnsupported(table: string, missing: readonly string[]): TaskStatus {
  return {
    code: systemTableStatusCode(table, 'unsupported'),
    message: `system.${table} lacks the columns ${missing.join(', ')} on this ClickHouse release, so it is not collected`,
  };
}

/** What a collector can read of one system table: its columns, or the status saying why not. */
export type UsableTable = { readonly columns: TableColumns; readonly status?: undefined } | { readonly columns?: undefined; readonly status: TaskStatus };

/** The table's columns when it exists with every `required` one; otherwise the status to report. */
export function usableTable(tables: TableCatalog, table: string, required: readonly string[]): UsableTable {
  const columns = tables.get(table);
  if (!columns) return { status: tables.accessControl ? systemTableUnavailable(table) : systemTableNotOnRelease(table, tables.serverVersion) };
  const missing = required.filter((column) => !columns.has(column));
  return missing.length > 0 ? { status: systemTableUnsupported(table, missing) } : { columns };
}

/**
 * The rows `query` (given the table's columns) reads from system.`table`, each through `toRow`; null
 * rows and the status saying why when the table is not there or lacks a `required` column.
 */
export async function readSystemTable<T>(
  client: ClickHouseQueryClient,
  table: string,
  required: readonly string[],
  query: (columns: TableColumns) => string,
  toRow: (row: Readonly<Record<string, unknown>>) => T,
): Promise<{ readonly statuses: TaskStatus[]; readonly rows: T[] | null }> {
  const usable = usableTable(await readTableColumns(client, 'system', [table]), table, required);
  if (!usable.columns) return { statuses: [usable.status], rows: null };
  return { statuses: [], rows: (await client.query(query(usable.columns))).map(toRow) };
}

/** Whether `err` is ClickHouse refusing the agent's user a table or column (ACCESS_DENIED). */
export function isAccessDenied(err: unknown): boolean {
  return isVigilError(err) && err.code === 'CLICKHOUSE_QUERY_FAILED' && err.details?.clickhouseCode === ACCESS_DENIED_CODE;
}

/** The status for a query ClickHouse refused the agent's user, with ClickHouse's own words (they name the missing grant). */
export function privilegeMissing(task: string, err: unknown): TaskStatus {
  return {
    code: 'privilege_missing',
    message: `the ${task} collector may not read what it needs: ${err instanceof Error ? err.message : String(err)}`,
    fixSql: SYSTEM_GRANT_SQL,
  };
}
