import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { INDEX_SORTS, type IndexAggregate } from '../../storage/telemetry/reads/read-shapes.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';
import { DatabasePath } from './database-scope.js';
import { iso, isoOrNull, limitParam, postgresDatabase, rangeView, SeriesQuery, seriesRange } from './route-support.js';
import { datnameParam, objectName, onlyObject } from './tables.js';

/** Basira's threshold for /indexes/unused: smaller indexes cost too little to be worth dropping. */
const UNUSED_MIN_BYTES = 1024 * 1024;

const counter = z.number().nullable();

const IndexView = z.object({
  datname: z.string(),
  schema_name: z.string(),
  table_name: z.string(),
  index_name: z.string(),
  idx_scan: counter.describe('Counters are summed over the range; null when no reading in it had deltas yet'),
  idx_tup_read: counter,
  idx_tup_fetch: counter,
  idx_blks_read: counter,
  idx_blks_hit: counter,
  size_bytes: z.number().nullable().describe('As of the latest reading that could read it'),
  index_def: z.string().describe('pg_get_indexdef() with literal values stripped'),
  is_unique: z.boolean(),
  is_primary: z.boolean(),
  is_valid: z.boolean(),
  last_idx_scan: z.string().nullable().describe('PostgreSQL 16+'),
  last_reading_at: z.string(),
});

const IndexesQuery = z.object({
  ...timeRange,
  sort_by: z.enum(INDEX_SORTS, { error: `must be one of ${INDEX_SORTS.join(', ')}` }).default('size'),
  limit: limitParam(50, 500),
});
const IndexesView = z.object({ database_id: z.string(), since: z.string(), until: z.string(), sort_by: z.enum(INDEX_SORTS), indexes: z.array(IndexView) });

function indexView(x: IndexAggregate): z.infer<typeof IndexView> {
  return {
    datname: x.datname,
    schema_name: x.schema_name,
    table_name: x.table_name,
    index_name: x.index_name,
    idx_scan: x.idx_scan,
    idx_tup_read: x.idx_tup_read,
    idx_tup_fetch: x.idx_tup_fetch,
    idx_blks_read: x.idx_blks_read,
    idx_blks_hit: x.idx_blks_hit,
    size_bytes: x.size_bytes,
    index_def: x.index_def,
    is_unique: x.is_unique,
    is_primary: x.is_primary,
    is_valid: x.is_valid,
    last_idx_scan: isoOrNull(x.last_idx_scan_ms),
    last_reading_at: iso(x.ts),
  };
}

/** /databases/{id}/indexes…: indexes of the monitored PostgreSQL server. */
export function indexRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);

  function listRoute(path: string, summary: string, unused: boolean): RouteSpec {
    return route({
      method: 'get',
      path,
      summary,
      tag: 'tables',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: IndexesQuery,
      success: { status: 200, description: 'Indexes of the latest reading, sorted descending', schema: IndexesView },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const indexes = await reads.over('pg_indexes', db, range, {
          sortBy: query.sort_by,
          limit: query.limit,
          ...(unused ? { unused: { minBytes: UNUSED_MIN_BYTES } } : {}),
        });
        return { body: { database_id: db.id, ...rangeView(range), sort_by: query.sort_by, indexes: indexes.map(indexView) } };
      },
    });
  }

  return [
    listRoute('/databases/{id}/indexes', 'Indexes with size, definition and scan counters over a range (PostgreSQL)', false),
    listRoute(
      '/databases/{id}/indexes/unused',
      'Indexes with no scan over the range (among readings with counters), neither primary nor unique, over 1 MB (PostgreSQL)',
      true,
    ),
    route({
      method: 'get',
      path: '/databases/{id}/indexes/{schema}/{name}',
      summary: 'One index over a range, with a timeseries (PostgreSQL)',
      tag: 'tables',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath.extend({ schema: objectName, name: objectName }),
      query: SeriesQuery.extend({ datname: datnameParam }),
      success: {
        status: 200,
        description: 'The index and its timeseries, oldest first',
        schema: IndexView.extend({
          database_id: z.string(),
          since: z.string(),
          until: z.string(),
          bucket: z.number(),
          timeseries: z.array(z.object({ ts: z.string(), size_bytes: z.number().nullable(), idx_scan: counter, idx_tup_read: counter, idx_tup_fetch: counter, idx_blks_read: counter, idx_blks_hit: counter })),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const key = { schema: params.schema, name: params.name, datname: query.datname };
        const index = onlyObject(await reads.over('pg_index', db, range, key), `index ${params.schema}.${params.name}`);
        const points = await reads.series('pg_index', db, range, range.bucketMs, { ...key, datname: index.datname });
        return {
          body: {
            database_id: db.id,
            ...indexView(index),
            ...rangeView(range),
            bucket: range.bucketMs / 1000,
            timeseries: points.map((p) => ({
              ts: iso(p.ts),
              size_bytes: p.size_bytes,
              idx_scan: p.idx_scan,
              idx_tup_read: p.idx_tup_read,
              idx_tup_fetch: p.idx_tup_fetch,
              idx_blks_read: p.idx_blks_read,
              idx_blks_hit: p.idx_blks_hit,
            })),
          },
        };
      },
    }),
  ];
}
