/**
 * Wait events in their three state kinds:
 * - a sample lives for one run (sessions per wait event at one moment);
 * - the open period persists between runs (samples added up until its minute is over);
 * - a closed period is what goes out.
 */

export interface WaitEventCount {
  readonly waitEventType: string;
  readonly waitEvent: string;
  /** Sessions in this wait: in one sample, or added up over a period's samples. */
  readonly count: number;
}

export interface WaitSample {
  readonly events: readonly WaitEventCount[];
}

/** The period being filled. Plain JSON data: it is persisted. */
export interface OpenWaitPeriod {
  readonly periodStartMs: number;
  readonly samples: number;
  /** Sessions seen, added up over the samples, by wait_event_type then wait_event. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface WaitEventPeriod {
  readonly periodStartMs: number;
  readonly periodEndMs: number;
  readonly samples: number;
  readonly events: readonly WaitEventCount[];
}
