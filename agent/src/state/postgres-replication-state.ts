/** Replication seen from one server: the replication collector's output (gauges; nothing persists). */

/** One server streaming from this one (pg_stat_replication). */
export interface StandbyRow {
  readonly pid: number;
  readonly applicationName: string | null;
  readonly clientAddr: string | null;
  readonly state: string | null;
  readonly syncState: string | null;
  /** Bytes behind this server's current WAL position; null while the standby has not reported that position. */
  readonly sentLagBytes: number | null;
  readonly writeLagBytes: number | null;
  readonly flushLagBytes: number | null;
  readonly replayLagBytes: number | null;
  readonly writeLagMs: number | null;
  readonly flushLagMs: number | null;
  readonly replayLagMs: number | null;
}

export interface SlotRow {
  readonly slotName: string;
  readonly slotType: string;
  readonly plugin: string | null;
  readonly datname: string | null;
  readonly active: boolean;
  readonly activePid: number | null;
  readonly temporary: boolean;
  /** WAL kept for the slot, from restart_lsn to the current position; null before it reserved any. */
  readonly retainedBytes: number | null;
  /** PostgreSQL 13+. */
  readonly walStatus: string | null;
  readonly safeWalSizeBytes: number | null;
  readonly confirmedFlushLagBytes: number | null;
  readonly xminAge: number | null;
  readonly catalogXminAge: number | null;
}

/** The standby's link to its upstream (pg_stat_wal_receiver); absent when it restores from an archive only. */
export interface WalReceiverRow {
  readonly status: string | null;
  readonly upstreamHost: string | null;
  readonly upstreamPort: number | null;
  /** WAL the upstream reported having that this standby has not received. */
  readonly receiveLagBytes: number | null;
  readonly lastMsgAgeMs: number | null;
}

export interface ReplicationSnapshot {
  readonly inRecovery: boolean;
  /** Standby only: */
  readonly receiver: WalReceiverRow | null;
  /** Received but not replayed. */
  readonly replayLagBytes: number | null;
  /** Age of the last replayed transaction while WAL waits to be replayed; 0 when all of it is. */
  readonly replayLagMs: number | null;
  readonly standbys: readonly StandbyRow[];
  readonly slots: readonly SlotRow[];
}
