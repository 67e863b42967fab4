import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { compressionRatio, mergesCompletionS } from '../../engines/figures/clickhouse-figures.js';
import { sumOf } from '../../engines/figures/ratio.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import type { RouteSpec } from '../route.js';
import { clickHouseDatabase, iso } from './clickhouse-internals.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { panelRoute } from './database-scope.js';
import { keeperPanelRoutes } from './keeper-panels.js';
import { limitParam } from './route-support.js';

/**
 * ClusterSight's dashboard panels, per ClickHouse database: /panels/disk, /panels/compression,
 * /panels/broken-parts, /panels/mutations (current state, no range) and /panels/errors,
 * /panels/replication, /panels/merges (?range in seconds or 1h|6h|24h|7d). Series cover the whole
 * range, oldest bucket first.
 */

/** system.disks arrived with storage policies in 19.15; before it the agent reports the table missing and sends no disks. */
const DISKS_SINCE = { major: 19, minor: 15 } as const;

/** Why the disk panel is empty: a release without system.disks, or no snapshot (or an empty one) yet; undefined when there is data. */
function disksAbsenceReason(db: Database, snapshot: { readonly disks: readonly unknown[] } | null): string | undefined {
  if (snapshot && snapshot.disks.length > 0) return undefined;
  const match = /^(\d+)\.(\d+)/.exec(db.engine_version ?? '');
  if (match) {
    const [major, minor] = [Number(match[1]), Number(match[2])];
    if (major < DISKS_SINCE.major || (major === DISKS_SINCE.major && minor < DISKS_SINCE.minor)) {
      return `system.disks needs ClickHouse ${DISKS_SINCE.major}.${DISKS_SINCE.minor} or later; this server runs ${db.engine_version} (its free space shows in /server-metrics once the agent reads it elsewhere)`;
    }
  }
  return snapshot ? 'The newest disks snapshot lists no disk' : 'No disks snapshot received for this database yet';
}

/** ClusterSight's named ranges and the bucket each is drawn with (60 to 168 points). */
const RANGES = { '1h': { ms: 3600_000, bucketMs: 60_000 }, '6h': { ms: 6 * 3600_000, bucketMs: 300_000 }, '24h': { ms: 24 * 3600_000, bucketMs: 900_000 }, '7d': { ms: 7 * 86_400_000, bucketMs: 3600_000 } } as const;
type RangeName = keyof typeof RANGES;
const RANGE_NAMES = Object.keys(RANGES) as RangeName[];
const MIN_RANGE_S = 60;
const MAX_RANGE_S = 604_800;
/** A range in seconds is drawn in whole minutes, at most about this many buckets. */
const RANGE_POINTS = 120;

/** A panel's range as asked (echoed back as `range`) and what it covers. */
interface PanelRange {
  readonly given: RangeName | number;
  readonly ms: number;
  readonly bucketMs: number;
}

function panelRange(given: RangeName | number): PanelRange {
  if (typeof given === 'string') return { given, ...RANGES[given] };
  return { given, ms: given * 1000, bucketMs: Math.max(1, Math.ceil(given / RANGE_POINTS / 60)) * 60_000 };
}

/**
 * `range` of every ranged panel, one parser for both of ClusterSight's forms: its errors panel takes
 * integer seconds, its replication and merges panels 1h|6h|24h|7d; a user should not need to know
 * which, so each panel takes either. Panels showing the current state take no `range` at all.
 */
export function rangeParam(fallback: RangeName | number) {
  return z
    .union([z.enum(RANGE_NAMES), z.coerce.number().int().min(MIN_RANGE_S).max(MAX_RANGE_S)], {
      error: `must be a whole number of seconds from ${MIN_RANGE_S} to ${MAX_RANGE_S}, or one of ${RANGE_NAMES.join(', ')}`,
    })
    .default(fallback)
    .transform(panelRange)
    .describe(`Seconds back from now (${MIN_RANGE_S}–${MAX_RANGE_S}) or one of ${RANGE_NAMES.join(', ')}; default ${fallback}`);
}

