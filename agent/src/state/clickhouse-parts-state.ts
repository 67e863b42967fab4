import type { TaskStatus } from '../runner/collector-task.js';

/**
 * system.parts and system.detached_parts as read in one run. Sizes are gauges, so nothing
 * persists between runs and nothing is diffed.
 */

/** Active parts of one partition. */
export interface PartitionParts {
  readonly partitionId: string;
  /** The partition key's value as ClickHouse prints it. */
  readonly partition: string;
  readonly activeParts: number;
  readonly rows: number;
  readonly bytesOnDisk: number;
  readonly dataCompressedBytes: number;
  readonly dataUncompressedBytes: number;
}

/** Active parts of one table, over all its partitions. */
export interface TableParts {
  readonly database: string;
  readonly table: string;
  readonly partitions: number;
  readonly activeParts: number;
  /** Active parts in the fullest partition: what "too many parts" refuses inserts over. */
  readonly maxPartsInPartition: number;
  readonly rows: number;
  readonly bytesOnDisk: number;
  readonly dataCompressedBytes: number;
  readonly dataUncompressedBytes: number;
  /** The partitions with the most active parts, fullest first (at most MAX_PARTITIONS_PER_TABLE). */
  readonly partitionStats: readonly PartitionParts[];
}

/** Detached parts of one table for one reason. */
export interface DetachedParts {
  readonly database: string;
  readonly table: string;
  /** Empty for parts detached by hand (and on releases without the column). */
  readonly reason: string;
  readonly parts: number;
}

export interface PartsReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.parts cannot be read (see statuses). */
  readonly tables: readonly TableParts[] | null;
  /** Null where the release has no system.detached_parts: unknown, not zero. */
  readonly detached: readonly DetachedParts[] | null;
}
