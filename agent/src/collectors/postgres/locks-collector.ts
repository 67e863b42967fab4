import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { LockCount, LockRow, LocksSnapshot } from '../../state/postgres-locks-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num, text } from './pg-values.js';

export const MAX_LOCKS = 1000;

/**
 * One read of pg_locks (it takes every lock-manager partition lock, so it is read once: the CTE
 * is referenced twice and therefore materialized), returned as two JSON documents: the locks
 * sessions wait for together with the granted locks on the same objects, and counts of all.
 * Relation names resolve only in this database's catalog (plus shared catalogs, database 0):
 * an oid from another database could name an unrelated relation here.
 */
const LOCKS_SQL = (waitDuration: string): string => `${AGENT_QUERY_MARKER}
WITH l AS MATERIALIZED (
  SELECT * FROM pg_locks WHERE pid IS DISTINCT FROM pg_backend_pid()
), waiting AS (
  SELECT * FROM l WHERE NOT granted
), listed AS (
  SELECT l.pid, l.locktype, l.mode, l.granted, l.fastpath, d.datname,
         CASE WHEN c.oid IS NOT NULL THEN quote_ident(ns.nspname) || '.' || quote_ident(c.relname) END AS relation,
         l.relation AS relation_oid, l.page, l.tuple, l.virtualxid, l.transactionid::text AS transactionid,
         l.classid, l.objid, l.objsubid,
         CASE WHEN NOT l.granted THEN pg_blocking_pids(l.pid) END AS blocking_pids,
         CASE WHEN NOT l.granted THEN ${waitDuration} END AS wait_duration_ms
    FROM l
    LEFT JOIN pg_database d ON d.oid = l.database
    LEFT JOIN pg_class c ON c.oid = l.relation AND l.database IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
    LEFT JOIN pg_namespace ns ON ns.oid = c.relnamespace
   WHERE NOT l.granted
      OR EXISTS (
           SELECT 1 FROM waiting w
            WHERE w.locktype = l.locktype
              AND w.database IS NOT DISTINCT FROM l.database AND w.relation IS NOT DISTINCT FROM l.relation
              AND w.page IS NOT DISTINCT FROM l.page AND w.tuple IS NOT DISTINCT FROM l.tuple
              AND w.virtualxid IS NOT DISTINCT FROM l.virtualxid AND w.transactionid IS NOT DISTINCT FROM l.transactionid
              AND w.classid IS NOT DISTINCT FROM l.classid AND w.objid IS NOT DISTINCT FROM l.objid
              AND w.objsubid IS NOT DISTINCT FROM l.objsubid)
)
SELECT (SELECT count(*) FROM listed)::int AS total,
       (SELECT coalesce(json_agg(x), '[]') FROM (SELECT * FROM listed ORDER BY granted, pid LIMIT ${MAX_LOCKS}) x) AS locks,
       (SELECT coalesce(json_agg(x), '[]')
          FROM (SELECT locktype, mode, granted, count(*)::int AS count FROM l GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) x) AS counts`;

/** pg_locks.waitstart arrived in PostgreSQL 14. */
const WAITSTART_SINCE = 140000;

function toLock(row: Record<string, unknown>): LockRow {
  const waited = num(row.wait_duration_ms);
  return {
    pid: num(row.pid),
    locktype: String(row.locktype),
    mode: String(row.mode),
    granted: row.granted === true,
    fastpath: row.fastpath === true,
    datname: text(row.datname),
    relation: text(row.relation),
    relationOid: num(row.relation_oid),
    page: num(row.page),
    tuple: num(row.tuple),
    virtualxid: text(row.virtualxid),
    transactionid: text(row.transactionid),
    classid: num(row.classid),
    objid: num(row.objid),
    objsubid: num(row.objsubid),
    blockingPids: Array.isArray(row.blocking_pids) ? row.blocking_pids.map(Number) : [],
    waitDurationMs: waited === null ? null : Math.max(0, waited),
  };
}

/** Reads who waits for which lock and who holds it, and counts of every lock. */
export async function collectLocks(client: PgQueryClient, facts: ServerFacts): Promise<LocksSnapshot> {
  const waitDuration = facts.versionNum >= WAITSTART_SINCE ? '(extract(epoch FROM clock_timestamp() - l.waitstart) * 1000)::float8' : 'NULL::float8';
  const row = (await client.query(LOCKS_SQL(waitDuration))).rows[0] ?? {};
  const locks = Array.isArray(row.locks) ? (row.locks as Record<string, unknown>[]) : [];
  const counts = Array.isArray(row.counts) ? (row.counts as Record<string, unknown>[]) : [];
  return {
    locks: locks.map(toLock),
    locksTotal: Number(row.total ?? 0),
    counts: counts.map(
      (c): LockCount => ({ locktype: String(c.locktype), mode: String(c.mode), granted: c.granted === true, count: Number(c.count) }),
    ),
  };
}
