import type { TaskStatus } from '../runner/collector-task.js';

/** system.disks as read in one run. Gauges only; nothing persists. */

export interface DiskRow {
  readonly name: string;
  readonly path: string;
  /** local, s3, …; empty where the release does not say. */
  readonly type: string;
  readonly freeBytes: number;
  readonly totalBytes: number;
  readonly unreservedBytes: number;
  readonly keepFreeBytes: number;
}

export interface DisksReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.disks cannot be read (see statuses). */
  readonly disks: readonly DiskRow[] | null;
}
