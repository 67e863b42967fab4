import type { OpenWaitPeriod, WaitEventCount, WaitEventPeriod, WaitSample } from '../state/postgres-waits-state.js';

/** Periods are wall-clock minutes, so they line up across databases and agents whatever the sampling interval. */
export const WAIT_PERIOD_MS = 60_000;

export interface WaitAggregation {
  /** The period the sample went into, to persist for the next run. */
  readonly open: OpenWaitPeriod;
  /** The previous period, when this sample was the first of a new one: ready to send. */
  readonly closed: WaitEventPeriod | undefined;
}

function close(period: OpenWaitPeriod): WaitEventPeriod {
  const events: WaitEventCount[] = [];
  for (const [waitEventType, byEvent] of Object.entries(period.counts)) {
    for (const [waitEvent, count] of Object.entries(byEvent)) events.push({ waitEventType, waitEvent, count });
  }
  return { periodStartMs: period.periodStartMs, periodEndMs: period.periodStartMs + WAIT_PERIOD_MS, samples: period.samples, events };
}

function add(period: OpenWaitPeriod, sample: WaitSample): OpenWaitPeriod {
  const counts: Record<string, Record<string, number>> = {};
  for (const [type, byEvent] of Object.entries(period.counts)) counts[type] = { ...byEvent };
  for (const { waitEventType, waitEvent, count } of sample.events) {
    const byEvent = (counts[waitEventType] ??= {});
    byEvent[waitEvent] = (byEvent[waitEvent] ?? 0) + count;
  }
  return { periodStartMs: period.periodStartMs, samples: period.samples + 1, counts };
}

/**
 * Adds a sample taken at `sampledAtMs` to the minute it falls in. The first sample of a new
 * minute closes the open one, which then goes out with however many samples it got (an agent
 * that was down for part of it took fewer; `samples` says so). A sample older than the open
 * period (the clock stepped back) starts over rather than mixing minutes.
 */
export function addWaitSample(open: OpenWaitPeriod | undefined, sample: WaitSample, sampledAtMs: number): WaitAggregation {
  const periodStartMs = sampledAtMs - (sampledAtMs % WAIT_PERIOD_MS);
  const fresh: OpenWaitPeriod = { periodStartMs, samples: 0, counts: {} };
  if (open === undefined || periodStartMs < open.periodStartMs) return { open: add(fresh, sample), closed: undefined };
  if (periodStartMs === open.periodStartMs) return { open: add(open, sample), closed: undefined };
  return { open: add(fresh, sample), closed: close(open) };
}
