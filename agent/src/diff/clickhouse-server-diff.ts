import type { DiffedServer, ServerBaseline, ServerClock, ServerReading } from '../state/clickhouse-server-state.js';
import { counterDeltas } from './counter-diff.js';

// uptime() has one-second resolution and is read a moment after the agent's clock: start times of one server run agree within this.
const START_TOLERANCE_S = 5;

/**
 * Whether both readings come from one run of the server: the start times they imply (agent clock
 * minus uptime) agree. A restart moves the start by at least the uptime it ended, so this also
 * catches a restart after which counters have climbed past their old values, which the decrease
 * check in counterDeltas would miss.
 */
export function sameServerRun(previous: ServerClock, current: ServerClock): boolean {
  const previousStartS = previous.collectedAtMs / 1000 - previous.uptimeS;
  const currentStartS = current.collectedAtMs / 1000 - current.uptimeS;
  return Math.abs(currentStartS - previousStartS) <= START_TOLERANCE_S;
}

export interface ClickHouseServerDiff {
  readonly diffed: DiffedServer;
  readonly baseline: ServerBaseline;
}

/** Event counters as deltas against the previous reading; none on the first, after a restart, or while system.events is unreadable. */
export function diffClickHouseServer(previous: ServerBaseline | undefined, reading: ServerReading, clock: ServerClock): ClickHouseServerDiff {
  const comparable = previous !== undefined && previous.counters !== null && reading.counters !== null && sameServerRun(previous, clock);
  return {
    diffed: {
      reading,
      collectedAtMs: clock.collectedAtMs,
      uptimeS: clock.uptimeS,
      windowStartMs: previous?.collectedAtMs ?? null,
      deltas: comparable ? counterDeltas(previous.counters!, reading.counters!) : undefined,
    },
    baseline: { ...clock, counters: reading.counters },
  };
}
