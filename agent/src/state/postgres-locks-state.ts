/** pg_locks at one moment: the locks collector's output (lives for one run; nothing persists). */

export interface LockRow {
  readonly pid: number | null;
  readonly locktype: string;
  readonly mode: string;
  readonly granted: boolean;
  readonly fastpath: boolean;
  readonly datname: string | null;
  /** schema.name for relations in the connected database or shared catalogs; null otherwise. */
  readonly relation: string | null;
  readonly relationOid: number | null;
  readonly page: number | null;
  readonly tuple: number | null;
  readonly virtualxid: string | null;
  readonly transactionid: string | null;
  readonly classid: number | null;
  readonly objid: number | null;
  readonly objsubid: number | null;
  /** Sessions this lock waits for; empty for granted locks. */
  readonly blockingPids: readonly number[];
  /** How long it has waited (PostgreSQL 14+, locks not granted); null otherwise. */
  readonly waitDurationMs: number | null;
}

export interface LockCount {
  readonly locktype: string;
  readonly mode: string;
  readonly granted: boolean;
  readonly count: number;
}

export interface LocksSnapshot {
  /** Locks not granted, and the granted locks on the same objects; capped. */
  readonly locks: readonly LockRow[];
  /** How many such locks there were in all (more than locks.length when capped). */
  readonly locksTotal: number;
  /** Every lock but the agent's own, counted by type, mode and whether granted. */
  readonly counts: readonly LockCount[];
}
