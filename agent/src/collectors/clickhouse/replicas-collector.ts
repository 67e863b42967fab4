import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TaskStatus } from '../../runner/collector-task.js';
import { QUEUE_COUNT_COLUMNS, REPLICA_COUNT_COLUMNS, type ReplicaRow, type ReplicasReading, type ReplicationQueueGroup } from '../../state/clickhouse-replicas-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { usableTable } from './clickhouse-statuses.js';
import { counts, errorText, flag, num, secondsToMs, str } from './clickhouse-values.js';
import { readTableColumns, selectColumn, type TableColumns } from './system-catalog.js';

/**
 * Replicated tables and their replication queues. Only columns the server knows locally are
 * named: total_replicas, active_replicas, log_pointer and the like make system.replicas ask
 * ZooKeeper for every table, which a monitor must not cost.
 */
const REPLICAS_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT database, table, is_leader, is_readonly, is_session_expired, ${selectColumn(c, 'absolute_delay', '0')},
       queue_size, inserts_in_queue, merges_in_queue, ${selectColumn(c, 'part_mutations_in_queue', '0')},
       future_parts, parts_to_check,
       toUInt32(queue_oldest_time) AS queue_oldest_time_s, toUInt32(last_queue_update) AS last_queue_update_s
  FROM system.replicas
 ORDER BY database, table`;

/** By table and entry type; the last exception is that of the entry most recently attempted with one. */
const QUEUE_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT database, table, toString(type) AS entry_type, count() AS entries,
       countIf(is_currently_executing) AS executing, max(num_tries) AS max_num_tries,
       countIf(last_exception != '') AS entries_with_exception,
       ${c.has('num_postponed') ? 'sum(num_postponed)' : '0'} AS postponed,
       toUInt32(min(create_time)) AS oldest_create_time_s,
       argMaxIf(last_exception, last_attempt_time, last_exception != '') AS latest_exception,
       toUInt32(maxIf(last_attempt_time, last_exception != '')) AS latest_exception_time_s
  FROM system.replication_queue
 GROUP BY database, table, entry_type
 ORDER BY database, table, entry_type`;

const REPLICAS_REQUIRED = [
  'database', 'table', 'is_leader', 'is_readonly', 'is_session_expired', 'queue_size', 'inserts_in_queue', 'merges_in_queue',
  'future_parts', 'parts_to_check', 'queue_oldest_time', 'last_queue_update',
] as const;
const QUEUE_REQUIRED = ['database', 'table', 'type', 'create_time', 'is_currently_executing', 'num_tries', 'last_exception', 'last_attempt_time'] as const;

function replicaOf(row: Readonly<Record<string, unknown>>): ReplicaRow {
  return {
    database: str(row.database),
    table: str(row.table),
    isLeader: flag(row.is_leader),
    isReadonly: flag(row.is_readonly),
    isSessionExpired: flag(row.is_session_expired),
    absoluteDelayS: num(row.absolute_delay),
    ...counts(row, REPLICA_COUNT_COLUMNS),
    queueOldestTimeMs: secondsToMs(row.queue_oldest_time_s),
    lastQueueUpdateMs: secondsToMs(row.last_queue_update_s),
  };
}

function queueGroupOf(row: Readonly<Record<string, unknown>>): ReplicationQueueGroup {
  return {
    database: str(row.database),
    table: str(row.table),
    type: str(row.entry_type),
    ...counts(row, QUEUE_COUNT_COLUMNS),
    numPostponed: num(row.postponed),
    oldestCreateTimeMs: secondsToMs(row.oldest_create_time_s),
    lastException: errorText(str(row.latest_exception)),
    lastExceptionTimeMs: secondsToMs(row.latest_exception_time_s),
  };
}

/** Replicated tables' state and their replication queues by type. */
export async function collectReplicas(client: ClickHouseQueryClient): Promise<ReplicasReading> {
  const tables = await readTableColumns(client, 'system', ['replicas', 'replication_queue']);
  const statuses: TaskStatus[] = [];
  const replicasTable = usableTable(tables, 'replicas', REPLICAS_REQUIRED);
  const queueTable = usableTable(tables, 'replication_queue', QUEUE_REQUIRED);
  let replicas: ReplicaRow[] | null = null;
  let queue: ReplicationQueueGroup[] | null = null;
  if (replicasTable.columns) replicas = (await client.query(REPLICAS_SQL(replicasTable.columns))).map(replicaOf);
  else statuses.push(replicasTable.status);
  if (queueTable.columns) queue = (await client.query(QUEUE_SQL(queueTable.columns))).map(queueGroupOf);
  else statuses.push(queueTable.status);
  return { statuses, replicas, queue };
}
