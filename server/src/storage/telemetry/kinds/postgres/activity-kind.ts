import type { vigil } from '@vigil/proto';
import { joinSql, sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext, RecordKind } from '../../record-kind.js';
import {
  counter,
  createTable,
  decodeRow,
  detailColumns,
  identity,
  IDENTITY_COLUMNS,
  insertTableRows,
  int32List,
  latestSnapshot,
  list,
  nonNegative,
  optionalMs,
  scope,
  selectList,
  snapshotIs,
  snapshotTime,
  text,
  type DatabaseScope,
  type PgTable,
  type TableRow,
} from './pg-kind-support.js';

/**
 * pg_stat_activity snapshots (Batch.pg_activity): one marker row per snapshot with the state
 * counts and longest transactions, so an empty snapshot is still "the latest", and one row per
 * listed session.
 */

const SNAPSHOTS: PgTable = {
  name: 'pg_activity_snapshots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['sessions_listed', 'uint32'],
    ['sessions_omitted', 'uint32'],
    ['state_names', 'string_array'],
    ['state_counts', 'uint32_array'],
    ['longest_transaction_ms', 'duration'],
    ['longest_transaction_pid', 'int32'],
    ['longest_idle_in_transaction_ms', 'duration'],
    ['longest_idle_in_transaction_pid', 'int32'],
    ['waiting_on_locks', 'uint32'],
  ],
  orderBy: 'org_id, database_id, ts',
};

const SESSIONS: PgTable = {
  name: 'pg_activity_sessions',
  columns: [
    ...IDENTITY_COLUMNS,
    ['pid', 'int32'],
    ['datname', 'tag'],
    ['usename', 'tag'],
    ['application_name', 'string'],
    ['client_addr', 'string'],
    ['backend_type', 'tag'],
    ['state', 'tag'],
    ['wait_event_type', 'tag'],
    ['wait_event', 'tag'],
    ['query_start_ms', 'int64'],
    ['query_duration_ms', 'duration'],
    ['xact_start_ms', 'int64'],
    ['xact_duration_ms', 'duration'],
    ['state_duration_ms', 'duration'],
    ['backend_xid_age', 'uint32'],
    ['backend_xmin_age', 'uint32'],
    ['blocking_pids', 'int32_array'],
    ['query', 'string'],
    ['query_hash', 'string'],
  ],
  orderBy: 'org_id, database_id, ts, pid',
};

/** Far above the agent's 500 per snapshot: a batch beyond it is not from our agent. */
const MAX_SESSIONS = 10_000;
const MAX_SNAPSHOTS = 1_000;
const MAX_QUERY_CHARS = 8192;

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return list(batch.pgActivity, MAX_SNAPSHOTS, 'pg_activity').flatMap((snapshot, i) => {
    const path = `pg_activity[${i}]`;
    const ts = snapshotTime(snapshot.tsMs, `${path}.ts_ms`, at);
    const sessions = list(snapshot.sessions, MAX_SESSIONS, `${path}.sessions`).map((s, j): TableRow => {
      const p = `${path}.sessions[${j}]`;
      return {
        table: SESSIONS,
        values: {
          ...identity(at, ts),
          pid: s.pid ?? 0,
          datname: text(s.datname),
          usename: text(s.usename),
          application_name: text(s.applicationName),
          client_addr: text(s.clientAddr),
          backend_type: text(s.backendType),
          state: text(s.state),
          wait_event_type: text(s.waitEventType),
          wait_event: text(s.waitEvent),
          query_start_ms: optionalMs(s.queryStartMs, `${p}.query_start_ms`),
          query_duration_ms: nonNegative(s.queryDurationMs, `${p}.query_duration_ms`),
          xact_start_ms: optionalMs(s.xactStartMs, `${p}.xact_start_ms`),
          xact_duration_ms: nonNegative(s.xactDurationMs, `${p}.xact_duration_ms`),
          state_duration_ms: nonNegative(s.stateDurationMs, `${p}.state_duration_ms`),
          backend_xid_age: s.backendXidAge ?? 0,
          backend_xmin_age: s.backendXminAge ?? 0,
          blocking_pids: int32List(s.blockingPids, MAX_SESSIONS, `${p}.blocking_pids`),
          query: text(s.query, MAX_QUERY_CHARS),
          query_hash: text(s.queryHash, 128),
        },
      };
    });
    const states = list(snapshot.stateCounts, 100, `${path}.state_counts`);
    const marker: TableRow = {
      table: SNAPSHOTS,
      values: {
        ...identity(at, ts),
        sessions_listed: sessions.length,
        sessions_omitted: snapshot.sessionsOmitted ?? 0,
        state_names: states.map((c) => text(c.state, 64)),
        state_counts: states.map((c) => c.count ?? 0),
        longest_transaction_ms: nonNegative(snapshot.longestTransactionMs, `${path}.longest_transaction_ms`),
        longest_transaction_pid: snapshot.longestTransactionPid ?? 0,
        longest_idle_in_transaction_ms: nonNegative(snapshot.longestIdleInTransactionMs, `${path}.longest_idle_in_transaction_ms`),
        longest_idle_in_transaction_pid: snapshot.longestIdleInTransactionPid ?? 0,
        waiting_on_locks: counter(snapshot.waitingOnLocks, `${path}.waiting_on_locks`),
      },
    };
    return [...sessions, marker];
  });
}

