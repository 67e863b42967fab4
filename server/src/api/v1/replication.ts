import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { lagHistoryPoint, replicationLag } from '../../engines/figures/postgres-figures.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath } from './database-scope.js';
import { bounded, iso, limitParam, postgresDatabase, rangeView, SeriesQuery, seriesRange, textOrNull } from './route-support.js';

/** Standbys and slots listed per answer; more than this on one server is not a setup we expect. */
const MAX_PEERS = 500;
const MAX_SLOT_POINTS = 10_000;

const StandbyView = z.object({
  pid: z.number(),
  application_name: z.string().nullable(),
  client_addr: z.string().nullable(),
  state: z.string().nullable(),
  sync_state: z.string().nullable(),
  sent_lag_bytes: z.number(),
  write_lag_bytes: z.number(),
  flush_lag_bytes: z.number(),
  replay_lag_bytes: z.number(),
  write_lag_ms: z.number(),
  flush_lag_ms: z.number(),
  replay_lag_ms: z.number(),
});

const SlotView = z.object({
  slot_name: z.string(),
  slot_type: z.string(),
  plugin: z.string().nullable(),
  datname: z.string().nullable(),
  active: z.boolean(),
  active_pid: z.number().nullable(),
  temporary: z.boolean(),
  retained_bytes: z.number().describe('WAL kept for this slot, from restart_lsn to the current position'),
  wal_status: z.string().nullable().describe('reserved, extended, unreserved or lost (PostgreSQL 13+)'),
  safe_wal_size_bytes: z.number().nullable(),
  confirmed_flush_lag_bytes: z.number(),
  xmin_age: z.number(),
  catalog_xmin_age: z.number(),
});

const ReplicationView = z.object({
  database_id: z.string(),
  ts: z.string().nullable().describe('The latest snapshot; null before the first'),
  is_replica: z.boolean().nullable(),
  replication_lag_bytes: z.number().nullable().describe('A replica: WAL not yet received plus not yet replayed. A primary: its furthest standby. null: no replication'),
  replication_lag_seconds: z.number().nullable(),
  upstream_host: z.string().nullable(),
  upstream_port: z.number().nullable(),
  receiver_status: z.string().nullable(),
  standbys: z.array(StandbyView),
  slots: z.array(SlotView),
});

/** /databases/{id}/replication…: replication status, lag history, slot history (PostgreSQL). */
export function replicationRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/replication',
      summary: 'Replication status at the latest snapshot: role, lag, standbys, slots (PostgreSQL)',
      tag: 'replication',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      success: { status: 200, description: 'Standbys by application name, slots by name', schema: ReplicationView },
      async handler({ principal, params }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const r = await reads.latest('pg_replication', db, { limit: MAX_PEERS });
        if (!r) {
          const none = { is_replica: null, replication_lag_bytes: null, replication_lag_seconds: null, upstream_host: null, upstream_port: null, receiver_status: null };
          return { body: { database_id: db.id, ts: null, ...none, standbys: [], slots: [] } };
        }
        const lag = replicationLag(r);
        return {
          body: {
            database_id: db.id,
            ts: iso(r.ts),
            is_replica: r.in_recovery,
            replication_lag_bytes: lag ? lag.bytes : null,
            replication_lag_seconds: lag ? lag.seconds : null,
            upstream_host: r.in_recovery ? textOrNull(r.upstream_host) : null,
            upstream_port: r.in_recovery && r.upstream_port ? r.upstream_port : null,
            receiver_status: r.in_recovery ? textOrNull(r.receiver_status) : null,
            standbys: r.standbys.map((s) => ({
              ...s,
              application_name: textOrNull(s.application_name),
              client_addr: textOrNull(s.client_addr),
              state: textOrNull(s.state),
              sync_state: textOrNull(s.sync_state),
            })),
            slots: r.slots.map(({ has_safe_wal_size, ...s }) => ({
              ...s,
              plugin: textOrNull(s.plugin),
              datname: textOrNull(s.datname),
              active_pid: s.active_pid || null,
              wal_status: textOrNull(s.wal_status),
              safe_wal_size_bytes: has_safe_wal_size ? s.safe_wal_size_bytes : null,
            })),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/replication/history',
      summary: 'Replication lag per bucket: the worst seen (PostgreSQL)',
      tag: 'replication',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SeriesQuery,
      success: {
        status: 200,
        description: 'Oldest first; buckets without a reading are left out',
        schema: z.object({
          database_id: z.string(),
          since: z.string(),
          until: z.string(),
          bucket: z.number(),
          history: z.array(
            z.object({
              ts: z.string(),
              is_replica: z.boolean(),
              replication_lag_bytes: z.number().nullable().describe('As a replica: behind its upstream; as a primary: its furthest standby; null: no replication'),
              replication_lag_seconds: z.number().nullable(),
              standbys: z.number().describe('Most standbys streaming at once'),
            }),
          ),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const points = await reads.series('pg_replication_lag', db, range, range.bucketMs);
        return {
          body: {
            database_id: db.id,
            ...rangeView(range),
            bucket: range.bucketMs / 1000,
            history: points.map((p) => {
              const lag = lagHistoryPoint(p);
              return { ts: iso(p.ts), is_replica: lag.is_replica, replication_lag_bytes: lag.lag_bytes, replication_lag_seconds: lag.lag_seconds, standbys: p.standbys };
            }),
          },
        };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/replication/slots/history',
      summary: 'WAL each replication slot holds back, per bucket (PostgreSQL)',
      tag: 'replication',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SeriesQuery.extend({ limit: limitParam(MAX_SLOT_POINTS, MAX_SLOT_POINTS) }),
      success: {
        status: 200,
        description: 'By bucket, then slot name',
        schema: z.object({
          database_id: z.string(),
          since: z.string(),
          until: z.string(),
          bucket: z.number(),
          truncated: z.boolean().describe('More rows than limit: use a larger bucket or a shorter range'),
          history: z.array(
            z.object({
              ts: z.string(),
              slot_name: z.string(),
              lag_bytes: z.number().describe('Most WAL retained for the slot in the bucket'),
              confirmed_flush_lag_bytes: z.number().describe('Logical slots: WAL not yet confirmed by the consumer'),
              active: z.boolean(),
              wal_status: z.string().nullable(),
            }),
          ),
        }),
      },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = seriesRange(query);
        const { rows, truncated } = bounded(await reads.series('pg_replication_slots', db, range, range.bucketMs, { limit: query.limit + 1 }), query.limit);
        return {
          body: {
            database_id: db.id,
            ...rangeView(range),
            bucket: range.bucketMs / 1000,
            truncated,
            history: rows.map((s) => ({ ...s, ts: iso(s.ts), wal_status: textOrNull(s.wal_status) })),
          },
        };
      },
    }),
  ];
}
