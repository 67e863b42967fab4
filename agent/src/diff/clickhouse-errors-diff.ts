import { errorKey, type DiffedErrors, type ErrorCountRow, type ErrorsBaseline } from '../state/clickhouse-errors-state.js';
import type { ServerClock } from '../state/clickhouse-server-state.js';
import { sameServerRun } from './clickhouse-server-diff.js';

export interface ClickHouseErrorsDiff {
  /** Undefined on the first reading and after a server restart: the window cannot be measured. */
  readonly diffed: DiffedErrors | undefined;
  readonly baseline: ErrorsBaseline;
}

/**
 * The errors raised since the previous reading, each with how many times. An error absent before
 * had never been raised, so all of its count falls in the window. A count that went down means
 * the server restarted unnoticed: that error is left out rather than guessed.
 */
export function diffClickHouseErrors(previous: ErrorsBaseline | undefined, rows: readonly ErrorCountRow[], clock: ServerClock): ClickHouseErrorsDiff {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[errorKey(row)] = row.count;
  const baseline: ErrorsBaseline = { ...clock, counts };
  if (!previous || !sameServerRun(previous, clock)) return { diffed: undefined, baseline };
  const errors: ErrorCountRow[] = [];
  for (const row of rows) {
    const delta = row.count - (previous.counts[errorKey(row)] ?? 0);
    if (delta > 0) errors.push({ ...row, count: delta });
  }
  return { diffed: { collectedAtMs: clock.collectedAtMs, windowStartMs: previous.collectedAtMs, errors }, baseline };
}
