import type { KindContext } from '../record-kind.js';
import { AT, AT_MANY, LATEST, LATEST_MANY_READERS, OVER, OVER_MANY, SERIES, SERIES_MANY, type DatabaseRef, type TimeRange } from './kind-readers.js';

/**
 * The one read seam over stored telemetry (issue 10): API routes, the health and alert engines and
 * the doctor read every kind through it, typed by the kind's name — `latest('pg_activity', db)`
 * returns the activity snapshot — and scoped by organization and database, so no caller imports a
 * kind module or builds a KindContext. Figures derived from what it returns live in engines/figures/.
 */

/** A database as callers hold it (a metadata `Database` row is one): its organization and id. */
export interface DatabaseKey {
  readonly org_id: string;
  readonly id: string;
}

/** Where reads run: the telemetry store (its backend client and schema). */
export interface KindContextSource {
  kindContext(): KindContext;
}

export type LatestKind = keyof typeof LATEST;
export type SeriesKind = keyof typeof SERIES;
export type RangeKind = keyof typeof OVER;
export type AtKind = keyof typeof AT;

/** The options after the scope of a reader, optional where the reader has defaults. */
type OptionsOf<F> = F extends (ctx: KindContext, at: never, ...options: infer O) => Promise<unknown> ? O : never;
type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** What `latest(kind, …)` returns: the kind's snapshot type, null before the first snapshot (an empty list for per-group kinds). */
export type LatestOf<K extends LatestKind> = ResultOf<(typeof LATEST)[K]>;
export type SeriesOf<K extends SeriesKind> = ResultOf<(typeof SERIES)[K]>;
export type RangeOf<K extends RangeKind> = ResultOf<(typeof OVER)[K]>;
export type AtOf<K extends AtKind> = ResultOf<(typeof AT)[K]>;

/** The newest snapshot of each kind asked for, by kind name. */
export type Snapshot<K extends LatestKind> = { readonly [P in K]: LatestOf<P> };

/**
 * A kind's batch form: its newest snapshot for many databases of one read (one query per kind, not
 * per database), keyed by database id; databases without one are absent. `snapshots()` uses it where
 * a kind has one and falls back to one read per database (at most SNAPSHOT_CONCURRENCY at a time).
 */
export type LatestMany<K extends LatestKind> = (ctx: KindContext, dbs: readonly DatabaseRef[]) => Promise<ReadonlyMap<string, LatestOf<K>>>;
export type LatestManyRegistry = { readonly [K in LatestKind]?: LatestMany<K> };

/** Kinds with a batch form: each kind module's many-read (`LIMIT 1 BY database_id` over `database_id IN (…)`), which its single read calls with one database. */
export const LATEST_MANY: LatestManyRegistry = LATEST_MANY_READERS;

export type RangeManyKind = keyof typeof OVER_MANY;
export type SeriesManyKind = keyof typeof SERIES_MANY;
export type AtManyKind = keyof typeof AT_MANY;
type ManyOptionsOf<F> = F extends (ctx: KindContext, dbs: never, range: never, ...options: infer O) => Promise<unknown> ? O : never;
type AtManyOptionsOf<F> = F extends (ctx: KindContext, ats: never, ...options: infer O) => Promise<unknown> ? O : never;
/** What a many-read answers: by database id. */
export type ManyOf<F> = ResultOf<F>;

/** Per-database reads in flight at once for a kind without a batch form. */
const SNAPSHOT_CONCURRENCY = 16;

export interface TelemetryReads {
  /** The newest snapshot of `kind` for a database: null before the first one. */
  latest<K extends LatestKind>(kind: K, db: DatabaseKey, ...options: OptionsOf<(typeof LATEST)[K]>): Promise<LatestOf<K>>;
  /** `kind` over [since, until) in buckets of `bucketMs`, oldest first. */
  series<K extends SeriesKind>(kind: K, db: DatabaseKey, range: TimeRange, bucketMs: number, ...options: OptionsOf<(typeof SERIES)[K]>): Promise<SeriesOf<K>>;
  /** `kind` aggregated over [since, until): ranked lists, counter totals, objects looked up by name. */
  over<K extends RangeKind>(kind: K, db: DatabaseKey, range: TimeRange, ...options: OptionsOf<(typeof OVER)[K]>): Promise<RangeOf<K>>;
  /** Details of the snapshot at `ts` (as a `latest` read returned it). */
  at<K extends AtKind>(kind: K, db: DatabaseKey, ts: number, ...options: OptionsOf<(typeof AT)[K]>): Promise<AtOf<K>>;
  /** The newest snapshot of every kind asked for, read at once (what an engine evaluates a database over). */
  snapshot<K extends LatestKind>(db: DatabaseKey, kinds: readonly K[]): Promise<Snapshot<K>>;
  /** `snapshot` for many databases (an engine tick), by database id: one query per kind where the kind has a batch form. */
  snapshots<K extends LatestKind>(dbs: readonly DatabaseKey[], kinds: readonly K[]): Promise<Map<string, Snapshot<K>>>;
  /** `over` for many databases over one range, in one query, by database id (absent: nothing in the range, except where the entry says). */
  overMany<K extends RangeManyKind>(kind: K, dbs: readonly DatabaseKey[], range: TimeRange, ...options: ManyOptionsOf<(typeof OVER_MANY)[K]>): Promise<ManyOf<(typeof OVER_MANY)[K]>>;
  /** `series` for many databases over one range, in one query, by database id. */
  seriesMany<K extends SeriesManyKind>(kind: K, dbs: readonly DatabaseKey[], range: TimeRange, bucketMs: number): Promise<ManyOf<(typeof SERIES_MANY)[K]>>;
  /** `at` for many databases, each at its own `ts`, in one query, by database id. */
  atMany<K extends AtManyKind>(kind: K, ats: readonly (DatabaseKey & { readonly ts: number } & ManyAtExtra<K>)[], ...options: AtManyOptionsOf<(typeof AT_MANY)[K]>): Promise<ManyOf<(typeof AT_MANY)[K]>>;
}

