import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { TABLE_SORTS, type TableAggregate, type TablePoint } from '../../storage/telemetry/reads/read-shapes.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';
import { DatabasePath } from './database-scope.js';
import { iso, isoOrNull, limitParam, postgresDatabase, rangeView, SeriesQuery, seriesRange } from './route-support.js';

const counter = z.number().nullable();

const TableView = z.object({
  datname: z.string().describe('Database of the server the table is in'),
  schema_name: z.string(),
  table_name: z.string(),
  seq_scan: counter.describe('Counters are summed over the range; null when no reading in it had deltas yet'),
  seq_tup_read: counter,
  idx_scan: counter,
  idx_tup_fetch: counter,
  n_tup_ins: counter,
  n_tup_upd: counter,
  n_tup_del: counter,
  n_tup_hot_upd: counter,
  heap_blks_read: counter,
  heap_blks_hit: counter,
  n_live_tup: z.number().describe('As of the latest reading'),
  n_dead_tup: z.number(),
  n_mod_since_analyze: z.number(),
  last_vacuum: z.string().nullable(),
  last_autovacuum: z.string().nullable(),
  last_analyze: z.string().nullable(),
  last_autoanalyze: z.string().nullable(),
  table_size_bytes: z.number().nullable().describe('Main fork; sizes are as of the latest reading that could read them'),
  index_size_bytes: z.number().nullable(),
  toast_size_bytes: z.number().nullable(),
  total_size_bytes: z.number().nullable(),
  xid_age: z.number().describe('age(relfrozenxid): transactions until a wraparound vacuum is forced'),
  last_reading_at: z.string(),
});
type TableBody = z.infer<typeof TableView>;

const PointView = z.object({
  ts: z.string().describe('Bucket start'),
  n_live_tup: z.number(),
  n_dead_tup: z.number(),
  table_size_bytes: z.number().nullable(),
  index_size_bytes: z.number().nullable(),
  total_size_bytes: z.number().nullable(),
  seq_scan: counter,
  seq_tup_read: counter,
  idx_scan: counter,
  n_tup_ins: counter,
  n_tup_upd: counter,
  n_tup_del: counter,
  n_tup_hot_upd: counter,
  heap_blks_read: counter,
  heap_blks_hit: counter,
  vacuum_count: counter,
  autovacuum_count: counter,
  analyze_count: counter,
  autoanalyze_count: counter,
});

function tableView(t: TableAggregate): TableBody {
  return {
    datname: t.datname,
    schema_name: t.schema_name,
    table_name: t.table_name,
    seq_scan: t.seq_scan,
    seq_tup_read: t.seq_tup_read,
    idx_scan: t.idx_scan,
    idx_tup_fetch: t.idx_tup_fetch,
    n_tup_ins: t.n_tup_ins,
    n_tup_upd: t.n_tup_upd,
    n_tup_del: t.n_tup_del,
    n_tup_hot_upd: t.n_tup_hot_upd,
    heap_blks_read: t.heap_blks_read,
    heap_blks_hit: t.heap_blks_hit,
    n_live_tup: t.n_live_tup,
    n_dead_tup: t.n_dead_tup,
    n_mod_since_analyze: t.n_mod_since_analyze,
    last_vacuum: isoOrNull(t.last_vacuum_ms),
    last_autovacuum: isoOrNull(t.last_autovacuum_ms),
    last_analyze: isoOrNull(t.last_analyze_ms),
    last_autoanalyze: isoOrNull(t.last_autoanalyze_ms),
    table_size_bytes: t.table_bytes,
    index_size_bytes: t.indexes_bytes,
    toast_size_bytes: t.toast_bytes,
    total_size_bytes: t.total_bytes,
    xid_age: t.xid_age,
    last_reading_at: iso(t.ts),
  };
}

function pointView(p: TablePoint): z.infer<typeof PointView> {
  return {
    ts: iso(p.ts),
    n_live_tup: p.n_live_tup,
    n_dead_tup: p.n_dead_tup,
    table_size_bytes: p.table_bytes,
    index_size_bytes: p.indexes_bytes,
    total_size_bytes: p.total_bytes,
    seq_scan: p.seq_scan,
    seq_tup_read: p.seq_tup_read,
    idx_scan: p.idx_scan,
    n_tup_ins: p.n_tup_ins,
    n_tup_upd: p.n_tup_upd,
    n_tup_del: p.n_tup_del,
    n_tup_hot_upd: p.n_tup_hot_upd,
    heap_blks_read: p.heap_blks_read,
    heap_blks_hit: p.heap_blks_hit,
    vacuum_count: p.vacuum_count,
    autovacuum_count: p.autovacuum_count,
    analyze_count: p.analyze_count,
    autoanalyze_count: p.autoanalyze_count,
  };
}

/** A PostgreSQL identifier as a path segment (the agent sends names as PostgreSQL stores them). */
export const objectName = z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters');
/** Narrows a name to one database of the server, when the agent reads several (`databases:` in its config). */
export const datnameParam = objectName.optional().describe('Database of the server, when several have an object of this name');

/**
 * One object (table or index) named in the path: 404 when no current one has that name, 400 when
 * several databases of the server do and `datname` does not say which.
 */
export function onlyObject<T extends { datname: string }>(found: readonly T[], what: string): T {
  if (found.length === 0) throw new VigilError('NOT_FOUND', `No ${what} in this database's readings over the range`);
  if (found.length > 1) {
    throw new VigilError('VALIDATION_FAILED', `Invalid query param 'datname': ${what} exists in databases ${found.map((f) => f.datname).join(', ')}; say which`, {
      details: { query_param: 'datname' },
    });
  }
  return found[0]!;
}

/** /databases/{id}/tables…: tables of the monitored PostgreSQL server. */
export function tableRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/tables',
      summary: 'Tables with sizes, tuples, vacuum times and scan counters over a range (PostgreSQL)',
      tag: 'tables',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({
        ...timeRange,
        sort_by: z.enum(TABLE_SORTS, { error: `must be one of ${TABLE_SORTS.join(', ')}` }).default('size'),
        limit: limitParam(50, 500),
      }),
      success: {
        status: 200,
        description: 'Tables of the latest reading, sorted descending',
        schema: z.object({ database_id: z.string(), since: z.string(), until: z.string(), sort_by: z.enum(TABLE_SORTS), tables: z.array(TableView) }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const tables = await reads.over('pg_tables', db, range, { sortBy: query.sort_by, limit: query.limit });
        return { body: { database_id: db.id, ...rangeView(range), sort_by: query.sort_by, tables: tables.map(tableView) } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/tables/{schema}/{name}',
      summary: 'One table over a range, with a timeseries (PostgreSQL)',
      tag: 'tables',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath.extend({ schema: objectName, name: objectName }),
      query: SeriesQuery.extend({ datname: datnameParam }),
      success: {
        status: 200,
        description: 'The table and its timeseries, oldest first',
        schema: TableView.extend({ database_id: z.string(), since: z.string(), until: z.string(), bucket: z.number(), timeseries: z.array(PointView) }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const key = { schema: params.schema, name: params.name, datname: query.datname };
        const table = onlyObject(await reads.over('pg_table', db, range, key), `table ${params.schema}.${params.name}`);
        const points = await reads.series('pg_table', db, range, range.bucketMs, { ...key, datname: table.datname });
        return { body: { database_id: db.id, ...tableView(table), ...rangeView(range), bucket: range.bucketMs / 1000, timeseries: points.map(pointView) } };
      },
    }),
  ];
}
