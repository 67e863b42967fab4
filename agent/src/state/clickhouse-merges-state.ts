import type { TaskStatus } from '../runner/collector-task.js';

/** system.merges as read in one run: merges (and part mutations) running at that moment. Nothing persists. */

export interface MergeRow {
  readonly database: string;
  readonly table: string;
  readonly partitionId: string;
  readonly resultPartName: string;
  readonly elapsedS: number;
  /** 0–1. */
  readonly progress: number;
  readonly numParts: number;
  readonly totalSizeBytesCompressed: number;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly bytesReadUncompressed: number;
  readonly bytesWrittenUncompressed: number;
  readonly memoryBytes: number;
  /** False where the release does not say. */
  readonly isMutation: boolean;
  /** REGULAR, TTL_DELETE, …; empty where the release does not say. */
  readonly mergeType: string;
}

export interface MergesReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.merges cannot be read (see statuses). */
  readonly merges: readonly MergeRow[] | null;
}
