import type { Derived, MetricObject } from './metric-entry.js';
import type { ClickHouseInput, MetricInput, PostgresInput } from './metric-input.js';

/** Helpers the catalogue's derive functions share. */

/** How many objects a metric names at most (the worst first): enough to act on, short enough for a Slack field. */
export const MAX_OBJECTS = 10;

export function unavailable(reason: string): Derived {
  return { unavailable: reason };
}

/** The reason for a kind with no snapshot yet. */
export function noSnapshot(what: string): Derived {
  return unavailable(`no ${what} received yet (the agent has not sent one, or its collector is disabled)`);
}

/** What each part of an engine's input is called while it has not arrived ("no … received yet"). */
const POSTGRES_PARTS: Readonly<Record<keyof PostgresInput, string>> = {
  activity: 'pg_stat_activity snapshot',
  locks: 'pg_locks snapshot',
  database_stats: 'pg_stat_database reading',
  settings: 'settings reading',
  tables: 'table statistics reading',
  invalid_indexes: 'index statistics reading',
  sequences: 'sequences reading',
  replication: 'replication snapshot',
  checkpoints: 'checkpointer reading',
};
const CLICKHOUSE_PARTS: Readonly<Record<keyof ClickHouseInput, string>> = {
  server: 'server reading',
  server_totals: 'server counters',
  memory_limit_bytes: 'memory limit',
  parts: 'system.parts snapshot',
  detached: 'system.detached_parts snapshot',
  merges: 'system.merges snapshot',
  mutations: 'system.mutations snapshot',
  replicas: 'system.replicas snapshot',
  replication_queue: 'system.replication_queue snapshot',
  disks: 'system.disks snapshot',
  processes: 'system.processes snapshot',
  query_stats: 'query log reading',
};

type Part<I, K extends keyof I> = NonNullable<I[K]>;

/** A derive over one part of the engine's input, which it is given present; absent, the metric is unavailable as "no <part> received yet". */
function fromPart<I, K extends keyof I>(
  inputOf: (input: MetricInput) => I | undefined,
  names: Readonly<Record<keyof I, string>>,
  part: K,
  derive: (value: Part<I, K>, engineInput: I, input: MetricInput) => Derived,
): (input: MetricInput) => Derived {
  return (input) => {
    const engineInput = inputOf(input);
    const value = engineInput?.[part];
    return engineInput && value !== null && value !== undefined ? derive(value as Part<I, K>, engineInput, input) : noSnapshot(names[part]);
  };
}

export function fromPg<K extends keyof PostgresInput>(part: K, derive: (value: Part<PostgresInput, K>, pg: PostgresInput, input: MetricInput) => Derived) {
  return fromPart((input) => input.pg, POSTGRES_PARTS, part, derive);
}

export function fromCh<K extends keyof ClickHouseInput>(part: K, derive: (value: Part<ClickHouseInput, K>, ch: ClickHouseInput, input: MetricInput) => Derived) {
  return fromPart((input) => input.ch, CLICKHOUSE_PARTS, part, derive);
}

/** The value with the objects behind it, the worst `MAX_OBJECTS` kept (objects with values sorted worst first). */
export function found(value: number, objects: readonly MetricObject[] = [], higherIsWorse = true): Derived {
  const sorted = objects.some((o) => o.value !== undefined) ? [...objects].sort((a, b) => (higherIsWorse ? 1 : -1) * ((b.value ?? 0) - (a.value ?? 0))) : objects;
  return { value, objects: sorted.slice(0, MAX_OBJECTS) };
}

/**
 * The largest value over items, with objects built only for the worst MAX_OBJECTS: labels and
 * details are strings, and building them for 200 tables a database made an evaluation tick GC-bound.
 */
export function worstOf<T>(items: readonly T[], valueOf: (item: T) => number, build: (item: T, value: number) => MetricObject): Derived {
  const scored = items.map((item) => ({ item, value: valueOf(item) })).sort((a, b) => b.value - a.value);
  return { value: scored.length > 0 ? Math.max(0, scored[0]!.value) : 0, objects: scored.slice(0, MAX_OBJECTS).map((s) => build(s.item, s.value)) };
}

/** The largest value, 0 with none. */
export function maxOf(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Whether the agent reported a status code about a source (e.g. `system_disks_not_on_release`). */
export function hasStatus(input: MetricInput, code: string): boolean {
  return input.collector_statuses.includes(code);
}

/** A ClickHouse system table the release lacks or the user cannot see, from the heartbeat's statuses; null when neither was reported. */
export function systemTableMissing(input: MetricInput, table: string, since?: string): string | null {
  if (hasStatus(input, `system_${table}_not_on_release`)) {
    return `system.${table} does not exist on ClickHouse ${input.server_version ?? 'this release'}${since ? ` (added in ${since})` : ''}`;
  }
  if (hasStatus(input, `system_${table}_unavailable`)) return `system.${table} is not visible to the agent's user (a missing grant, or the release lacks it)`;
  return null;
}

/** Seconds from milliseconds, to 0.1 s. */
export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/**
 * A figure for a sentence: at most 1 decimal, thousands grouped ("1,024.5"). Hand-rolled because
 * toLocaleString goes through Intl at microseconds a call, which was 90 % of an evaluation tick.
 */
export function fmt(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "a, b and 3 more": objects for a sentence. */
export function nameObjects(objects: readonly MetricObject[], shown = 3): string {
  if (objects.length === 0) return 'the database';
  const labels = objects.slice(0, shown).map((o) => o.label);
  const more = objects.length - labels.length;
  return more > 0 ? `${labels.join(', ')} and ${more} more` : labels.join(', ');
}

/** "a: why; b: why": the first objects with their details, for a sentence. */
export function listObjects(objects: readonly MetricObject[], shown = 2): string {
  return objects
    .slice(0, shown)
    .map((o) => (o.detail ? `${o.label}: ${o.detail}` : o.label))
    .join('; ');
}

/** Shortens a query or message for a detail line. */
export function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
