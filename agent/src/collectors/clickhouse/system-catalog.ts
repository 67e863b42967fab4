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
 WHERE database = ${sqlString(database)} AND table IN (${tables.map(sqlString).join(', ')})`;

const FUNCTIONS_SQL = (names: readonly string[]): string => `${AGENT_QUERY_MARKER}
SELECT name FROM system.functions WHERE name IN (${names.map(sqlString).join(', ')})`;

/** Column name → type, for one table. */
export type TableColumns = ReadonlyMap<string, string>;

/** The named tables of `database` that exist, each with its columns; missing tables are absent. */
export async function readTableColumns(client: ClickHouseQueryClient, database: string, tables: readonly string[]): Promise<ReadonlyMap<string, TableColumns>> {
  const rows = await client.query(COLUMNS_SQL(database, tables));
  const out = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const table = str(row.table);
    let columns = out.get(table);
    if (!columns) out.set(table, (columns = new Map()));
    columns.set(str(row.name), str(row.type));
  }
  return out;
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
