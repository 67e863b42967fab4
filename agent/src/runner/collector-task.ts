import type { vigil } from '@vigil/proto';
import type { CollectorStatusCode, EngineName } from '@vigil/shared';

/**
 * The unit the scheduler runs: one record kind's whole pipeline (collect → diff → transform)
 * for one monitored database. Collectors stay plain functions returning plain data; a task
 * composes one with its diff and transform so the scheduler needs to know nothing about kinds.
 * Tasks are listed in a table per engine (collectors/postgres/tasks.ts, collectors/clickhouse/tasks.ts).
 */

/** The record fields of a Batch: what one task contributes (identity and window are the runner's). */
export type BatchRecords = Omit<vigil.v1.IBatch, 'batchId' | 'seq' | 'database' | 'windowStartMs' | 'windowEndMs'>;

/** A named, non-fatal reason a task is degraded or cannot run (reported once, not every interval). */
export interface TaskStatus {
  /** From the shared catalogue (shared/src/collector-statuses.ts), which also says how serious it is. */
  readonly code: CollectorStatusCode;
  readonly message: string;
  /** The exact SQL that fixes it, when there is one. */
  readonly fixSql?: string;
  readonly restartRequired?: boolean;
}

export interface TaskInput<Client, Persisted> {
  readonly client: Client;
  /** What this task persisted after its last successful run on this database; undefined on the first. */
  readonly previous: Persisted | undefined;
  readonly nowMs: number;
  /** Cancelled when the run overstays its interval; pass it to queries that accept one. */
  readonly signal: AbortSignal;
}

export interface TaskResult<Persisted> {
  /** Records for this window; empty on a baseline run or when nothing changed. */
  readonly records: BatchRecords;
  readonly statuses: readonly TaskStatus[];
  /** Plain JSON data to hand back as `previous` next run (and to write to disk across restarts). */
  readonly persisted: Persisted | undefined;
}

export interface CollectorTask<Client, Persisted = unknown> {
  /** Also the key under `intervals:` in the agent config (e.g. statements, activity, tables). */
  readonly name: string;
  readonly engine: EngineName;
  readonly defaultIntervalMs: number;
  run(input: TaskInput<Client, Persisted>): Promise<TaskResult<Persisted>>;
}
