import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TableSchema } from '../../state/clickhouse-schemas-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { isAccessDenied } from './clickhouse-statuses.js';
import { num, str } from './clickhouse-values.js';
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

/** Rows read per sampled table, and String columns sampled per run (tables in name order): bounded work every hour. */
const SAMPLE_ROWS = 100_000;
const MAX_SAMPLED_COLUMNS = 50;

const STRING_TYPE = /^(Nullable\()?String\)?$/;

function quoteName(name: string): string {
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
}

/** Distinct values of each String column among the table's first SAMPLE_ROWS rows (uniq: an estimate within about 2 %). */
const SAMPLE_SQL = (database: string, table: string, columns: readonly string[]): string => `${AGENT_QUERY_MARKER}
SELECT count() AS sampled, ${columns.map((c, i) => `uniq(${quoteName(c)}) AS d${i}`).join(', ')}
  FROM (SELECT ${columns.map(quoteName).join(', ')} FROM ${quoteName(database)}.${quoteName(table)} LIMIT ${SAMPLE_ROWS})`;

/** Every MergeTree-family table's engine, keys, TTL presence and columns with their types and codecs. */
export async function collectTableSchemas(client: ClickHouseQueryClient): Promise<TableSchema[]> {
  const catalog = await readTableColumns(client, 'system', ['tables', 'columns']);
  const tableColumns = catalog.get('tables') ?? new Map<string, string>();
  const columnColumns = catalog.get('columns') ?? new Map<string, string>();
  const tables = await client.query(TABLES_SQL(columnOr(tableColumns, 'partition_key', "''"), columnOr(tableColumns, 'sorting_key', "''")));
  const columns = await client.query(COLUMNS_SQL(columnOr(columnColumns, 'compression_codec', "''")));
  const byTable = new Map<string, { name: string; type: string; codec: string; distinct: { estimate: number; sampledRows: number } | null }[]>();
  for (const row of columns) {
    const key = `${str(row.database)}.${str(row.table)}`;
    const list = byTable.get(key) ?? [];
    list.push({ name: str(row.name), type: str(row.type), codec: str(row.codec), distinct: null });
    byTable.set(key, list);
  }
  let budget = MAX_SAMPLED_COLUMNS;
  for (const row of tables) {
    const list = byTable.get(`${str(row.database)}.${str(row.name)}`) ?? [];
    const strings = list.filter((c) => STRING_TYPE.test(c.type)).slice(0, budget);
    if (strings.length === 0) continue;
    budget -= strings.length;
    // A user that may read system tables but not this table's data gets the definitions all the same, without estimates.
    const [sample] = await client.query(SAMPLE_SQL(str(row.database), str(row.name), strings.map((c) => c.name))).catch((err: unknown) => {
      if (isAccessDenied(err)) return [undefined];
      throw err;
    });
    if (!sample) continue;
    strings.forEach((c, i) => (c.distinct = { estimate: num(sample?.[`d${i}`]), sampledRows: num(sample?.sampled) }));
    if (budget <= 0) break;
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
