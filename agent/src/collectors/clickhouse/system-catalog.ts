import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { sqlString, str } from './clickhouse-values.js';

/**
 * What this server has, asked rather than assumed: system tables and their columns come and go
 * between releases (system.errors arrived in 20.x, query_log.normalized_query_hash later still),
 * so every collector reads the catalog first and builds its SQL from what is there. A table this
 * user may not see is absent here too, on releases with SQL access control.
 */
const COLUMNS_SQL = (database: string, tables: readonly string[]): string => `${AGENT_QUERY_MARKER}
SELECT table, name, type
  FROM system.columns
 WHERE database = ${sqlString(database)} AND table IN (${tables.map(sqlString).join(', ')})
UNION ALL
SELECT '' AS table, '' AS name, version() AS type`;

/**
 * The first release with SQL access control (CREATE USER, GRANT). Before it every user sees the
 * whole system database and there is no GRANT to print: a table absent there is absent from the
 * release. From it, a table may also be hidden from a user without the grant.
 */
const ACCESS_CONTROL_SINCE: readonly [number, number] = [20, 4];

const FUNCTIONS_SQL = (names: readonly string[]): string => `${AGENT_QUERY_MARKER}
SELECT name FROM system.functions WHERE name IN (${names.map(sqlString).join(', ')})`;

/** Column name → type, for one table. */
export type TableColumns = ReadonlyMap<string, string>;

/** The tables found, by name, and what the release says about the ones that were not. */
export interface TableCatalog extends ReadonlyMap<string, TableColumns> {
  /** version(), e.g. "18.16.1". */
  readonly serverVersion: string;
  /** Whether the release has SQL access control, so an absent table may only be hidden from this user and a GRANT can fix it. */
  readonly accessControl: boolean;
}

/** Whether ClickHouse `version` ("18.16.1", "24.8.4.13") is at least `since` (major, minor). */
export function releaseAtLeast(version: string, since: readonly [number, number]): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > since[0] || (major === since[0] && minor >= since[1]);
}

/** The named tables of `database` that exist, each with its columns (missing tables are absent), and the server version, in one round trip. */
export async function readTableColumns(client: ClickHouseQueryClient, database: string, tables: readonly string[]): Promise<TableCatalog> {
  const rows = await client.query(COLUMNS_SQL(database, tables));
  const out = new Map<string, Map<string, string>>();
  let serverVersion = '';
  for (const row of rows) {
    const table = str(row.table);
    if (table === '') {
      serverVersion = str(row.type);
      continue;
    }
    let columns = out.get(table);
    if (!columns) out.set(table, (columns = new Map()));
    columns.set(str(row.name), str(row.type));
  }
  return Object.assign(out, { serverVersion, accessControl: releaseAtLeast(serverVersion, ACCESS_CONTROL_SINCE) });
}

/** Which of the named functions this server has. */
export async function readFunctions(client: ClickHouseQueryClient, names: readonly string[]): Promise<ReadonlySet<string>> {
  const rows = await client.query(FUNCTIONS_SQL(names));
  return new Set(rows.map((row) => str(row.name)));
}

/** `column` when the table has it, else `fallback` (an SQL expression of the same meaning, or a constant). */
export function columnOr(columns: TableColumns, column: string, fallback: string): string {
  return columns.has(column) ? column : fallback;
}

/** `column` when the table has it, else `fallback AS column`: a select-list item that reads the same on every release. */
export function selectColumn(columns: TableColumns, column: string, fallback: string): string {
  return columns.has(column) ? column : `${fallback} AS ${column}`;
}
