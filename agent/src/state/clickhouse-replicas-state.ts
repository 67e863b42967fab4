import type { TaskStatus } from '../runner/collector-task.js';
import type { CountsOf } from './column-fields.js';

/** system.replicas and system.replication_queue as read in one run. Gauges only; nothing persists. */

/** system.replicas' queue and part counts, as selected (part_mutations_in_queue: 0 where the release lacks it). */
export const REPLICA_COUNT_COLUMNS = ['queue_size', 'inserts_in_queue', 'merges_in_queue', 'part_mutations_in_queue', 'future_parts', 'parts_to_check'] as const;

export type ReplicaRow = {
  readonly database: string;
  readonly table: string;
  readonly isLeader: boolean;
  readonly isReadonly: boolean;
  readonly isSessionExpired: boolean;
  readonly absoluteDelayS: number;
  /** 0 when the queue is empty. */
  readonly queueOldestTimeMs: number;
  readonly lastQueueUpdateMs: number;
} & CountsOf<typeof REPLICA_COUNT_COLUMNS>;

/** Counts over one table's queue entries of one type, as selected. */
export const QUEUE_COUNT_COLUMNS = ['entries', 'executing', 'max_num_tries', 'entries_with_exception'] as const;

/** Replication queue entries of one table and type. */
export type ReplicationQueueGroup = {
  readonly database: string;
  readonly table: string;
  /** GET_PART, MERGE_PARTS, MUTATE_PART, … */
  readonly type: string;
  readonly numPostponed: number;
  readonly oldestCreateTimeMs: number;
  /** The most recently attempted entry's exception (quoted values replaced), and when. */
  readonly lastException: string;
  readonly lastExceptionTimeMs: number;
} & CountsOf<typeof QUEUE_COUNT_COLUMNS>;

export interface ReplicasReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.replicas cannot be read (see statuses). */
  readonly replicas: readonly ReplicaRow[] | null;
  /** Null when system.replication_queue cannot be read. */
  readonly queue: readonly ReplicationQueueGroup[] | null;
}