export const RangeView = z.union([z.enum(RANGE_NAMES), z.number()]).describe('The range as asked: a name or seconds');

export function window(range: PanelRange): { since: number; until: number; bucketMs: number } {
  const until = Date.now();
  return { since: until - range.ms, until, bucketMs: range.bucketMs };
}

export const SeriesWindow = {
  bucket_seconds: z.number(),
  since: z.string(),
  until: z.string(),
};

export function seriesWindow(w: { since: number; until: number; bucketMs: number }): { bucket_seconds: number; since: string; until: string } {
  return { bucket_seconds: w.bucketMs / 1000, since: new Date(w.since).toISOString(), until: new Date(w.until).toISOString() };
}

const Ts = z.string().nullable().describe('When the snapshot was taken; null before the first one');
const Time = z.string().nullable();

/** ClusterSight's panels for one ClickHouse database. */
export function panelRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    panelRoute({
      path: '/databases/{id}/panels/disk',
      summary: 'Disk usage per disk (ClickHouse panel)',
      success: {
        status: 200,
        description: 'The newest disks snapshot, by disk name',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          reason: z.string().nullable().describe('Why `disks` is empty: a release without system.disks (before 19.15), or no snapshot (or an empty one) yet; null when there is data'),
          disks: z.array(
            z.object({
              name: z.string(),
              path: z.string(),
              type: z.string(),
              total_bytes: z.number(),
              free_bytes: z.number(),
              used_bytes: z.number(),
              usage_pct: z.number().nullable().describe('used / total × 100; null when the disk reports no size'),
              unreserved_bytes: z.number(),
              keep_free_bytes: z.number(),
            }),
          ),
        }),
      },
      async handler({ principal, params }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const disks = await reads.latest('clickhouse_disks', db, { limit: 1000 });
        return { body: { database_id: db.id, ts: iso(disks?.ts ?? null), reason: disksAbsenceReason(db, disks) ?? null, disks: disks?.disks ?? [] } };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/compression',
      summary: 'Compression per table (ClickHouse panel)',
      query: z.object({ limit: limitParam(100, 500) }),
      success: {
        status: 200,
        description: 'The newest parts snapshot, largest compressed size first (then by name)',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          tables: z.array(
            z.object({
              database: z.string(),
              table: z.string(),
              compressed_bytes: z.number(),
              uncompressed_bytes: z.number(),
              compression_ratio: z
                .number()
                .nullable()
                .describe('uncompressed ÷ compressed bytes: 5 means stored at a fifth of its size (above 1 is a saving, as ClickHouse users read it); null when nothing is stored compressed'),
            }),
          ),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const parts = await reads.latest('clickhouse_parts', db, { limit: query.limit, order: 'compressed_bytes' });
        return {
          body: {
            database_id: db.id,
            ts: iso(parts?.ts ?? null),
            tables: (parts?.tables ?? []).map((t) => ({
              database: t.database,
              table: t.table,
              compressed_bytes: t.data_compressed_bytes,
              uncompressed_bytes: t.data_uncompressed_bytes,
              compression_ratio: compressionRatio(t.data_compressed_bytes, t.data_uncompressed_bytes),
            })),
          },
        };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/broken-parts',
      summary: 'Detached and broken parts per table (ClickHouse panel)',
      query: z.object({ limit: limitParam(100, 500) }),
      success: {
        status: 200,
        description: 'The newest parts snapshot, most detached parts first (then by name)',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          has_detached: z.boolean().nullable().describe('False where the release has no system.detached_parts: then the list is empty because nothing is known'),
          tables: z.array(
            z.object({
              database: z.string(),
              table: z.string(),
              detached_parts: z.number(),
              broken_parts: z.number().describe('Detached by ClickHouse as broken'),
              reasons: z.array(z.object({ reason: z.string().describe('Empty for parts detached by hand'), parts: z.number() })),
            }),
          ),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const detached = await reads.latest('clickhouse_detached_parts', db, { limit: query.limit });
        return { body: { database_id: db.id, ts: iso(detached?.ts ?? null), has_detached: detached ? detached.has_detached : null, tables: detached?.tables ?? [] } };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/mutations',
      summary: 'Active mutations with the parts each has left, per database (ClickHouse panel)',
      query: z.object({ limit: limitParam(100, 500) }),
      success: {
        status: 200,
        description: 'The newest mutations snapshot: totals per database (most parts remaining first), and the mutations, oldest first',
        schema: z.object({
          database_id: z.string(),
          ts: Ts,
          mutations_total: z.number(),
          parts_remaining: z.number().describe('Parts still to mutate, over all active mutations'),
          databases: z.array(z.object({ database: z.string(), mutations: z.number(), parts_remaining: z.number(), stuck: z.number() })),
          mutations: z.array(
            z.object({
              database: z.string(),
              table: z.string(),
              mutation_id: z.string(),
              command: z.string().describe('The ALTER command, literal values stripped'),
              create_time: Time,
              age_s: z.number(),
              parts_remaining: z.number().describe("system.mutations' parts_to_do"),
              is_stuck: z.boolean(),
              latest_fail_reason: z.string(),
            }),
          ),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        // Totals over the whole snapshot, not only the `limit` mutations listed.
        const [found, databases] = await Promise.all([reads.latest('clickhouse_mutations', db, { limit: query.limit }), reads.latest('clickhouse_mutations_by_database', db)]);
        return {
          body: {
            database_id: db.id,
            ts: iso(found?.ts ?? null),
            mutations_total: found?.mutations_total ?? 0,
            parts_remaining: sumOf(databases, (d) => d.parts_remaining),
            databases,
            mutations: (found?.mutations ?? []).map((m) => ({
              database: m.database,
              table: m.table,
              mutation_id: m.mutation_id,
              command: m.command,
              create_time: iso(m.create_time),
              age_s: m.age_s,
              parts_remaining: m.parts_to_do,
              is_stuck: m.is_stuck,
              latest_fail_reason: m.latest_fail_reason,
            })),
          },
        };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/errors',
      summary: 'Error events over time, from system.errors (ClickHouse panel)',
      query: z.object({ range: rangeParam(3600) }),
      success: {
        status: 200,
        description: `Error counts per bucket (a range in seconds: whole minutes, at most about ${RANGE_POINTS} buckets) and per error, most frequent first, at most 50`,
        schema: z.object({
          database_id: z.string(),
          range: RangeView,
          ...SeriesWindow,
          total: z.number(),
          series: z.array(z.object({ ts: z.string(), count: z.number() })),
          errors: z.array(
            z.object({ code: z.number(), name: z.string(), remote: z.boolean(), count: z.number(), last_error_time: Time, last_error_message: z.string().describe('Quoted values replaced by the agent') }),
          ),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const w = window(query.range);
        const panel = await reads.series('clickhouse_errors', db, w, w.bucketMs, { limit: 50 });
        return {
          body: {
            database_id: db.id,
            range: query.range.given,
            ...seriesWindow(w),
            total: panel.total,
            series: panel.series.map((p) => ({ ts: new Date(p.ts).toISOString(), count: p.count })),
            errors: panel.errors.map((e) => ({ ...e, last_error_time: iso(e.last_error_time) })),
          },
        };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/replication',
      summary: 'Replication lag per replicated table over time (ClickHouse panel)',
      query: z.object({ range: rangeParam('1h'), limit: limitParam(20, 100).describe('Tables with a series, most delayed first (max 100)') }),
      success: {
        status: 200,
        description: 'Lag series of the most delayed tables (then by name), and the newest replicas and queue snapshots',
        schema: z.object({
          database_id: z.string(),
          range: RangeView,
          ...SeriesWindow,
          tables_total: z.number().describe('Replicated tables seen in the range'),
          tables: z.array(
            z.object({
              database: z.string(),
              table: z.string(),
              max_delay_s: z.number(),
              points: z.array(z.object({ ts: z.string(), absolute_delay_s: z.number().nullable(), queue_size: z.number().nullable() })).describe('Null where no snapshot fell in the bucket'),
            }),
          ),
          current: z
            .object({
              ts: z.string(),
              replicas: z.array(
                z.object({
                  database: z.string(),
                  table: z.string(),
                  is_leader: z.boolean(),
                  is_readonly: z.boolean(),
                  is_session_expired: z.boolean(),
                  absolute_delay_s: z.number(),
                  queue_size: z.number(),
                  inserts_in_queue: z.number(),
                  merges_in_queue: z.number(),
                  part_mutations_in_queue: z.number(),
                  future_parts: z.number(),
                  parts_to_check: z.number(),
                  queue_oldest_time: Time,
                  last_queue_update: Time,
                }),
              ),
            })
            .nullable(),
          queue: z
            .object({
              ts: z.string(),
              groups: z.array(
                z.object({
                  database: z.string(),
                  table: z.string(),
                  type: z.string(),
                  entries: z.number(),
                  executing: z.number(),
                  max_num_tries: z.number(),
                  entries_with_exception: z.number(),
                  num_postponed: z.number(),
                  oldest_create_time: Time,
                  last_exception: z.string(),
                  last_exception_time: Time,
                }),
              ),
            })
            .nullable(),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const w = window(query.range);
        const [lag, replicas, queue] = await Promise.all([
          reads.series('clickhouse_replication_lag', db, w, w.bucketMs, { limit: query.limit }),
          reads.latest('clickhouse_replicas', db, { limit: query.limit }),
          reads.latest('clickhouse_replication_queue', db, { limit: query.limit }),
        ]);
        return {
          body: {
            database_id: db.id,
            range: query.range.given,
            ...seriesWindow(w),
            tables_total: lag.tables_total,
            tables: lag.tables.map((t) => ({ ...t, points: t.points.map((p) => ({ ...p, ts: new Date(p.ts).toISOString() })) })),
            current: replicas && {
              ts: new Date(replicas.ts).toISOString(),
              replicas: replicas.replicas.map((r) => ({ ...r, queue_oldest_time: iso(r.queue_oldest_time), last_queue_update: iso(r.last_queue_update) })),
            },
            queue: queue && {
              ts: new Date(queue.ts).toISOString(),
              groups: queue.groups.map((g) => ({ ...g, oldest_create_time: iso(g.oldest_create_time), last_exception_time: iso(g.last_exception_time) })),
            },
          },
        };
      },
    }),
    panelRoute({
      path: '/databases/{id}/panels/merges',
      summary: 'Active merges over time and estimated completion (ClickHouse panel)',
      query: z.object({ range: rangeParam('1h') }),
      success: {
        status: 200,
        description: 'Per bucket the busiest snapshot (null where none fell in it), and the newest snapshot',
        schema: z.object({
          database_id: z.string(),
          range: RangeView,
          ...SeriesWindow,
          series: z.array(z.object({ ts: z.string(), active_merges: z.number().nullable(), mutation_merges: z.number().nullable(), bytes_merging: z.number().nullable() })),
          current: z
            .object({
              ts: z.string(),
              active_merges: z.number(),
              estimated_completion_s: z.number().nullable().describe('Until the last running merge ends, at each merge\'s pace so far; null when none has progressed yet'),
            })
            .nullable(),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await clickHouseDatabase(ctx, principal.orgId, params.id);
        const w = window(query.range);
        const [series, latest] = await Promise.all([reads.series('clickhouse_merges', db, w, w.bucketMs), reads.latest('clickhouse_merges', db, { limit: 1000 })]);
        return {
          body: {
            database_id: db.id,
            range: query.range.given,
            ...seriesWindow(w),
            series: series.map((p) => ({ ...p, ts: new Date(p.ts).toISOString() })),
            current: latest && {
              ts: new Date(latest.ts).toISOString(),
              active_merges: latest.merges_total,
              estimated_completion_s: mergesCompletionS(latest.merges),
            },
          },
        };
      },
    }),
    ...keeperPanelRoutes(ctx),
  ];
}
