import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TaskStatus } from '../../runner/collector-task.js';
import type { ServerCounters, ServerGauges, ServerReading } from '../../state/clickhouse-server-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { usableTable } from './clickhouse-statuses.js';
import { num, sqlString, str } from './clickhouse-values.js';
import { readTableColumns } from './system-catalog.js';

/**
 * The server's essentials, by name, from whichever of system.metrics (gauges now),
 * asynchronous_metrics (gauges refreshed every minute or so; empty until the first refresh)
 * and events (counters since start) this user can read. Names a release lacks read as 0: an
 * event the server never counted is absent from system.events on every release before 20.x.
 */
const SOURCES = {
  metric: { table: 'metrics', nameColumn: 'metric' },
  async: { table: 'asynchronous_metrics', nameColumn: 'metric' },
  event: { table: 'events', nameColumn: 'event' },
} as const;

type Source = keyof typeof SOURCES;

const VALUES_SQL = (parts: readonly { readonly source: Source; readonly names: readonly string[] }[]): string =>
  `${AGENT_QUERY_MARKER}\n` +
  parts
    .map(({ source, names }) => {
      const { table, nameColumn } = SOURCES[source];
      return `SELECT '${source}' AS source, ${nameColumn} AS name, toString(value) AS reading FROM system.${table} WHERE ${nameColumn} IN (${names.map(sqlString).join(', ')})`;
    })
    .join('\nUNION ALL\n');

const METRICS: Readonly<Record<Exclude<keyof ServerGauges, 'memoryResidentBytes' | 'maxPartsInPartition'>, string>> = {
  queriesRunning: 'Query',
  mergesRunning: 'Merge',
  tcpConnections: 'TCPConnection',
  httpConnections: 'HTTPConnection',
  interserverConnections: 'InterserverConnection',
  memoryTrackingBytes: 'MemoryTracking',
  readonlyReplicas: 'ReadonlyReplica',
};

// MemoryResident arrived in 20.x; before it, jemalloc's resident bytes are the nearest figure.
const RESIDENT = ['MemoryResident', 'jemalloc.resident'] as const;
const MAX_PART_COUNT = 'MaxPartCountForPartition';

const EVENTS: Readonly<Record<keyof ServerCounters, string>> = {
  queries: 'Query',
  selectQueries: 'SelectQuery',
  insertQueries: 'InsertQuery',
  failedQueries: 'FailedQuery',
  failedSelectQueries: 'FailedSelectQuery',
  failedInsertQueries: 'FailedInsertQuery',
  insertedRows: 'InsertedRows',
  insertedBytes: 'InsertedBytes',
  delayedInserts: 'DelayedInserts',
  rejectedInserts: 'RejectedInserts',
};

const NAMES: Readonly<Record<Source, readonly string[]>> = {
  metric: Object.values(METRICS),
  async: [...RESIDENT, MAX_PART_COUNT],
  event: Object.values(EVENTS),
};

function pick<K extends string>(names: Readonly<Record<K, string>>, values: ReadonlyMap<string, number>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(names) as K[]) out[key] = values.get(names[key]) ?? 0;
  return out;
}

/** Gauges now and event counters since the server started. */
export async function collectServerMetrics(client: ClickHouseQueryClient): Promise<ServerReading> {
  const tables = await readTableColumns(client, 'system', Object.values(SOURCES).map((s) => s.table));
  const statuses: TaskStatus[] = [];
  const readable: Source[] = [];
  for (const [source, { table, nameColumn }] of Object.entries(SOURCES) as [Source, (typeof SOURCES)[Source]][]) {
    const usable = usableTable(tables, table, [nameColumn, 'value']);
    if (usable.status) statuses.push(usable.status);
    else readable.push(source);
  }
  const values: Record<Source, Map<string, number>> = { metric: new Map(), async: new Map(), event: new Map() };
  if (readable.length > 0) {
    for (const row of await client.query(VALUES_SQL(readable.map((source) => ({ source, names: NAMES[source] }))))) {
      values[str(row.source) as Source]?.set(str(row.name), num(row.reading));
    }
  }
  const resident = RESIDENT.map((name) => values.async.get(name)).find((value) => value !== undefined) ?? 0;
  return {
    statuses,
    gauges: { ...pick(METRICS, values.metric), memoryResidentBytes: resident, maxPartsInPartition: values.async.get(MAX_PART_COUNT) ?? 0 },
    counters: readable.includes('event') ? pick(EVENTS, values.event) : null,
  };
}
