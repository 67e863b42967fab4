import type { vigil } from '@vigil/proto';
import type { WaitEventPeriod } from '../state/postgres-waits-state.js';

/** A closed wait-event period → its wire record. */
export function waitEventsToWire(period: WaitEventPeriod): vigil.v1.IPgWaitEventPeriod {
  return {
    periodStartMs: period.periodStartMs,
    periodEndMs: period.periodEndMs,
    samples: period.samples,
    events: period.events.map((e) => ({ waitEventType: e.waitEventType, waitEvent: e.waitEvent, count: e.count })),
  };
}
