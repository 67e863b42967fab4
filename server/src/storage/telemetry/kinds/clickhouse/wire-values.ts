import { VigilError } from '@vigil/shared';
import type { BatchIdentity } from '../../record-kind.js';

/**
 * Checks on ClickHouse records' wire values. Each names the field by its wire path
 * (`clickhouse_parts[0].tables[3].rows`) so an agent author can find what to fix; the whole batch is
 * refused on the first bad value, never stored in part.
 */

/** Longest identifier we store (database, table, disk, user names): ClickHouse's own names are far shorter. */
export const MAX_NAME = 1024;
/** Longest free text (query texts, mutation commands): the same cap as statement texts. */
export const MAX_TEXT = 64 * 1024;
/** Longest error message or exception: the agent cuts them to 512 characters; leave room for multibyte. */
export const MAX_MESSAGE = 2048;
/** Most items of one list in one record: the agent sends at most a few hundred of anything. */
export const MAX_ITEMS = 10_000;

/** Snapshots come with the agent's clock; a day ahead of the batch window is a broken clock. */
const MAX_AHEAD_MS = 24 * 3600 * 1000;
const EARLIEST_MS = Date.UTC(2000, 0, 1);

function bad(field: string, what: string): VigilError {
  return new VigilError('INGEST_BAD_BATCH', `${field}: ${what}`);
}

/** A counter or size: a non-negative integer below 2^53 (a uint64 past that is a wrapped negative). */
export function count(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < 0) throw bad(field, 'must be a non-negative integer below 2^53');
  return n;
}

/** A signed integer below 2^53 in magnitude (int32 codes, int64 gauges and millisecond times). */
export function integer(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n)) throw bad(field, 'must be an integer below 2^53 in magnitude');
  return n;
}

/** A measured amount (durations, seconds, fractions): finite and non-negative. */
export function amount(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  if (!Number.isFinite(n) || n < 0) throw bad(field, 'must be a finite non-negative number');
  return n;
}

/** A record's own time (Unix ms): from the year 2000 to a day past the batch window. */
export function timestamp(value: number | null | undefined, field: string, at: BatchIdentity): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < EARLIEST_MS || n > at.window_end + MAX_AHEAD_MS) {
    throw bad(field, 'must be Unix milliseconds from the year 2000 to no more than a day after the batch window');
  }
  return n;
}

/** A name that identifies something (a table, a disk, a hash): required, bounded. */
export function name(value: string | null | undefined, field: string, max = MAX_NAME): string {
  const s = value ?? '';
  if (s.length === 0 || s.length > max) throw bad(field, `must be 1 to ${max} characters`);
  return s;
}

/** A label that may be empty (a merge type, a detach reason, a user): bounded, never cut. */
export function label(value: string | null | undefined, field: string, max = MAX_NAME): string {
  const s = value ?? '';
  if (s.length > max) throw bad(field, `must be at most ${max} characters`);
  return s;
}

/** Free text (query texts, messages): kept up to `max` characters, the rest cut rather than refused. */
export function text(value: string | null | undefined, max: number): string {
  return (value ?? '').slice(0, max);
}

/** A repeated field, refused whole when longer than `max`. */
export function items<T>(list: readonly T[] | null | undefined, field: string, max = MAX_ITEMS): readonly T[] {
  const l = list ?? [];
  if (l.length > max) throw bad(field, `at most ${max} per record, got ${l.length}`);
  return l;
}

/** A ClickHouseQueryHashSource: unspecified, server or agent. */
export function hashSource(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  if (n !== 0 && n !== 1 && n !== 2) throw bad(field, `unknown value ${n}`);
  return n;
}
