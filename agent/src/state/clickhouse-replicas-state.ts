import type { TaskStatus } from '../runner/collector-task.js';

/** system.replicas and system.replication_queue as read in one run. Gauges only; nothing persists. */

export interface ReplicaRow {
  readonly database: string;
  readonly table: string;
  readonly isLeader: boolean;
  readonly isReadonly: boolean;
  readonly isSessionExpired: boolean;
  readonly absoluteDelayS: number;
  readonly queueSize: number;
  readonly insertsInQueue: number;
  readonly mergesInQueue: number;
  readonly partMutationsInQueue: number;
  readonly futureParts: number;
  readonly partsToCheck: number;
  /** 0 when the queue is empty. */
  readonly queueOldestTimeMs: number;
  readonly lastQueueUpdateMs: number;
}

/** Replication queue entries of one table and type. */
export interface ReplicationQueueGroup {
  readonly database: string;
  readonly table: string;
  /** GET_PART, MERGE_PARTS, MUTATE_PART, … */
  readonly type: string;
  readonly entries: number;
  readonly executing: number;
  readonly maxNumTries: number;
  readonly entriesWithException: number;
  readonly numPostponed: number;
  readonly oldestCreateTimeMs: number;
  /** The most recently attempted entry's exception (quoted values replaced), and when. */
  readonly lastException: string;
  readonly lastExceptionTimeMs: number;
}

export interface ReplicasReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.replicas cannot be read (see statuses). */
  readonly replicas: readonly ReplicaRow[] | null;
  /** Null when system.replication_queue cannot be read. */
  readonly queue: readonly ReplicationQueueGroup[] | null;
}
