import type { TaskStatus } from '../runner/collector-task.js';
import type { CountsOf } from './column-fields.js';

/** system.merges as read in one run: merges (and part mutations) running at that moment. Nothing persists. */

/** A merge's sizes and row counts (0 where the release does not say), as selected. */
export const MERGE_COUNT_COLUMNS = ['num_parts', 'total_size_bytes_compressed', 'rows_read', 'rows_written', 'bytes_read_uncompressed', 'bytes_written_uncompressed'] as const;

export type MergeRow = {
  readonly database: string;
  readonly table: string;
  readonly partitionId: string;
  readonly resultPartName: string;
  readonly elapsedS: number;
  /** 0–1. */
  readonly progress: number;
  readonly memoryBytes: number;
  /** False where the release does not say. */
  readonly isMutation: boolean;
  /** REGULAR, TTL_DELETE, …; empty where the release does not say. */
  readonly mergeType: string;
} & CountsOf<typeof MERGE_COUNT_COLUMNS>;

export interface MergesReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.merges cannot be read (see statuses). */
  readonly merges: readonly MergeRow[] | null;
}
