import type { TaskStatus } from '../runner/collector-task.js';
import type { QueryHashSource } from './clickhouse-query-log-state.js';
import type { CountsOf } from './column-fields.js';

/** system.processes as read in one run: queries running at that moment. Nothing persists. */

/** What a running query has read and written so far, and its estimate of rows to read, as selected. */
export const RUNNING_QUERY_COUNT_COLUMNS = ['read_rows', 'read_bytes', 'written_rows', 'written_bytes', 'total_rows_approx'] as const;

export type RunningQuery = {
  readonly queryId: string;
  readonly user: string;
  readonly isInitialQuery: boolean;
  /** The same fingerprint the query log gives this query. */
  readonly queryHash: string;
  readonly hashSource: QueryHashSource;
  /** Normalized and literal-stripped: safe to leave the host. */
  readonly queryText: string;
  readonly elapsedS: number;
  readonly memoryBytes: number;
  /** 0 where the release does not say. */
  readonly peakMemoryBytes: number;
} & CountsOf<typeof RUNNING_QUERY_COUNT_COLUMNS>;

export interface ProcessesReading {
  readonly statuses: readonly TaskStatus[];
  /** Longest-running first, the agent's own excluded; null when system.processes cannot be read. */
  readonly queries: readonly RunningQuery[] | null;
  /** Running queries left out beyond the cap. */
  readonly omitted: number;
}
