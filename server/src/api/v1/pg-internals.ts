import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { walBytesPerSecond } from '../../engines/figures/postgres-figures.js';
import { CHECKPOINTER_FIELDS, DATABASE_COUNTERS, IO_FIELDS, WAL_FIELDS } from '../../storage/telemetry/reads/read-shapes.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath } from './database-scope.js';
import { absenceReason, bounded, iso, postgresDatabase, rangeView, SeriesQuery, seriesRange } from './route-support.js';

const MAX_IO_ROWS = 10_000;

/** A zod shape of one number per field name. */
function numbers<const N extends string>(names: readonly N[]) {
  return Object.fromEntries(names.map((name) => [name, z.number()])) as Record<N, z.ZodNumber>;
}

const reason = z.string().nullable().describe('Why the result is empty: a server too old for the view, or no reading yet; null when there is data');
const SeriesEnvelope = { database_id: z.string(), since: z.string(), until: z.string(), bucket: z.number() };
/** The latest reading's window (nulls before the first), and why it is empty. */
const LatestEnvelope = { database_id: z.string(), reason, ts: z.string().nullable(), window_start: z.string().nullable() };

const CheckpointerPoint = z.object({ ts: z.string().describe('Bucket start'), ...numbers(CHECKPOINTER_FIELDS) });
const WalFields = numbers(WAL_FIELDS);
const IoKey = { backend_type: z.string(), object: z.string(), context: z.string() };
const IoFields = numbers(IO_FIELDS);
const DatabaseStatView = z.object({
  datname: z.string(),
  size_bytes: z.number().describe('0 when the role may not connect to it and lacks pg_read_all_stats'),
  numbackends: z.number(),
  xid_age: z.number().describe('age(datfrozenxid)'),
  mxid_age: z.number(),
  has_deltas: z.boolean().describe('false on the first reading after the agent started or the statistics were reset: the counters are 0, not deltas'),
  ...numbers(DATABASE_COUNTERS),
});

/** /databases/{id}/bgwriter, /wal-stats…, /io-stats…: PostgreSQL server internals. */
export function pgInternalsRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/database-stats',
      summary: 'pg_stat_database of every database of the server over the latest reading window: transactions, blocks, tuples, temp files, deadlocks, conflicts, sessions (PostgreSQL)',
      tag: 'internals',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      success: {
        status: 200,
        description: 'One row per database, by name; counters are deltas over [window_start, ts)',
        schema: z.object({ ...LatestEnvelope, databases: z.array(DatabaseStatView) }),
      },
      async handler({ principal, params }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const stats = await reads.latest('pg_database_stats', db);
        if (!stats) return { body: { database_id: db.id, reason: 'No pg_stat_database readings received for this database yet', ts: null, window_start: null, databases: [] } };
        return { body: { database_id: db.id, reason: null, ts: iso(stats.ts), window_start: iso(stats.window_start), databases: stats.databases } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/bgwriter',
      summary: 'Checkpoints and buffer writes per bucket, from pg_stat_bgwriter / pg_stat_checkpointer (PostgreSQL)',
      tag: 'internals',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SeriesQuery,
      success: {
        status: 200,
        description: 'Deltas per bucket, oldest first; buckets without a reading are left out',
        schema: z.object({ ...SeriesEnvelope, timeseries: z.array(CheckpointerPoint) }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const points = await reads.series('pg_checkpointer', db, range, range.bucketMs);
        return { body: { database_id: db.id, ...rangeView(range), bucket: range.bucketMs / 1000, timeseries: points.map((p) => ({ ...p, ts: iso(p.ts) })) } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/wal-stats',
      summary: 'WAL generated over the latest reading window, from pg_stat_wal (PostgreSQL 14+)',
      tag: 'internals',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      success: {
        status: 200,
        description: 'The latest reading, or nulls with a reason',
        schema: z.object({
          ...LatestEnvelope,
          wal: z.object({ ...WalFields, wal_bytes_per_second: z.number() }).nullable(),
        }),
      },
      async handler({ principal, params }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const wal = await reads.latest('pg_wal', db);
        if (!wal) return { body: { database_id: db.id, reason: absenceReason(db, 'pg_stat_wal', false)!, ts: null, window_start: null, wal: null } };
        const { ts, window_start, ...fields } = wal;
        return {
          body: { database_id: db.id, reason: null, ts: iso(ts), window_start: iso(window_start), wal: { ...fields, wal_bytes_per_second: walBytesPerSecond(wal) } },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/wal-stats/timeseries',
      summary: 'WAL generated per bucket (PostgreSQL 14+)',
      tag: 'internals',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SeriesQuery,
      success: {
        status: 200,
        description: 'Deltas per bucket, oldest first',
        schema: z.object({ ...SeriesEnvelope, reason, timeseries: z.array(z.object({ ts: z.string(), ...WalFields })) }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const points = await reads.series('pg_wal', db, range, range.bucketMs);
        return {
          body: {
            database_id: db.id,
            ...rangeView(range),
            bucket: range.bucketMs / 1000,
            reason: absenceReason(db, 'pg_stat_wal', points.length > 0) ?? null,
            timeseries: points.map((p) => ({ ...p, ts: iso(p.ts) })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/io-stats',
      summary: 'I/O by backend type, object and context over the latest reading window, from pg_stat_io (PostgreSQL 16+)',
      tag: 'internals',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      success: {
        status: 200,
        description: 'Rows with activity in the window, by backend type, object, context',
        schema: z.object({
          ...LatestEnvelope,
          io: z.array(z.object({ ...IoKey, ...IoFields, op_bytes: z.number() })),
        }),
      },
      async handler({ principal, params }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const io = await reads.latest('pg_io', db);
        const rows = io?.rows ?? [];
        return {
          body: {
            database_id: db.id,
            reason: absenceReason(db, 'pg_stat_io', rows.length > 0) ?? null,
            ts: io ? iso(io.ts) : null,
            window_start: io ? iso(io.window_start) : null,
            io: rows,
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/io-stats/timeseries',
      summary: 'I/O per bucket and backend type, object, context (PostgreSQL 16+)',
      tag: 'internals',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SeriesQuery,
      success: {
        status: 200,
        description: 'Deltas by bucket, then backend type, object, context',
        schema: z.object({
          ...SeriesEnvelope,
          reason,
          truncated: z.boolean().describe(`More than ${MAX_IO_ROWS} rows: use a larger bucket or a shorter range`),
          timeseries: z.array(z.object({ ts: z.string(), ...IoKey, ...IoFields })),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const { rows, truncated } = bounded(await reads.series('pg_io', db, range, range.bucketMs, { limit: MAX_IO_ROWS + 1 }), MAX_IO_ROWS);
        return {
          body: {
            database_id: db.id,
            ...rangeView(range),
            bucket: range.bucketMs / 1000,
            reason: absenceReason(db, 'pg_stat_io', rows.length > 0) ?? null,
            truncated,
            timeseries: rows.map((p) => ({ ...p, ts: iso(p.ts) })),
          },
        };
      },
    }),
  ];
}
