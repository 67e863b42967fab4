import type { TaskStatus } from '../runner/collector-task.js';

/** system.mutations as read in one run: mutations not yet done. Nothing persists. */

export interface MutationRow {
  readonly database: string;
  readonly table: string;
  readonly mutationId: string;
  /** The ALTER command, literal-stripped. */
  readonly command: string;
  readonly createTimeMs: number;
  /** Since create_time, by the server's clock. */
  readonly ageS: number;
  readonly partsToDo: number;
  readonly isKilled: boolean;
  /** The last failure; empty and 0 when none or where the release does not record it. */
  readonly latestFailedPart: string;
  readonly latestFailTimeMs: number;
  /** Quoted values replaced (see errorText). */
  readonly latestFailReason: string;
}

export interface MutationsReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.mutations cannot be read (see statuses). */
  readonly mutations: readonly MutationRow[] | null;
}
