import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { atSnapshot, identity, kindTable, latestSnapshot, recordKind, scope, snapshotRows, SNAPSHOT_COLUMNS, type TableRow } from '../kind-table.js';
import { counter, items, label, name, timestamp } from '../wire-checks.js';

/**
 * MergeTree-family table definitions (ClickHouseTableSchemasSnapshot, hourly), for the advisors:
 * engine, partition and sorting keys, whether a TTL is set, and the columns with their types and
 * codecs, kept as one JSON text per table (read whole, never filtered on).
 */

export const CLICKHOUSE_TABLE_SCHEMAS = kindTable({
  name: 'clickhouse_table_schemas',
  columns: [...SNAPSHOT_COLUMNS, ['database', 'tag'], ['table', 'string'], ['engine', 'tag'], ['partition_key', 'string'], ['sorting_key', 'string'], ['has_ttl', 'flag'], ['columns_json', 'string']],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table'],
});

const MAX_TABLES = 10_000;
const MAX_COLUMNS = 2_000;
const MAX_KEY = 4096;

export const clickHouseTableSchemasKind = recordKind({
  name: 'clickhouse_table_schemas',
  version: 210,
  tables: [CLICKHOUSE_TABLE_SCHEMAS],
  fromBatch(batch, at) {
    const rows: TableRow[] = [];
    items(batch.clickhouseTableSchemas, 'clickhouse_table_schemas').forEach((snapshot, i) => {
      const field = `clickhouse_table_schemas[${i}]`;
      const key = identity(at, timestamp(snapshot.tsMs, `${field}.ts_ms`, at));
      rows.push(
        ...snapshotRows(CLICKHOUSE_TABLE_SCHEMAS, key, {}, items(snapshot.tables, `${field}.tables`, MAX_TABLES), (t, j) => {
          const item = `${field}.tables[${j}]`;
          const columns = items(t.columns, `${item}.columns`, MAX_COLUMNS).map((c, k) => ({
            name: name(c.name, `${item}.columns[${k}].name`),
            type: label(c.type, `${item}.columns[${k}].type`, MAX_KEY),
            codec: label(c.codec, `${item}.columns[${k}].codec`, MAX_KEY),
            distinct_estimate: counter(c.distinctEstimate, `${item}.columns[${k}].distinct_estimate`),
            sampled_rows: counter(c.sampledRows, `${item}.columns[${k}].sampled_rows`),
          }));
          return {
            database: name(t.database, `${item}.database`),
            table: name(t.name, `${item}.name`),
            engine: label(t.engine, `${item}.engine`),
            partition_key: label(t.partitionKey, `${item}.partition_key`, MAX_KEY),
            sorting_key: label(t.sortingKey, `${item}.sorting_key`, MAX_KEY),
            has_ttl: t.hasTtl ?? false,
            columns_json: JSON.stringify(columns),
          };
        }),
      );
    });
    return rows;
  },
});

export interface ClickHouseTableSchema {
  readonly database: string;
  readonly table: string;
  readonly engine: string;
  readonly partition_key: string;
  readonly sorting_key: string;
  readonly has_ttl: boolean;
  /** distinct_estimate and sampled_rows: String columns the agent sampled (0 otherwise, and from agents before sampling). */
  readonly columns: readonly { readonly name: string; readonly type: string; readonly codec: string; readonly distinct_estimate?: number; readonly sampled_rows?: number }[];
}

/** The newest snapshot's tables; null before any snapshot. */
export async function latestTableSchemas(ctx: KindContext, req: { orgId: string; databaseId: string; limit: number }): Promise<{ ts: number; tables: ClickHouseTableSchema[] } | null> {
  const snapshot = await latestSnapshot(ctx, CLICKHOUSE_TABLE_SCHEMAS, req);
  if (snapshot === null) return null;
  const rows = await ctx.client.select<Record<string, string | number>>(sql`
    SELECT database, table, engine, partition_key, sorting_key, has_ttl, columns_json
    FROM clickhouse_table_schemas WHERE ${scope(req)} AND ${atSnapshot(ctx, snapshot)} AND present = 1
    ORDER BY database ASC, table ASC
    LIMIT 1 BY database, table
    LIMIT ${req.limit}`);
  return {
    ts: snapshot.ts,
    tables: rows.map((r) => ({
      database: String(r.database),
      table: String(r.table),
      engine: String(r.engine),
      partition_key: String(r.partition_key),
      sorting_key: String(r.sorting_key),
      has_ttl: Number(r.has_ttl) === 1,
      columns: JSON.parse(String(r.columns_json)),
    })),
  };
}
