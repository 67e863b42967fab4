import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TableSchema } from '../../state/clickhouse-schemas-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { str } from './clickhouse-values.js';
import { columnOr, readTableColumns } from './system-catalog.js';

/** Tables read per run: the advisors look at MergeTree tables, and a schema with more is sent cut. */
export const MAX_SCHEMA_TABLES = 2000;

/**
 * MergeTree-family tables (outside the system databases) with their keys and whether the definition
 * sets a TTL. partition_key and sorting_key are on system.tables from 18.x; before them a key reads
 * as empty. engine_full holds the TTL clause where the release has TTLs (19.6+).
 */
const TABLES_SQL = (partitionKey: string, sortingKey: string): string => `${AGENT_QUERY_MARKER}
SELECT database, name, engine, ${partitionKey} AS partition_key, ${sortingKey} AS sorting_key, position(engine_full, ' TTL ') > 0 AS has_ttl
  FROM system.tables
 WHERE engine LIKE '%MergeTree' AND database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema')
 ORDER BY database, name
 LIMIT ${MAX_SCHEMA_TABLES}`;

/** Columns of the MergeTree tables; compression_codec arrived in 19.1. */
const COLUMNS_SQL = (codec: string): string => `${AGENT_QUERY_MARKER}
SELECT c.database AS database, c.table AS table, c.name AS name, c.type AS type, ${codec} AS codec
  FROM system.columns AS c
 WHERE (c.database, c.table) IN (
   SELECT database, name FROM system.tables
    WHERE engine LIKE '%MergeTree' AND database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema'))
 ORDER BY database, table`;

/** Every MergeTree-family table's engine, keys, TTL presence and columns with their types and codecs. */
export async function collectTableSchemas(client: ClickHouseQueryClient): Promise<TableSchema[]> {
  const catalog = await readTableColumns(client, 'system', ['tables', 'columns']);
  const tableColumns = catalog.get('tables') ?? new Map<string, string>();
  const columnColumns = catalog.get('columns') ?? new Map<string, string>();
  const tables = await client.query(TABLES_SQL(columnOr(tableColumns, 'partition_key', "''"), columnOr(tableColumns, 'sorting_key', "''")));
  const columns = await client.query(COLUMNS_SQL(columnOr(columnColumns, 'compression_codec', "''")));
  const byTable = new Map<string, { name: string; type: string; codec: string }[]>();
  for (const row of columns) {
    const key = `${str(row.database)}.${str(row.table)}`;
    const list = byTable.get(key) ?? [];
    list.push({ name: str(row.name), type: str(row.type), codec: str(row.codec) });
    byTable.set(key, list);
  }
  return tables.map((row) => ({
    database: str(row.database),
    name: str(row.name),
    engine: str(row.engine),
    partitionKey: str(row.partition_key),
    sortingKey: str(row.sorting_key),
    hasTtl: Number(row.has_ttl) === 1,
    columns: byTable.get(`${str(row.database)}.${str(row.name)}`) ?? [],
  }));
}
