import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { RUNNING_QUERY_COUNT_COLUMNS, type ProcessesReading } from '../../state/clickhouse-processes-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { usableTable } from './clickhouse-statuses.js';
import { counts, flag, num, sqlString, str } from './clickhouse-values.js';
import { agentQueryHash, MAX_TEXT_BYTES, normalizeQueryText } from './query-fingerprint.js';
import { readFunctions, readTableColumns, selectColumn, type TableColumns } from './system-catalog.js';

/**
 * Queries running now, longest first, the agent's own left out. Each gets the fingerprint the
 * query log gives it (ClickHouse's normalizedQueryHash where the server has it, else the agent's
 * over the same leading MAX_TEXT_BYTES of text), so a running query links to its history. The
 * text is normalized here: no literal leaves the host.
 */
const PROCESSES_SQL = (c: TableColumns, serverHash: boolean): string => {
  const notOurs = `NOT startsWith(query, ${sqlString(AGENT_QUERY_MARKER)})`;
  return `${AGENT_QUERY_MARKER}
SELECT query_id, user, ${selectColumn(c, 'is_initial_query', '1')}, elapsed, memory_usage, ${selectColumn(c, 'peak_memory_usage', '0')},
       read_rows, read_bytes, written_rows, written_bytes, ${selectColumn(c, 'total_rows_approx', '0')},
       substring(query, 1, ${MAX_TEXT_BYTES}) AS query_head${serverHash ? ',\n       toString(normalizedQueryHash(query)) AS server_hash' : ''},
       (SELECT count() FROM system.processes WHERE ${notOurs}) AS running
  FROM system.processes
 WHERE ${notOurs}
 ORDER BY elapsed DESC
 LIMIT ${MAX_QUERIES}`;
};

/** The wire carries at most this many running queries per snapshot. */
export const MAX_QUERIES = 100;
/** Longest text sent per running query, after normalization (the fingerprint covers more). */
const MAX_SENT_TEXT_CHARS = 2048;

const REQUIRED = ['query_id', 'user', 'elapsed', 'memory_usage', 'read_rows', 'read_bytes', 'written_rows', 'written_bytes', 'query'] as const;

/** The queries running on the server now, fingerprinted and literal-stripped. */
export async function collectProcesses(client: ClickHouseQueryClient): Promise<ProcessesReading> {
  const table = usableTable(await readTableColumns(client, 'system', ['processes']), 'processes', REQUIRED);
  if (!table.columns) return { statuses: [table.status], queries: null, omitted: 0 };
  const serverHash = (await readFunctions(client, ['normalizedQueryHash'])).has('normalizedQueryHash');
  const rows = await client.query(PROCESSES_SQL(table.columns, serverHash));
  const queries = rows.map((row) => {
    const text = normalizeQueryText(str(row.query_head));
    return {
      queryId: str(row.query_id),
      user: str(row.user),
      isInitialQuery: flag(row.is_initial_query),
      queryHash: serverHash ? str(row.server_hash) : agentQueryHash(text),
      hashSource: serverHash ? ('server' as const) : ('agent' as const),
      queryText: text.slice(0, MAX_SENT_TEXT_CHARS),
      elapsedS: num(row.elapsed),
      memoryBytes: num(row.memory_usage),
      peakMemoryBytes: num(row.peak_memory_usage),
      ...counts(row, RUNNING_QUERY_COUNT_COLUMNS),
    };
  });
  return { statuses: [], queries, omitted: Math.max(0, num(rows[0]?.running) - queries.length) };
}