export const activityKind: RecordKind<TableRow> = {
  name: 'pg_activity',
  tables: [SNAPSHOTS, SESSIONS].map((t) => ({ name: t.name, retention: 'raw' as const })),
  migrations: [{ version: 100, name: 'pg_activity', statements: (f, time) => [createTable(SESSIONS, f, time), createTable(SNAPSHOTS, f, time)] }],
  fromBatch,
  insert: (ctx, rows) => insertTableRows(ctx, [SESSIONS, SNAPSHOTS], rows),
};

/** One session as stored (0 and '' mean "none" or "unknown", as on the wire). */
export interface ActivitySession {
  readonly pid: number;
  readonly datname: string;
  readonly usename: string;
  readonly application_name: string;
  readonly client_addr: string;
  readonly backend_type: string;
  readonly state: string;
  readonly wait_event_type: string;
  readonly wait_event: string;
  readonly query_start_ms: number;
  readonly query_duration_ms: number;
  readonly xact_start_ms: number;
  readonly xact_duration_ms: number;
  readonly state_duration_ms: number;
  readonly backend_xid_age: number;
  readonly backend_xmin_age: number;
  readonly blocking_pids: readonly number[];
  readonly query: string;
  readonly query_hash: string;
}

/** One activity snapshot: its summary and its sessions (longest-running first). */
export interface ActivitySnapshot {
  readonly ts: number;
  readonly sessions_listed: number;
  readonly sessions_omitted: number;
  readonly state_counts: readonly { readonly state: string; readonly count: number }[];
  readonly longest_transaction_ms: number;
  readonly longest_transaction_pid: number;
  readonly longest_idle_in_transaction_ms: number;
  readonly longest_idle_in_transaction_pid: number;
  readonly waiting_on_locks: number;
  readonly sessions: readonly ActivitySession[];
}

const SESSION_COLUMNS = detailColumns(SESSIONS);

/** The latest activity snapshot with at most `limit` sessions (longest query first, then pid), or null before the first. */
export async function latestActivity(ctx: KindContext, at: DatabaseScope & { readonly limit: number }): Promise<ActivitySnapshot | null> {
  const time = ctx.schema.time;
  const latest = await latestSnapshot(ctx, SNAPSHOTS, at);
  if (!latest) return null;
  const [marker] = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${selectList(time, SNAPSHOTS)} FROM pg_activity_snapshots
    WHERE ${scope(at.orgId, at.databaseId)} AND ${snapshotIs(time, latest)}
    LIMIT 1`);
  const summary = decodeRow(SNAPSHOTS, marker!) as unknown as Omit<ActivitySnapshot, 'ts' | 'state_counts' | 'sessions'> & { state_names: string[]; state_counts: number[] };
  // LIMIT 1 BY pid: a batch stored twice (a retry after a partial write) lists each session once.
  const sessions = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${selectList(time, SESSIONS, SESSION_COLUMNS)} FROM pg_activity_sessions
    WHERE ${scope(at.orgId, at.databaseId)} AND ${snapshotIs(time, latest)}
    ORDER BY query_duration_ms DESC, pid ASC
    LIMIT 1 BY pid
    LIMIT ${at.limit}`);
  return {
    ts: latest.ts,
    sessions_listed: summary.sessions_listed,
    sessions_omitted: summary.sessions_omitted,
    state_counts: summary.state_names.map((state, i) => ({ state, count: summary.state_counts[i] ?? 0 })).sort((a, b) => a.state.localeCompare(b.state)),
    longest_transaction_ms: summary.longest_transaction_ms,
    longest_transaction_pid: summary.longest_transaction_pid,
    longest_idle_in_transaction_ms: summary.longest_idle_in_transaction_ms,
    longest_idle_in_transaction_pid: summary.longest_idle_in_transaction_pid,
    waiting_on_locks: summary.waiting_on_locks,
    sessions: sessions.map((row) => decodeRow(SESSIONS, row) as unknown as ActivitySession),
  };
}

/**
 * Sessions `pids` as the last activity snapshot within `toleranceMs` of `ts` saw them: what the
 * lock view shows as each holder's or waiter's query. Snapshots run on their own schedule, so a
 * nearby one is the best match there is.
 */
export async function sessionsNear(ctx: KindContext, at: DatabaseScope & { readonly ts: number; readonly toleranceMs: number; readonly pids: readonly number[] }): Promise<Map<number, ActivitySession>> {
  const time = ctx.schema.time;
  if (at.pids.length === 0) return new Map();
  const near = await latestSnapshot(ctx, SNAPSHOTS, at, { since: at.ts - at.toleranceMs, until: at.ts + at.toleranceMs + 1 });
  if (!near) return new Map();
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${selectList(time, SESSIONS, SESSION_COLUMNS)} FROM pg_activity_sessions
    WHERE ${scope(at.orgId, at.databaseId)} AND ${snapshotIs(time, near)} AND pid IN (${joinSql(at.pids.map((pid) => sql`${pid}`))})
    LIMIT 1 BY pid`);
  return new Map(rows.map((row) => decodeRow(SESSIONS, row) as unknown as ActivitySession).map((s) => [s.pid, s]));
}
