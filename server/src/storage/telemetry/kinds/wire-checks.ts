import { camelOf, VigilError } from '@vigil/shared';
import type { BatchIdentity } from '../record-kind.js';

/**
 * Checks on records' wire values, for every record kind. Each names the field by its wire path
 * (`clickhouse_parts[0].tables[3].rows`, `pg_activity[0].sessions[3].pid`) so an agent author can
 * find what to fix; the whole batch is refused on the first bad value, never stored in part.
 */

/** Longest identifier we store (database, table, disk, user names): servers' own names are far shorter. */
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

/** A wire field as protobufjs decodes it: absent fields are null or undefined. */
export type Wire<T> = T | null | undefined;

export function bad(field: string, what: string): VigilError {
  return new VigilError('INGEST_BAD_BATCH', `${field}: ${what}`);
}

/** A uint64 counter or size: JS numbers are exact only below 2^53, and a negative count wrapped into a uint64 lands beyond it. */
export function counter(value: Wire<number>, field: string): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < 0) throw bad(field, 'must be a non-negative integer below 2^53');
  return n;
}

/** A signed integer the store keeps exactly (int64 gauges, millisecond times, tuple counts PostgreSQL may report as -1). */
export function integer(value: Wire<number>, field: string): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n)) throw bad(field, 'must be an integer below 2^53 in magnitude');
  return n;
}

/** An int32 (error codes). */
export function int32(value: Wire<number>, field: string): number {
  const n = integer(value, field);
  if (n < -(2 ** 31) || n >= 2 ** 31) throw bad(field, 'must be a 32-bit integer');
  return n;
}

/** A double (byte distances, sequence bounds, fractions): finite, since NaN and infinities cannot round-trip through JSON. */
export function finite(value: Wire<number>, field: string): number {
  const n = value ?? 0;
  if (!Number.isFinite(n)) throw bad(field, 'must be a finite number');
  return n;
}

/** A measured amount (durations, seconds, sizes): finite and non-negative. */
export function nonNegative(value: Wire<number>, field: string): number {
  const n = finite(value, field);
  if (n < 0) throw bad(field, 'must not be negative');
  return n;
}

/** A record's own time (Unix ms): from the year 2000 to a day past the batch window. */
export function timestamp(value: Wire<number>, field: string, at: BatchIdentity): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < EARLIEST_MS || n > at.window_end + MAX_AHEAD_MS) {
    throw bad(field, 'must be Unix milliseconds from the year 2000 to no more than a day past the batch window');
  }
  return n;
}

/** An optional point in time in Unix ms: 0 means none; anything else must be a sane integer. */
export function optionalMs(value: Wire<number>, field: string): number {
  const ms = value ?? 0;
  if (!Number.isSafeInteger(ms) || ms < 0) throw bad(field, 'must be 0 or non-negative Unix milliseconds');
  return ms;
}

/** A name that identifies something (a table, a disk, a hash): required, bounded. */
export function name(value: Wire<string>, field: string, max = MAX_NAME): string {
  const s = value ?? '';
  if (s.length === 0 || s.length > max) throw bad(field, `must be 1 to ${max} characters`);
  return s;
}

/** A label that may be empty (a merge type, a detach reason, a user): bounded, never cut. */
export function label(value: Wire<string>, field: string, max = MAX_NAME): string {
  const s = value ?? '';
  if (s.length > max) throw bad(field, `must be at most ${max} characters`);
  return s;
}

/** Text cut to `max` characters: names and texts never make a batch invalid, but never grow a row without bound. */
export function text(value: Wire<string>, max = MAX_NAME): string {
  return (value ?? '').slice(0, max);
}

/** `text` as a column's wire check (see kind-table.ts's fromWire): cut to `max` characters. */
export function cut(max = MAX_NAME): (value: Wire<string>) => string {
  return (value) => text(value, max);
}

/** A number the wire's type already bounds (int32, uint32): 0 when absent. */
export function orZero(value: Wire<number>): number {
  return value ?? 0;
}

/** A flag: false when absent. */
export function orFalse(value: Wire<boolean>): boolean {
  return value ?? false;
}

/** A repeated field, refused whole when longer than `max` (well above what the agent sends). */
export function items<T>(list: Wire<readonly T[]>, field: string, max = MAX_ITEMS): readonly T[] {
  const l = list ?? [];
  if (l.length > max) throw bad(field, `at most ${max} per record, got ${l.length}`);
  return l;
}

/** int32 values of a repeated field (pids). */
export function int32List(value: Wire<readonly number[]>, field: string, max = MAX_ITEMS): number[] {
  return items(value, field, max).map((n, i) => int32(n, `${field}[${i}]`));
}

/** int32List as a column's wire check, with at most `max` values. */
export function int32s(max: number): (value: Wire<readonly number[]>, field: string) => number[] {
  return (value, field) => int32List(value, field, max);
}

/** A ClickHouseQueryHashSource: unspecified, server or agent. */
export function hashSource(value: Wire<number>, field: string): number {
  const n = value ?? 0;
  if (n !== 0 && n !== 1 && n !== 2) throw bad(field, `unknown value ${n}`);
  return n;
}

/**
 * Numeric wire fields by their snake_case names: *_ms ones as non-negative doubles (durations),
 * the rest as uint64 counters; all 0 when `source` is absent (no deltas this time).
 */
export function wireNumbers<const N extends string>(names: readonly N[], source: object | null | undefined, path: string): Record<N, number> {
  const wire = (source ?? {}) as Readonly<Record<string, Wire<number>>>;
  const out = {} as Record<N, number>;
  // Per row of the largest batches: the checks' field paths are built only for a value they refuse.
  for (const { field, camel, duration } of wireFieldsOf(names)) {
    const value = wire[camel] ?? 0;
    const ok = duration ? Number.isFinite(value) && value >= 0 : Number.isSafeInteger(value) && value >= 0;
    out[field as N] = ok ? value : duration ? nonNegative(value, `${path}.${field}`) : counter(value, `${path}.${field}`);
  }
  return out;
}

/** wireNumbers' fields with their camelCase names, worked out once per list. */
const wireFields = new WeakMap<readonly string[], readonly { readonly field: string; readonly camel: string; readonly duration: boolean }[]>();

function wireFieldsOf(names: readonly string[]): readonly { readonly field: string; readonly camel: string; readonly duration: boolean }[] {
  let fields = wireFields.get(names);
  if (!fields) wireFields.set(names, (fields = names.map((field) => ({ field, camel: camelOf(field), duration: field.endsWith('_ms') }))));
  return fields;
}
