import type { EngineName } from './types.js';

/**
 * Collector task names per engine: what `disabled_collectors` (API) and `intervals:` (agent config)
 * may name. Kept here, free of collector code, so the server can refuse a typo without depending on
 * the agent; a test checks these lists against the agent's task tables.
 */
export const COLLECTOR_NAMES = {
  postgres: ['statements', 'activity', 'locks', 'wait_events', 'tables', 'replication', 'server'],
  clickhouse: ['query_log', 'parts', 'merges', 'mutations', 'replicas', 'disks', 'errors', 'server', 'processes', 'table_schemas', 'keeper'],
} as const satisfies Record<EngineName, readonly string[]>;

export type CollectorName = (typeof COLLECTOR_NAMES)[EngineName][number];
