import type { TaskStatus } from '../runner/collector-task.js';
import type { ServerClock } from './clickhouse-server-state.js';

/**
 * system.errors in its state kinds: a reading (cumulative counts since the server started) lives
 * for one run; the baseline (counts by error, and the server's uptime to notice a restart)
 * persists between runs; the diffed errors are those raised within the window.
 */

// ---------------------------------------------------------------- one run

export interface ErrorCountRow {
  readonly name: string;
  readonly code: number;
  /** Raised by a remote server during a distributed query (false where the release does not say). */
  readonly remote: boolean;
  /** Since the server started. */
  readonly count: number;
  /** 0 where the release does not say. */
  readonly lastErrorTimeMs: number;
  /** Quoted values replaced (see errorText); empty where the release does not say. */
  readonly lastErrorMessage: string;
}

export interface ErrorsReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when system.errors cannot be read (see statuses). */
  readonly errors: readonly ErrorCountRow[] | null;
}

/** Key of one error's counter in the baseline. */
export function errorKey(row: Pick<ErrorCountRow, 'code' | 'remote'>): string {
  return `${row.code}${row.remote ? '/remote' : ''}`;
}

// ---------------------------------------------------------------- between runs

export interface ErrorsBaseline extends ServerClock {
  /** errorKey → count. */
  readonly counts: Readonly<Record<string, number>>;
}

// ---------------------------------------------------------------- diffed

export interface DiffedErrors {
  readonly collectedAtMs: number;
  readonly windowStartMs: number;
  /** Errors raised within the window; `count` is how many times in it. */
  readonly errors: readonly ErrorCountRow[];
}
