import { cacheHitRatio, replicationLag } from '../figures/postgres-figures.js';
import { clip, fmt, found, fromPg, listObjects, maxOf, nameObjects, noSnapshot, seconds, unavailable, worstOf } from './derive-support.js';
import { defineMetrics, type Derived, type MetricObject } from './metric-entry.js';
import type { PgReplicationInput, PgSessionInput, PostgresInput } from './metric-input.js';

/** PostgreSQL metrics of the catalogue (issue 11 item 1). Levels and sources: GUIDE.md "Engines". */

const XID_WRAPAROUND = 2 ** 31;
/** Tables smaller than this (live + dead) are left out of the dead-tuple ratio: autovacuum's own threshold makes small tables' ratios noise. */
export const DEAD_RATIO_MIN_TUPLES = 10_000;
const MB = 1024 * 1024;

function sessionLabel(s: PgSessionInput): string {
  const who = [s.usename, s.datname].filter(Boolean).join('@');
  return `pid ${s.pid}${who ? ` (${who}${s.application_name ? `, ${s.application_name}` : ''})` : ''}`;
}

function settingOf(pg: PostgresInput, name: string): number | null {
  const s = pg.settings?.settings.find((x) => x.name === name);
  const n = s ? Number(s.setting) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Client sessions only: background workers and WAL senders are not the queries a user runs. */
function isClient(s: PgSessionInput): boolean {
  return s.backend_type === '' || s.backend_type === 'client backend';
}

/** Replication lag in seconds or bytes: a replica names its upstream, a primary each standby with its own lag. */
function replicationLagDerive(r: PgReplicationInput, unit: 'seconds' | 'bytes'): Derived {
  const lag = replicationLag(r);
  if (lag === null) return unavailable('the server is not a replica and has no standbys');
  const objects = r.in_recovery
    ? [{ key: `upstream:${r.upstream_host}`, label: `replica of ${r.upstream_host || 'its primary'}` }]
    : r.standbys.map((s) => ({
        key: `standby:${s.application_name || s.client_addr}`,
        label: `standby ${s.application_name || s.client_addr}`,
        value: unit === 'seconds' ? s.replay_lag_ms / 1000 : s.replay_lag_bytes,
      }));
  return found(lag[unit], objects);
}

export const POSTGRES_METRICS = defineMetrics([
  {
    key: 'pg.connections_used_pct',
    unit: 'pct',
    description: 'Connections open (pg_stat_database.numbackends summed) as a share of max_connections.',
    thresholds: { operator: '>=', warning: 75, critical: 90 },
    ok: 50,
    source: 'pgMonitor and postgres_mixin alert at 75 % / 90 % of max_connections',
    component: { postgres: 'connections' },
    category: 'connections',
    derive: fromPg('database_stats', (database_stats, pg) => {
      const max = settingOf(pg, 'max_connections');
      if (max === null) return pg.settings ? unavailable('max_connections is not among the settings the agent sent') : noSnapshot('settings reading');
      const used = database_stats.databases.reduce((sum, d) => sum + d.numbackends, 0);
      const objects = [...database_stats.databases]
        .filter((d) => d.numbackends > 0)
        .sort((a, b) => b.numbackends - a.numbackends)
        .map((d) => ({ key: `db:${d.datname}`, label: `${d.datname}: ${d.numbackends} connections` }));
      return found((100 * used) / max, objects);
    }),
    doctor: {
      title: 'Connections near max_connections',
      detail: (v, objects, t) => `${fmt(v)} % of max_connections are in use (level ${t} %); most are to ${nameObjects(objects)}.`,
      recommendation: 'Put a connection pooler (PgBouncer in transaction mode) in front of the applications, or close idle connections, before raising max_connections.',
      how_to_investigate:
        "SELECT datname, usename, application_name, state, count(*) AS connections FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2, 3, 4 ORDER BY connections DESC; SHOW max_connections;",
      how_to_fix:
        "Pool connections (PgBouncer pool_mode = transaction); end idle ones: SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND state_change < now() - interval '1 hour'; raise max_connections only with the memory for it (each backend needs work_mem and more), which takes a restart.",
    },
  },
  {
    key: 'pg.idle_in_transaction_max_s',
    unit: 's',
    description: 'The longest time a session has sat idle inside an open transaction (holding its locks and snapshot).',
    thresholds: { operator: '>=', warning: 300, critical: 900 },
    ok: 60,
    source: 'pgMonitor: idle in transaction 300 s warning, 900 s critical',
    component: { postgres: 'connections' },
    category: 'connections',
    derive: fromPg('activity', (activity, pg) => {
      const idle = activity.sessions.filter((s) => s.state.startsWith('idle in transaction'));
      const objects = idle.map((s) => ({ key: `pid:${s.pid}`, label: sessionLabel(s), value: seconds(s.state_duration_ms), detail: `last query: ${clip(s.query)}` }));
      return found(maxOf(objects.map((o) => o.value)), objects);
    }),
    doctor: {
      title: 'Session idle in transaction',
      detail: (v, objects, t) =>
        `${nameObjects(objects)} ${objects.length === 1 ? 'has' : 'have'} been idle inside an open transaction for up to ${fmt(v)} s (level ${t} s), holding locks and keeping VACUUM from removing dead rows. ${objects[0]?.detail ?? ''}`.trim(),
      recommendation: 'Find the application code that opens a transaction and waits (on user input, a remote call) before committing; set idle_in_transaction_session_timeout so the server ends such sessions.',
      how_to_investigate:
        "SELECT pid, usename, datname, application_name, client_addr, now() - state_change AS idle_for, now() - xact_start AS xact_age, query FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' ORDER BY state_change;",
      how_to_fix:
        "SELECT pg_terminate_backend(<pid>); then ALTER DATABASE <db> SET idle_in_transaction_session_timeout = '5min'; (or ALTER ROLE <role> SET …) and fix the application to commit or roll back promptly.",
    },
  },
  {
    key: 'pg.longest_query_s',
    unit: 's',
    description: 'How long the longest running client query has been running.',
    thresholds: { operator: '>=', warning: 60, critical: 1800 },
    ok: 10,
    source: "PgHero flags queries running over 60 s; 30 min is pganalyze's long-running level",
    component: { postgres: 'queries' },
    category: 'performance',
    derive: fromPg('activity', (activity, pg) => {
      const running = activity.sessions.filter((s) => s.state === 'active' && isClient(s));
      return worstOf(running, (s) => seconds(s.query_duration_ms), (s, value) => ({ key: `pid:${s.pid}`, label: sessionLabel(s), value, detail: clip(s.query) }));
    }),
    doctor: {
      title: 'Long-running query',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A session'} has been running for ${fmt(v)} s (level ${t} s): ${objects[0]?.detail ?? ''}`,
      recommendation: 'Check whether the query is expected (a report, a migration); if not, cancel it and look at its plan. Set statement_timeout for the application role.',
      how_to_investigate:
        "SELECT pid, usename, datname, now() - query_start AS running_for, wait_event_type, wait_event, query FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' ORDER BY query_start LIMIT 10;",
      how_to_fix: "SELECT pg_cancel_backend(<pid>); (pg_terminate_backend if it does not stop); ALTER ROLE <app_role> SET statement_timeout = '60s'; EXPLAIN the query to find a missing index.",
    },
  },
  {
    key: 'pg.blocked_queries',
    unit: 'count',
    description: 'Sessions waiting for a lock another session holds.',
    thresholds: { operator: '>=', warning: 1, critical: 3 },
    ok: 0,
    source: 'Guide (PgHero, pgMonitor): any blocked query warns; Vigil makes 3 or more (a lock queue forming) critical',
    component: { postgres: 'queries' },
    category: 'locking',
    derive: fromPg('activity', (activity, pg) => {
      const byPid = new Map(activity.sessions.map((s) => [s.pid, s]));
      const lockOf = new Map((pg.locks?.locks ?? []).filter((l) => !l.granted).map((l) => [l.pid, l]));
      const blocked = activity.sessions.filter((s) => s.blocking_pids.length > 0);
      const objects: MetricObject[] = blocked.map((s) => {
        const blocker = byPid.get(s.blocking_pids[0]!);
        const lock = lockOf.get(s.pid);
        const on = lock?.relation ? ` on ${lock.relation} (${lock.mode})` : lock ? ` (${lock.locktype} ${lock.mode})` : '';
        return {
          key: `pid:${s.pid}`,
          label: `pid ${s.pid} blocked by pid ${s.blocking_pids.join(', ')}${on} for ${fmt(seconds(s.state_duration_ms))} s`,
          detail: `blocked: ${clip(s.query, 120)}; blocker pid ${s.blocking_pids[0]}${blocker ? ` (${blocker.state}): ${clip(blocker.query, 120)}` : ''}`,
        };
      });
      return found(blocked.length, objects);
    }),
    doctor: {
      title: 'Queries blocked by locks',
      detail: (v, objects) => `${fmt(v)} session(s) wait for a lock: ${nameObjects(objects, 2)}. ${objects[0]?.detail ?? ''}`.trim(),
      recommendation: 'Find the blocking session: usually an open transaction that did DDL or updated rows and has not committed. End it, then keep transactions short and set lock_timeout for DDL.',
      how_to_investigate:
        'SELECT blocked.pid, blocked.query AS blocked_query, now() - blocked.state_change AS waiting_for, blocker.pid AS blocker_pid, blocker.state AS blocker_state, blocker.query AS blocker_query FROM pg_stat_activity blocked JOIN pg_stat_activity blocker ON blocker.pid = ANY (pg_blocking_pids(blocked.pid)) ORDER BY waiting_for DESC;',
      how_to_fix: "SELECT pg_terminate_backend(<blocker_pid>); run migrations with SET lock_timeout = '5s' so DDL gives up instead of queueing everyone behind it.",
    },
  },
  {
    key: 'pg.cache_hit_ratio_pct',
    unit: 'pct',
    description: 'Share of block reads served from shared_buffers over the last reading window (all databases of the server).',
    thresholds: { operator: '<', warning: 99, critical: 98 },
    ok: 99.5,
    source: 'PgHero: below 99 %; postgres_mixin alerts below 98 % (sustained for 5 min)',
    component: { postgres: 'queries' },
    category: 'performance',
    derive: fromPg('database_stats', (database_stats, pg) => {
      const ratio = cacheHitRatio(database_stats.databases);
      if (ratio === null) return unavailable('no blocks were read in the last window (or it is the first reading, which has no deltas)');
      const objects = database_stats.databases
        .filter((d) => d.has_deltas && d.blks_hit + d.blks_read > 0)
        .map((d) => ({ d, r: (100 * d.blks_hit) / (d.blks_hit + d.blks_read) }))
        .sort((a, b) => a.r - b.r)
        .map(({ d, r }) => ({ key: `db:${d.datname}`, label: `${d.datname}: ${fmt(r)} %` }));
      return found(100 * ratio, objects);
    }),
    doctor: {
      title: 'Low cache hit ratio',
      detail: (v, objects, t) => `${fmt(v)} % of block reads hit shared_buffers (level ${t} %); lowest: ${nameObjects(objects)}.`,
      recommendation: 'The working set does not fit in memory, or queries scan far more than they need. Find the statements reading the most blocks from disk before adding memory.',
      how_to_investigate:
        'SELECT datname, blks_hit, blks_read, round(100.0 * blks_hit / nullif(blks_hit + blks_read, 0), 2) AS hit_pct FROM pg_stat_database ORDER BY blks_read DESC; SELECT query, shared_blks_read, shared_blks_hit FROM pg_stat_statements ORDER BY shared_blks_read DESC LIMIT 10;',
      how_to_fix: 'Add the indexes the top statements lack; raise shared_buffers (about 25 % of RAM, restart needed) or the server memory if the working set is simply larger.',
    },
  },
  {
    key: 'pg.xid_age_pct',
    unit: 'pct',
    description: 'Age of the oldest unfrozen transaction ID (age(datfrozenxid)) as a share of the 2^31 wraparound limit.',
    thresholds: { operator: '>=', warning: 50, critical: 75 },
    ok: 20,
    source: 'pgMonitor and postgres_mixin: 50 % / 75 % of 2^31 transaction IDs',
    component: { postgres: 'maintenance' },
    category: 'maintenance',
    derive: fromPg('database_stats', (database_stats, pg) => {
      const objects = database_stats.databases.map((d) => ({ key: `db:${d.datname}`, label: d.datname, value: (100 * d.xid_age) / XID_WRAPAROUND }));
      return found(maxOf(objects.map((o) => o.value)), objects);
    }),
    doctor: {
      title: 'Transaction ID wraparound approaching',
      detail: (v, objects, t) => `The oldest unfrozen transaction in ${nameObjects(objects, 1)} is at ${fmt(v)} % of the wraparound limit (level ${t} %). At 100 % PostgreSQL stops accepting writes.`,
      recommendation: 'Let (auto)vacuum freeze the oldest tables: find what holds the xmin horizon back (long transactions, prepared transactions, inactive slots), then VACUUM (FREEZE) the tables with the oldest relfrozenxid.',
      how_to_investigate:
        "SELECT datname, age(datfrozenxid) AS xid_age FROM pg_database ORDER BY 2 DESC; SELECT c.oid::regclass AS table_name, age(c.relfrozenxid) AS xid_age, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c WHERE c.relkind IN ('r', 'm', 't') ORDER BY 2 DESC LIMIT 20;",
      how_to_fix: 'VACUUM (FREEZE, VERBOSE) <table>; for the oldest tables; end old transactions (pg_stat_activity.backend_xmin), roll back forgotten prepared transactions (pg_prepared_xacts) and drop inactive replication slots that pin the horizon.',
    },
  },
  {
    key: 'pg.replication_lag_s',
    unit: 's',
    description: 'Replay delay: on a replica its own; on a primary the longest of its standbys.',
    thresholds: { operator: '>=', warning: 5, critical: 60 },
    ok: 1,
    source: 'PgHero: 5 s replica lag; Vigil makes a minute critical (reads from the replica are a minute stale)',
    component: { postgres: 'replication' },
    category: 'replication',
    derive: fromPg('replication', (r) => replicationLagDerive(r, 'seconds')),
    doctor: {
      title: 'Replication lag (time)',
      detail: (v, objects, t) => `Replay is ${fmt(v)} s behind (level ${t} s): ${nameObjects(objects)}.`,
      recommendation: 'Check whether the standby cannot keep up (I/O, CPU, long queries on it conflicting with replay) or the network is the bottleneck.',
      how_to_investigate:
        'On the primary: SELECT application_name, client_addr, state, sent_lsn, replay_lsn, write_lag, flush_lag, replay_lag FROM pg_stat_replication; on a replica: SELECT now() - pg_last_xact_replay_timestamp() AS replay_delay, pg_is_wal_replay_paused();',
      how_to_fix: 'Resume a paused replay (SELECT pg_wal_replay_resume();), end long queries on the standby that hold replay back (max_standby_streaming_delay), and give the standby the I/O the primary has.',
    },
  },
  {
    key: 'pg.replication_lag_bytes',
    unit: 'bytes',
    description: 'WAL not yet replayed: on a replica received + replayed lag; on a primary its furthest standby.',
    thresholds: { operator: '>=', warning: 50 * MB, critical: 100 * MB },
    ok: 16 * MB,
    source: 'Guide (PgHero, pgMonitor): 50–100 MB of replica lag',
    component: { postgres: 'replication' },
    category: 'replication',
    derive: fromPg('replication', (r) => replicationLagDerive(r, 'bytes')),
    doctor: {
      title: 'Replication lag (WAL)',
      detail: (v, objects, t) => `${fmt(v / MB)} MB of WAL is not yet replayed (level ${fmt(t / MB)} MB): ${nameObjects(objects)}.`,
      recommendation: 'A standby falling behind by volume: check its disk throughput and the network; a bulk load on the primary explains a short spike.',
      how_to_investigate: 'SELECT application_name, client_addr, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes, replay_lag FROM pg_stat_replication ORDER BY 3 DESC;',
      how_to_fix: 'Give the standby faster storage or network, spread bulk writes on the primary, and make sure wal_keep_size or a slot covers the gap so the standby does not need a rebuild.',
    },
  },
  {
    key: 'pg.inactive_slots',
    unit: 'count',
    description: 'Replication slots with no consumer: they keep WAL (and for logical slots the catalog xmin) forever.',
    thresholds: { operator: '>=', warning: null, critical: 1 },
    ok: 0,
    source: 'pgMonitor and postgres_mixin: an inactive replication slot is critical (WAL piles up until the disk fills)',
    component: { postgres: 'replication' },
    category: 'replication',
    derive: fromPg('replication', (r) => {
      const inactive = r.slots.filter((s) => !s.active);
      const objects = inactive.map((s) => ({
        key: `slot:${s.slot_name}`,
        label: `slot ${s.slot_name} (${s.slot_type}${s.datname ? `, ${s.datname}` : ''})`,
        detail: `retains ${fmt(s.retained_bytes / MB)} MB of WAL`,
      }));
      return found(inactive.length, objects);
    }),
    doctor: {
      title: 'Inactive replication slot',
      detail: (v, objects) => `${fmt(v)} replication slot(s) have no consumer: ${listObjects(objects, objects.length)}.`,
      recommendation: 'Reconnect the consumer (standby, CDC tool) or drop the slot: an unused slot keeps WAL until the disk fills.',
      how_to_investigate:
        'SELECT slot_name, slot_type, database, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained_wal, wal_status FROM pg_replication_slots WHERE NOT active;',
      how_to_fix: "SELECT pg_drop_replication_slot('<slot_name>'); if nothing will consume it again; set max_slot_wal_keep_size so a forgotten slot cannot fill the disk.",
    },
  },
  {
    key: 'pg.dead_tuple_ratio_pct',
    unit: 'pct',
    description: `The highest dead-tuple share of any table with at least ${DEAD_RATIO_MIN_TUPLES.toLocaleString('en-US')} tuples.`,
    thresholds: { operator: '>=', warning: 10, critical: 20 },
    ok: 5,
    source: 'Vigil: autovacuum_vacuum_scale_factor defaults to 0.2, so a table past 20 % dead is one autovacuum is not keeping up with; warning at half that',
    component: { postgres: 'maintenance' },
    category: 'maintenance',
    derive: fromPg('tables', (tables) => {
      return worstOf(
        tables.filter((t) => t.n_live_tup + t.n_dead_tup >= DEAD_RATIO_MIN_TUPLES),
        (t) => (100 * t.n_dead_tup) / (t.n_live_tup + t.n_dead_tup),
        (t, value) => ({
          key: `table:${t.datname}.${t.schema_name}.${t.table_name}`,
          label: `${t.schema_name}.${t.table_name} (${t.datname})`,
          value,
          detail: `${fmt(t.n_dead_tup)} dead of ${fmt(t.n_live_tup + t.n_dead_tup)} tuples, last autovacuum ${t.last_autovacuum_ms > 0 ? new Date(t.last_autovacuum_ms).toISOString() : 'never'}`,
        }),
      );
    }),
    doctor: {
      title: 'Dead tuples piling up',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A table'} is ${fmt(v)} % dead tuples (level ${t} %): ${objects[0]?.detail ?? ''}.`,
      recommendation: 'Autovacuum is not keeping up with this table, or something (a long transaction, an inactive slot) keeps it from removing rows. Tune autovacuum for the table.',
      how_to_investigate:
        'SELECT schemaname, relname, n_live_tup, n_dead_tup, round(100.0 * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0), 1) AS dead_pct, last_autovacuum, autovacuum_count FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 20; SELECT pid, now() - xact_start AS xact_age FROM pg_stat_activity WHERE backend_xmin IS NOT NULL ORDER BY xact_start LIMIT 5;',
      how_to_fix: 'VACUUM (VERBOSE, ANALYZE) <schema>.<table>; ALTER TABLE <schema>.<table> SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_cost_limit = 1000); and end the transactions that hold the xmin horizon back.',
    },
  },
  {
    key: 'pg.sequence_used_pct',
    unit: 'pct',
    description: "The most used sequence's share of its range (last_value against its type's maximum).",
    thresholds: { operator: '>=', warning: 75, critical: 90 },
    ok: 50,
    source: 'pgMonitor: sequence exhaustion at 75 % / 90 %',
    component: { postgres: 'storage' },
    category: 'reliability',
    derive: fromPg('sequences', (seqs) => {
      return worstOf(
        seqs,
        (s) => 100 * s.used_fraction,
        (s, value) => ({ key: `sequence:${s.datname}.${s.schema_name}.${s.sequence_name}`, label: `${s.schema_name}.${s.sequence_name} (${s.datname})`, value, detail: s.owned_by ? `feeds ${s.owned_by}` : undefined }),
      );
    }),
    doctor: {
      title: 'Sequence running out',
      detail: (v, objects, t) => `${objects[0]?.label ?? 'A sequence'}${objects[0]?.detail ? ` (${objects[0].detail})` : ''} has used ${fmt(v)} % of its range (level ${t} %); inserts fail when it ends.`,
      recommendation: 'Move the column and its sequence to bigint before the range ends.',
      how_to_investigate:
        'SELECT schemaname, sequencename, data_type, last_value, max_value, round(100.0 * last_value / max_value, 2) AS used_pct FROM pg_sequences WHERE last_value IS NOT NULL ORDER BY used_pct DESC LIMIT 10;',
      how_to_fix: 'ALTER SEQUENCE <schema>.<sequence> AS bigint; ALTER TABLE <schema>.<table> ALTER COLUMN <column> TYPE bigint; (rewrites the table: plan it, or add a new bigint column and backfill in batches).',
    },
  },
  {
    key: 'pg.invalid_indexes',
    unit: 'count',
    description: 'Indexes marked invalid (a failed CREATE INDEX CONCURRENTLY): written to on every change, never used for reads.',
    thresholds: { operator: '>=', warning: 1, critical: null },
    ok: 0,
    source: 'Guide (PgHero): any invalid index',
    component: { postgres: 'storage' },
    category: 'maintenance',
    derive: fromPg('invalid_indexes', (idx) => {
      const objects = idx
        .filter((i) => !i.is_valid)
        .map((i) => ({ key: `index:${i.datname}.${i.schema_name}.${i.index_name}`, label: `${i.schema_name}.${i.index_name} on ${i.table_name} (${i.datname})`, detail: i.index_def }));
      return found(objects.length, objects);
    }),
    doctor: {
      title: 'Invalid index',
      detail: (v, objects) => `${fmt(v)} invalid index(es): ${nameObjects(objects)}. They slow writes and serve no reads.`,
      recommendation: 'Rebuild or drop each invalid index; it is left behind by a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY that failed.',
      how_to_investigate:
        'SELECT n.nspname AS schema_name, c.relname AS index_name, t.relname AS table_name, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid;',
      how_to_fix: 'REINDEX INDEX CONCURRENTLY <schema>.<index>; or DROP INDEX CONCURRENTLY <schema>.<index>; and create it again.',
    },
  },
  {
    key: 'pg.checkpoints_requested_pct',
    unit: 'pct',
    description: 'Checkpoints forced by WAL volume (max_wal_size) rather than by checkpoint_timeout, as a share of all, over the last hour.',
    thresholds: { operator: '>', warning: 50, critical: null },
    ok: 20,
    source: 'Guide (pgMonitor, PgHero): timed checkpoints should be at least half of all',
    component: { postgres: 'storage' },
    category: 'performance',
    derive: fromPg('checkpoints', (c) => {
      const total = c.checkpoints_timed + c.checkpoints_requested;
      if (total === 0) return unavailable('no checkpoint in the last hour');
      return found((100 * c.checkpoints_requested) / total, [{ key: 'checkpointer', label: `${c.checkpoints_requested} requested of ${total} checkpoints in the last hour` }]);
    }),
    doctor: {
      title: 'Checkpoints forced by WAL volume',
      detail: (v, objects, t) => `${fmt(v)} % of checkpoints were requested rather than timed (level ${t} %): ${nameObjects(objects, 1)}. Frequent checkpoints multiply full-page writes and I/O.`,
      recommendation: 'Raise max_wal_size so checkpoints happen on checkpoint_timeout, not on WAL volume.',
      how_to_investigate: 'SELECT checkpoints_timed, checkpoints_req, stats_reset FROM pg_stat_bgwriter; (PostgreSQL 17+: SELECT num_timed, num_requested FROM pg_stat_checkpointer;) SHOW max_wal_size; SHOW checkpoint_timeout;',
      how_to_fix: "ALTER SYSTEM SET max_wal_size = '8GB'; SELECT pg_reload_conf(); (size it to about one checkpoint_timeout of WAL at peak).",
    },
  },
]);