/** What an `atMany` entry takes per database beyond its scope and time. */
type ManyAtExtra<K extends AtManyKind> = Omit<Parameters<(typeof AT_MANY)[K]>[1][number], 'orgId' | 'databaseId' | 'ts'>;

type AnyReader<S> = (ctx: KindContext, at: S, ...options: unknown[]) => Promise<unknown>;

function refOf(db: DatabaseKey): DatabaseRef {
  return { orgId: db.org_id, databaseId: db.id };
}

/** Runs `work` over items, at most `limit` at a time, keeping their order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The read seam over a telemetry store. */
export function telemetryReads(store: KindContextSource, many: LatestManyRegistry = LATEST_MANY): TelemetryReads {
  // Each registry entry is typed on its own; dispatch by name loses the pairing of name and signature, hence these views.
  const latest = LATEST as unknown as Record<LatestKind, AnyReader<DatabaseRef>>;
  const series = SERIES as unknown as Record<SeriesKind, AnyReader<DatabaseRef & TimeRange & { bucketMs: number }>>;
  const over = OVER as unknown as Record<RangeKind, AnyReader<DatabaseRef & TimeRange>>;
  const at = AT as unknown as Record<AtKind, AnyReader<DatabaseRef & { ts: number }>>;
  const batch = many as Record<LatestKind, LatestMany<LatestKind> | undefined>;

  const reads: TelemetryReads = {
    latest: (kind, db, ...options) => latest[kind](store.kindContext(), refOf(db), ...options) as never,
    series: (kind, db, range, bucketMs, ...options) =>
      series[kind](store.kindContext(), { ...refOf(db), since: range.since, until: range.until, bucketMs }, ...options) as never,
    over: (kind, db, range, ...options) => over[kind](store.kindContext(), { ...refOf(db), since: range.since, until: range.until }, ...options) as never,
    at: (kind, db, ts, ...options) => at[kind](store.kindContext(), { ...refOf(db), ts }, ...options) as never,

    async snapshot(db, kinds) {
      const ctx = store.kindContext();
      const values = await Promise.all(kinds.map((kind) => latest[kind](ctx, refOf(db))));
      return Object.fromEntries(kinds.map((kind, i) => [kind, values[i]])) as never;
    },

    async snapshots(dbs, kinds) {
      const ctx = store.kindContext();
      const refs = dbs.map(refOf);
      const byKind = await Promise.all(
        kinds.map(async (kind): Promise<ReadonlyMap<string, unknown>> => {
          const batchRead = batch[kind];
          if (batchRead) return batchRead(ctx, refs);
          const values = await mapLimited(refs, SNAPSHOT_CONCURRENCY, (ref) => latest[kind](ctx, ref));
          return new Map(refs.map((ref, i) => [ref.databaseId, values[i]]));
        }),
      );
      const out = new Map<string, Snapshot<(typeof kinds)[number]>>();
      for (const ref of refs) {
        // A kind whose batch form found nothing for the database reads as before its first snapshot.
        out.set(ref.databaseId, Object.fromEntries(kinds.map((kind, i) => [kind, byKind[i]!.get(ref.databaseId) ?? emptyLatest(kind)])) as never);
      }
      return out;
    },

    overMany: (kind, dbs, range, ...options) =>
      (OVER_MANY[kind] as unknown as (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange, ...o: unknown[]) => Promise<never>)(store.kindContext(), dbs.map(refOf), range, ...options),
    seriesMany: (kind, dbs, range, bucketMs) => SERIES_MANY[kind](store.kindContext(), dbs.map(refOf), { ...range, bucketMs }) as never,
    atMany: (kind, ats, ...options) =>
      (AT_MANY[kind] as unknown as (ctx: KindContext, ats: readonly unknown[], ...o: unknown[]) => Promise<never>)(
        store.kindContext(),
        ats.map(({ org_id: orgId, id, ...rest }) => ({ ...rest, ...refOf({ org_id: orgId, id }) })),
        ...options,
      ),
  };
  return reads;
}

/** What a kind's latest read returns before its first snapshot: null, or an empty list for per-group kinds. */
function emptyLatest(kind: LatestKind): unknown {
  return kind === 'clickhouse_mutations_by_database' ? [] : null;
}
