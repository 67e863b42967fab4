import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ReplicationSnapshot, SlotRow, StandbyRow, WalReceiverRow } from '../../state/postgres-replication-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num, text } from './pg-values.js';

/**
 * The position lags are measured from. pg_current_wal_lsn() fails during recovery, where a
 * cascading standby's own standbys and slots trail what it has received (or, restoring from an
 * archive, replayed) instead.
 */
const PRIMARY_LSN = 'pg_current_wal_lsn()';
const STANDBY_LSN = 'coalesce(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())';

const STANDBYS_SQL = (currentLsn: string): string => `${AGENT_QUERY_MARKER}
SELECT r.pid, r.application_name, host(r.client_addr) AS client_addr, r.state, r.sync_state,
       pg_wal_lsn_diff(cur.lsn, r.sent_lsn)::float8 AS sent_lag_bytes,
       pg_wal_lsn_diff(cur.lsn, r.write_lsn)::float8 AS write_lag_bytes,
       pg_wal_lsn_diff(cur.lsn, r.flush_lsn)::float8 AS flush_lag_bytes,
       pg_wal_lsn_diff(cur.lsn, r.replay_lsn)::float8 AS replay_lag_bytes,
       (extract(epoch FROM r.write_lag) * 1000)::float8 AS write_lag_ms,
       (extract(epoch FROM r.flush_lag) * 1000)::float8 AS flush_lag_ms,
       (extract(epoch FROM r.replay_lag) * 1000)::float8 AS replay_lag_ms
  FROM pg_stat_replication r CROSS JOIN (SELECT ${currentLsn} AS lsn) cur
 ORDER BY r.application_name, r.pid`;

const SLOTS_SQL = (currentLsn: string, v: SlotColumns): string => `${AGENT_QUERY_MARKER}
SELECT s.slot_name, s.slot_type, s.plugin, s.database, s.active, s.active_pid, s.temporary,
       pg_wal_lsn_diff(cur.lsn, s.restart_lsn)::float8 AS retained_bytes,
       ${v.walStatus} AS wal_status, ${v.safeWalSize}::float8 AS safe_wal_size,
       pg_wal_lsn_diff(cur.lsn, s.confirmed_flush_lsn)::float8 AS confirmed_flush_lag_bytes,
       age(s.xmin) AS xmin_age, age(s.catalog_xmin) AS catalog_xmin_age
  FROM pg_replication_slots s CROSS JOIN (SELECT ${currentLsn} AS lsn) cur
 ORDER BY s.slot_name`;

/**
 * The standby's side. latest_end_lsn is the upstream's WAL end as of its last message, so the
 * distance to what was flushed here is WAL not yet received. Replay lag in time is the age of
 * the last replayed transaction, but only while received WAL waits: on an idle primary nothing
 * new is replayed and that age grows without any lag.
 */
const STANDBY_SQL = (flushedLsn: string): string => `${AGENT_QUERY_MARKER}
SELECT w.status, w.sender_host, w.sender_port, w.present,
       pg_wal_lsn_diff(w.latest_end_lsn, w.flushed_lsn)::float8 AS receive_lag_bytes,
       (extract(epoch FROM clock_timestamp() - w.last_msg_receipt_time) * 1000)::float8 AS last_msg_age_ms,
       pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8 AS replay_lag_bytes,
       CASE WHEN pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
            ELSE (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 END AS replay_lag_ms
  FROM (SELECT 1) AS one
  LEFT JOIN (SELECT true AS present, status, sender_host, sender_port, latest_end_lsn, ${flushedLsn} AS flushed_lsn, last_msg_receipt_time
               FROM pg_stat_wal_receiver) w ON true`;

interface SlotColumns {
  readonly walStatus: string;
  readonly safeWalSize: string;
}

/** pg_replication_slots gained wal_status and safe_wal_size, and pg_stat_wal_receiver renamed received_lsn to flushed_lsn, in PostgreSQL 13. */
const V13 = 130000;

function toStandby(row: Record<string, unknown>): StandbyRow {
  return {
    pid: Number(row.pid),
    applicationName: text(row.application_name),
    clientAddr: text(row.client_addr),
    state: text(row.state),
    syncState: text(row.sync_state),
    sentLagBytes: num(row.sent_lag_bytes),
    writeLagBytes: num(row.write_lag_bytes),
    flushLagBytes: num(row.flush_lag_bytes),
    replayLagBytes: num(row.replay_lag_bytes),
    writeLagMs: num(row.write_lag_ms),
    flushLagMs: num(row.flush_lag_ms),
    replayLagMs: num(row.replay_lag_ms),
  };
}

function toSlot(row: Record<string, unknown>): SlotRow {
  return {
    slotName: String(row.slot_name),
    slotType: String(row.slot_type),
    plugin: text(row.plugin),
    datname: text(row.database),
    active: row.active === true,
    activePid: num(row.active_pid),
    temporary: row.temporary === true,
    retainedBytes: num(row.retained_bytes),
    walStatus: text(row.wal_status),
    safeWalSizeBytes: num(row.safe_wal_size),
    confirmedFlushLagBytes: num(row.confirmed_flush_lag_bytes),
    xminAge: num(row.xmin_age),
    catalogXminAge: num(row.catalog_xmin_age),
  };
}

function toReceiver(row: Record<string, unknown>): WalReceiverRow | null {
  if (row.present !== true) return null;
  return {
    status: text(row.status),
    upstreamHost: text(row.sender_host),
    upstreamPort: num(row.sender_port),
    // The upstream's end as of its last message can trail what arrived since: never a negative lag.
    receiveLagBytes: row.receive_lag_bytes === null ? null : Math.max(0, Number(row.receive_lag_bytes)),
    lastMsgAgeMs: num(row.last_msg_age_ms),
  };
}

/** Reads this server's role, its standbys' lag, its own lag when it is a standby, and its replication slots. */
export async function collectReplication(client: PgQueryClient, facts: ServerFacts): Promise<ReplicationSnapshot> {
  const v13 = facts.versionNum >= V13;
  const currentLsn = facts.inRecovery ? STANDBY_LSN : PRIMARY_LSN;
  const slotColumns = v13 ? { walStatus: 's.wal_status', safeWalSize: 's.safe_wal_size' } : { walStatus: 'NULL::text', safeWalSize: 'NULL::bigint' };
  const standbys = (await client.query(STANDBYS_SQL(currentLsn))).rows.map(toStandby);
  const slots = (await client.query(SLOTS_SQL(currentLsn, slotColumns))).rows.map(toSlot);
  if (!facts.inRecovery) return { inRecovery: false, receiver: null, replayLagBytes: null, replayLagMs: null, standbys, slots };
  const standby = (await client.query(STANDBY_SQL(v13 ? 'flushed_lsn' : 'received_lsn'))).rows[0] ?? {};
  return {
    inRecovery: true,
    receiver: toReceiver(standby),
    replayLagBytes: num(standby.replay_lag_bytes),
    replayLagMs: num(standby.replay_lag_ms),
    standbys,
    slots,
  };
}
