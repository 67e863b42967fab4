import { z } from 'zod';
import { POSTGRES_VIEW_SINCE, postgresMajorOf, VigilError, type PostgresView } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { resolveRange, timeRange } from '../validate.js';
import { databaseOfEngine } from './database-scope.js';

/**
 * What the read routes share: bounded integer params, the `bucket` of a timeseries,
 * the scope of a PostgreSQL database, and how stored "none" values (0, '') reach clients (null).
 */

/** An integer query param within [min, max]. */
export function intParam(min: number, max: number) {
  return z.coerce
    .number({ error: 'must be an integer' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** `limit` with Basira's default and maximum for the endpoint. */
export function limitParam(fallback: number, max: number) {
  return intParam(1, max).default(fallback).describe(`Max results (max ${max})`);
}

/** Auto buckets: the smallest giving at most AUTO_POINTS points (one minute over Basira's default day). */
const AUTO_BUCKETS_S = [60, 300, 900, 3600, 6 * 3600, 86400] as const;
const AUTO_POINTS = 1440;
const MAX_POINTS = 10_080;

/** since/until plus `bucket` seconds, as Basira's /waits and /replication/history take them. */
export const SeriesQuery = z.object({
  ...timeRange,
  bucket: intParam(60, 86400).optional().describe('Aggregation bucket in seconds; default: the smallest of 1m, 5m, 15m, 1h, 6h, 1d giving at most 1440 points'),
});

/** The range and bucket (ms) of a series request: a caller's bucket may give at most MAX_POINTS points. */
export function seriesRange(query: z.infer<typeof SeriesQuery>): { since: number; until: number; bucketMs: number } {
  const range = resolveRange(query);
  const span = range.until - range.since;
  if (query.bucket !== undefined) {
    if (span / (query.bucket * 1000) > MAX_POINTS) {
      throw new VigilError('VALIDATION_FAILED', `Invalid query param 'bucket': gives more than ${MAX_POINTS} points over this range; use a larger bucket or a shorter range`, {
        details: { query_param: 'bucket' },
      });
    }
    return { ...range, bucketMs: query.bucket * 1000 };
  }
  const auto = AUTO_BUCKETS_S.find((s) => span / (s * 1000) <= AUTO_POINTS) ?? 86400;
  return { ...range, bucketMs: auto * 1000 };
}

/** The caller's PostgreSQL database: 404 for anything not in their organization, ENGINE_MISMATCH for ClickHouse. */
export function postgresDatabase(ctx: AppContext, orgId: string, id: string): Promise<Database> {
  return databaseOfEngine(ctx, orgId, id, 'postgres');
}

/** Unix ms as RFC 3339. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Stored 0 means "never" or "unknown". */
export function isoOrNull(ms: number): string | null {
  return ms > 0 ? iso(ms) : null;
}

/** Stored '' means "none" or "hidden". */
export function textOrNull(value: string): string | null {
  return value === '' ? null : value;
}

/** PostgreSQL's major version from the server_version the agent reported ("15.4 (Debian …)" → 15), if known. */
export function postgresMajor(db: Database): number | undefined {
  const match = /^(\d+)/.exec(db.engine_version ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Why a view with a minimum PostgreSQL version (the agent's, from shared/) has nothing to show: the
 * server is too old, or no reading has arrived yet. Undefined when there is data.
 */
export function absenceReason(db: Database, view: PostgresView, hasData: boolean): string | undefined {
  const sinceMajor = postgresMajorOf(POSTGRES_VIEW_SINCE[view]);
  const major = postgresMajor(db);
  if (major !== undefined && major < sinceMajor) return `${view} needs PostgreSQL ${sinceMajor} or later; this server runs ${db.engine_version}`;
  if (!hasData) return `No ${view} readings received for this database in the requested range yet`;
  return undefined;
}

/** A list bounded by fetching one more than `limit`: the rows to return and whether more existed. */
export function bounded<T>(rows: readonly T[], limit: number): { rows: T[]; truncated: boolean } {
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** The range as returned to clients. */
export function rangeView(range: { since: number; until: number }): { since: string; until: string } {
  return { since: iso(range.since), until: iso(range.until) };
}
