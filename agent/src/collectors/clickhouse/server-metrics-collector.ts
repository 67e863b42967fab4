import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { TaskStatus } from '../../runner/collector-task.js';
import type { ServerCounters, ServerGauges, ServerReading } from '../../state/clickhouse-server-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { usableTable } from './clickhouse-statuses.js';
import { num, sqlString, str } from './clickhouse-values.js';
import { readTableColumns } from './system-catalog.js';

/**
 * The server's essentials, by name, from whichever of system.metrics (gauges now),
 * asynchronous_metrics (gauges refreshed every minute or so; empty until the first refresh),
 * events (counters since start) and server_settings (23.x on) this user can read. Names a
 * release lacks read as 0: an event the server never counted is absent from system.events on
 * every release before 20.x.
 */
const SOURCES = {
  metric: { table: 'metrics', nameColumn: 'metric' },
  async: { table: 'asynchronous_metrics', nameColumn: 'metric' },
  event: { table: 'events', nameColumn: 'event' },
  setting: { table: 'server_settings', nameColumn: 'name' },
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

const METRICS: Readonly<Record<Exclude<keyof ServerGauges, 'memoryResidentBytes' | 'maxPartsInPartition' | 'memoryLimitBytes'>, string>> = {
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

/**
 * The server's memory limit. From 23.x system.server_settings holds max_server_memory_usage as
 * applied (the ratio of RAM already worked in when it is left at 0). Releases from 20.x to 22.x
 * lack that table but report the host's RAM (OSMemoryTotal), and left at 0 their limit is RAM ×
 * max_server_memory_usage_to_ram_ratio, whose default is 0.9 there. 18.x has neither: the limit is unknown (0).
 */
const MEMORY_LIMIT_SETTING = 'max_server_memory_usage';
const HOST_RAM = 'OSMemoryTotal';
const DEFAULT_RAM_RATIO = 0.9;

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
  async: [...RESIDENT, MAX_PART_COUNT, HOST_RAM],
  event: Object.values(EVENTS),
  setting: [MEMORY_LIMIT_SETTING],
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
  let settingsStatus: TaskStatus | undefined;
  for (const [source, { table, nameColumn }] of Object.entries(SOURCES) as [Source, (typeof SOURCES)[Source]][]) {
    const usable = usableTable(tables, table, [nameColumn, 'value']);
    if (!usable.status) readable.push(source);
    else if (source === 'setting') settingsStatus = usable.status;
    else statuses.push(usable.status);
  }
  const values: Record<Source, Map<string, number>> = { metric: new Map(), async: new Map(), event: new Map(), setting: new Map() };
  if (readable.length > 0) {
    for (const row of await client.query(VALUES_SQL(readable.map((source) => ({ source, names: NAMES[source] }))))) {
      values[str(row.source) as Source]?.set(str(row.name), num(row.reading));
    }
  }
  const resident = RESIDENT.map((name) => values.async.get(name)).find((value) => value !== undefined) ?? 0;
  const memoryLimitBytes = values.setting.get(MEMORY_LIMIT_SETTING) || Math.round((values.async.get(HOST_RAM) ?? 0) * DEFAULT_RAM_RATIO);
  // A release without server_settings is worth a status only when nothing else gave the limit: it says why memory use has no share.
  if (settingsStatus && memoryLimitBytes === 0) statuses.push(settingsStatus);
  return {
    statuses,
    gauges: { ...pick(METRICS, values.metric), memoryResidentBytes: resident, maxPartsInPartition: values.async.get(MAX_PART_COUNT) ?? 0, memoryLimitBytes },
    counters: readable.includes('event') ? pick(EVENTS, values.event) : null,
  };
}
