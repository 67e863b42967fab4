import type { TaskStatus } from '../runner/collector-task.js';
import type { QueryHashSource } from './clickhouse-query-log-state.js';

/** system.processes as read in one run: queries running at that moment. Nothing persists. */

export interface RunningQuery {
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
  readonly readRows: number;
  readonly readBytes: number;
  readonly writtenRows: number;
  readonly writtenBytes: number;
  readonly totalRowsApprox: number;
}

export interface ProcessesReading {
  readonly statuses: readonly TaskStatus[];
  /** Longest-running first, the agent's own excluded; null when system.processes cannot be read. */
  readonly queries: readonly RunningQuery[] | null;
  /** Running queries left out beyond the cap. */
  readonly omitted: number;
}
