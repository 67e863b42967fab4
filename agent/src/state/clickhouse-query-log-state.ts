import type { TaskStatus } from '../runner/collector-task.js';

/**
 * system.query_log data in its state kinds:
 * - the watermark persists between runs (and across restarts), so each logged query is read once;
 * - a reading lives for one run: the queries logged since the watermark, grouped per minute and
 *   fingerprint. Groups are already per-window figures, so there is nothing to diff.
 */

// ---------------------------------------------------------------- between runs

/**
 * Where the next read starts: every query logged before `eventTimeS` was read, and of those logged
 * in that very second, the ones listed. ClickHouse flushes its log in batches, so more rows of the
 * boundary second can still arrive; they are read next time, the listed ones are not read twice.
 */
export interface QueryLogWatermark {
  /** Unix seconds (query_log.event_time, which has one-second resolution on every release). */
  readonly eventTimeS: number;
  /** query_ids of the queries already read that ended in second `eventTimeS`. */
  readonly boundaryQueryIds: readonly string[];
}

// ---------------------------------------------------------------- one run

/** How fingerprints were computed: ClickHouse's normalizedQueryHash, or the agent's own over the literal-stripped text. */
export type QueryHashSource = 'server' | 'agent';

/** Where the server's fingerprint came from, for `vigil-agent test` and the tests. */
export type FingerprintMethod = 'normalized_query_hash column' | 'normalizedQueryHash function' | 'agent';

/** Queries of one fingerprint that ended within one minute. */
export interface QueryGroup {
  /** Start of the minute (server clock), Unix ms. */
  readonly minuteStartMs: number;
  /** Unsigned 64-bit fingerprint as a decimal string. */
  readonly queryHash: string;
  readonly hashSource: QueryHashSource;
  /** One query of the group, literal-stripped: safe to leave the host. */
  readonly queryText: string;
  readonly calls: number;
  readonly errors: number;
  /** Failed queries by ClickHouse error code (0: the server did not say). */
  readonly errorsByCode: Readonly<Record<number, number>>;
  readonly totalDurationMs: number;
  readonly p50DurationMs: number;
  readonly p95DurationMs: number;
  readonly p99DurationMs: number;
  readonly readRows: number;
  readonly readBytes: number;
  readonly writtenRows: number;
  readonly writtenBytes: number;
  readonly resultRows: number;
  readonly peakMemoryBytes: number;
  readonly totalMemoryBytes: number;
}

export interface QueryLogReading {
  readonly statuses: readonly TaskStatus[];
  /** Null when the log cannot be read (see statuses). */
  readonly fingerprint: FingerprintMethod | null;
  readonly groups: readonly QueryGroup[];
  /** Where the next run starts; undefined when nothing could be read and there was no watermark before. */
  readonly watermark: QueryLogWatermark | undefined;
}
