import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TaskStatus } from '../../runner/collector-task.js';
import type { DetachedParts, PartitionParts, PartsReading, TableParts } from '../../state/clickhouse-parts-state.js';
import type { ClickHouseQueryClient, ClickHouseRow } from './clickhouse-query-client.js';
import { usableTable } from './clickhouse-statuses.js';
import { num, str } from './clickhouse-values.js';
import { columnOr, readTableColumns, type TableColumns } from './system-catalog.js';

/**
 * Active parts per table (and per partition, the fullest first), and detached parts by reason
 * where the release has system.detached_parts. Sizes are summed on the server, so the answer
 * grows with tables and partitions kept, never with parts.
 */

/** The per-partition aggregate both queries start from. */
const PARTITIONS = (c: TableColumns): string => `
SELECT database, table, ${columnOr(c, 'partition_id', 'partition')} AS partition_key, any(partition) AS partition_value,
       count() AS part_count, sum(rows) AS row_count,
       sum(${columnOr(c, 'bytes_on_disk', columnOr(c, 'bytes', '0'))}) AS disk_bytes,
       sum(${columnOr(c, 'data_compressed_bytes', '0')}) AS compressed_bytes,
       sum(${columnOr(c, 'data_uncompressed_bytes', '0')}) AS uncompressed_bytes
  FROM system.parts
 WHERE active
 GROUP BY database, table, partition_key`;

const TABLES_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT database, table, count() AS partitions, sum(part_count) AS active_parts, max(part_count) AS max_parts_in_partition,
       sum(row_count) AS rows_total, sum(disk_bytes) AS disk_bytes_total,
       sum(compressed_bytes) AS compressed_bytes_total, sum(uncompressed_bytes) AS uncompressed_bytes_total
  FROM (${PARTITIONS(c)})
 GROUP BY database, table
 ORDER BY database, table`;

const TOP_PARTITIONS_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
${PARTITIONS(c)}
 ORDER BY database, table, part_count DESC, partition_key
 LIMIT ${MAX_PARTITIONS_PER_TABLE} BY database, table`;

const DETACHED_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT database, table, ${c.has('reason') ? "ifNull(reason, '')" : "''"} AS detach_reason, count() AS parts
  FROM system.detached_parts
 GROUP BY database, table, detach_reason
 ORDER BY database, table, detach_reason`;

/** The wire carries at most this many partitions per table (the totals cover them all). */
export const MAX_PARTITIONS_PER_TABLE = 100;

const PARTS_REQUIRED = ['database', 'table', 'active', 'partition', 'rows'] as const;
const DETACHED_REQUIRED = ['database', 'table'] as const;

function tableKey(row: ClickHouseRow): string {
  return `${str(row.database)}\u0000${str(row.table)}`;
}

function partitionOf(row: ClickHouseRow): PartitionParts {
  return {
    partitionId: str(row.partition_key),
    partition: str(row.partition_value),
    activeParts: num(row.part_count),
    rows: num(row.row_count),
    bytesOnDisk: num(row.disk_bytes),
    dataCompressedBytes: num(row.compressed_bytes),
    dataUncompressedBytes: num(row.uncompressed_bytes),
  };
}

/** Active parts per table and partition, and detached parts by reason where the release lists them. */
export async function collectParts(client: ClickHouseQueryClient): Promise<PartsReading> {
  const tables = await readTableColumns(client, 'system', ['parts', 'detached_parts']);
  const statuses: TaskStatus[] = [];
  const parts = usableTable(tables, 'parts', PARTS_REQUIRED);
  let tableParts: TableParts[] | null = null;
  if (parts.columns) {
    const byTable = new Map<string, PartitionParts[]>();
    for (const row of await client.query(TOP_PARTITIONS_SQL(parts.columns))) {
      const key = tableKey(row);
      const list = byTable.get(key) ?? [];
      list.push(partitionOf(row));
      byTable.set(key, list);
    }
    tableParts = (await client.query(TABLES_SQL(parts.columns))).map((row) => ({
      database: str(row.database),
      table: str(row.table),
      partitions: num(row.partitions),
      activeParts: num(row.active_parts),
      maxPartsInPartition: num(row.max_parts_in_partition),
      rows: num(row.rows_total),
      bytesOnDisk: num(row.disk_bytes_total),
      dataCompressedBytes: num(row.compressed_bytes_total),
      dataUncompressedBytes: num(row.uncompressed_bytes_total),
      partitionStats: byTable.get(tableKey(row)) ?? [],
    }));
  } else {
    statuses.push(parts.status);
  }
  const detachedTable = usableTable(tables, 'detached_parts', DETACHED_REQUIRED);
  let detached: DetachedParts[] | null = null;
  if (detachedTable.columns) {
    detached = (await client.query(DETACHED_SQL(detachedTable.columns))).map((row) => ({
      database: str(row.database),
      table: str(row.table),
      reason: str(row.detach_reason),
      parts: num(row.parts),
    }));
  } else {
    statuses.push(detachedTable.status);
  }
  return { statuses, tables: tableParts, detached };
}
