import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { MERGE_COUNT_COLUMNS, type MergesReading } from '../../state/clickhouse-merges-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { readSystemTable } from './clickhouse-statuses.js';
import { counts, flag, num, str } from './clickhouse-values.js';
import { selectColumn, type TableColumns } from './system-catalog.js';

/** Merges running now, longest first. is_mutation and merge_type arrived after 18.x; older releases read false and empty. */
const MERGES_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT database, table, ${selectColumn(c, 'partition_id', "''")}, ${selectColumn(c, 'result_part_name', "''")},
       elapsed, progress, ${selectColumn(c, 'num_parts', '0')}, ${selectColumn(c, 'total_size_bytes_compressed', '0')},
       ${selectColumn(c, 'rows_read', '0')}, ${selectColumn(c, 'rows_written', '0')},
       ${selectColumn(c, 'bytes_read_uncompressed', '0')}, ${selectColumn(c, 'bytes_written_uncompressed', '0')},
       ${selectColumn(c, 'memory_usage', '0')}, ${selectColumn(c, 'is_mutation', '0')}, ${c.has('merge_type') ? 'toString(merge_type)' : "''"} AS type_of_merge
  FROM system.merges
 ORDER BY elapsed DESC
 LIMIT ${MAX_MERGES}`;

// The background pool runs a few dozen at most; the cap only guards against a surprise.
const MAX_MERGES = 1000;

const REQUIRED = ['database', 'table', 'elapsed', 'progress'] as const;

/** The merges running on the server now. */
export async function collectMerges(client: ClickHouseQueryClient): Promise<MergesReading> {
  const { statuses, rows } = await readSystemTable(client, 'merges', REQUIRED, MERGES_SQL, (row) => ({
    database: str(row.database),
    table: str(row.table),
    partitionId: str(row.partition_id),
    resultPartName: str(row.result_part_name),
    elapsedS: num(row.elapsed),
    progress: num(row.progress),
    memoryBytes: num(row.memory_usage),
    isMutation: flag(row.is_mutation),
    mergeType: str(row.type_of_merge),
    ...counts(row, MERGE_COUNT_COLUMNS),
  }));
  return { statuses, merges: rows };
}
