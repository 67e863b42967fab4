/**
 * Every named status a collector task may report (heartbeats carry the codes), with how serious it
 * is, in one catalogue the agent and the server both read: the agent types its statuses by it and
 * `vigil-agent test` decides OK/WARN/FAIL from it; the server can explain a code it shows.
 *
 * - info: nothing to fix; the source does not exist on this release (the agent collects the rest).
 * - warning: something the operator can fix (a grant, an extension, a setting); the status
 *   message the agent logs carries the fix.
 */
export type CollectorStatusSeverity = 'info' | 'warning';

export interface CollectorStatusEntry {
  readonly severity: CollectorStatusSeverity;
  /** One line for a reader who sees only the code. */
  readonly summary: string;
}

const FIXED_STATUSES = {
  server_version_unsupported: { severity: 'warning', summary: 'The server is older than the oldest release Vigil collects from' },
  privilege_missing: { severity: 'warning', summary: "The agent's role or user lacks a privilege this collector needs" },
  extension_missing: { severity: 'warning', summary: 'pg_stat_statements is not installed in the database the agent connects to' },
  library_not_loaded: { severity: 'warning', summary: 'pg_stat_statements is not in shared_preload_libraries (takes effect after a restart)' },
  extension_outdated: { severity: 'warning', summary: 'The pg_stat_statements extension is older than its library; some columns are not collected' },
  pg_stat_wal_unavailable: { severity: 'info', summary: 'pg_stat_wal needs PostgreSQL 14' },
  pg_stat_io_unavailable: { severity: 'info', summary: 'pg_stat_io needs PostgreSQL 16' },
  database_missing: { severity: 'warning', summary: 'A database listed under databases: does not exist on the server' },
  database_closed: { severity: 'warning', summary: 'A database listed under databases: does not accept connections' },
  database_connect_denied: { severity: 'warning', summary: "The agent's role may not connect to a database listed under databases:" },
  database_unreachable: { severity: 'warning', summary: 'The agent cannot connect to a database listed under databases:' },
  database_read_failed: { severity: 'warning', summary: 'A catalog query failed in a database listed under databases:' },
  sequence_privilege_missing: { severity: 'warning', summary: "The agent's role may not read some sequences' values" },
  query_log_empty: { severity: 'warning', summary: 'system.query_log is missing or empty: query logging is off' },
  query_log_unsupported: { severity: 'info', summary: 'system.query_log lacks columns the collector needs on this release' },
} as const satisfies Record<string, CollectorStatusEntry>;

/** Statuses about one ClickHouse system table, coded `system_<table>_<suffix>`. */
const SYSTEM_TABLE_STATUSES = {
  not_on_release: { severity: 'info', summary: 'This ClickHouse release has no such system table' },
  unavailable: { severity: 'warning', summary: "The system table is not visible to the agent's user (a missing grant), or the release lacks it" },
  unsupported: { severity: 'info', summary: 'The system table lacks columns the collector needs on this release' },
} as const satisfies Record<string, CollectorStatusEntry>;

export type CollectorStatusCode = keyof typeof FIXED_STATUSES | `system_${string}_${keyof typeof SYSTEM_TABLE_STATUSES}`;

/** The status code for ClickHouse system table `table` in state `state`. */
export function systemTableStatusCode(table: string, state: keyof typeof SYSTEM_TABLE_STATUSES): CollectorStatusCode {
  return `system_${table}_${state}`;
}

const SYSTEM_TABLE_CODE = new RegExp(`^system_[a-z0-9_]+?_(${Object.keys(SYSTEM_TABLE_STATUSES).join('|')})$`);

/** The catalogue entry for `code`; undefined for a code this version does not know (a newer agent's). */
export function collectorStatus(code: string): CollectorStatusEntry | undefined {
  if (Object.hasOwn(FIXED_STATUSES, code)) return FIXED_STATUSES[code as keyof typeof FIXED_STATUSES];
  const match = SYSTEM_TABLE_CODE.exec(code);
  return match ? SYSTEM_TABLE_STATUSES[match[1] as keyof typeof SYSTEM_TABLE_STATUSES] : undefined;
}
