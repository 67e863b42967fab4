import type { vigil } from '@vigil/proto';
import { joinSql, sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { atSnapshot, type DatabaseScope, type DetailOf, detailColumns, identity, IDENTITY_COLUMNS, kindTable, latestSnapshot, recordKind, scope, selectRows, tableRow, type TableRow } from '../kind-table.js';
import { counter, int32List, items, nonNegative, optionalMs, text, timestamp } from '../wire-checks.js';

/**
 * pg_stat_activity snapshots (Batch.pg_activity): one marker row per snapshot with the state
 * counts and longest transactions, so an empty snapshot is still "the latest", and one row per
 * listed session.
 */

const SNAPSHOTS = kindTable({
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
  orderBy: ['org_id', 'database_id', 'ts'],
});

const SESSIONS = kindTable({
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
  orderBy: ['org_id', 'database_id', 'ts', 'pid'],
});

/** Far above the agent's 500 per snapshot: a batch beyond it is not from our agent. */
const MAX_SESSIONS = 10_000;
const MAX_SNAPSHOTS = 1_000;
const MAX_QUERY_CHARS = 8192;

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgActivity, 'pg_activity', MAX_SNAPSHOTS).flatMap((snapshot, i) => {
    const path = `pg_activity[${i}]`;
    const ts = timestamp(snapshot.tsMs, `${path}.ts_ms`, at);
    const sessions = items(snapshot.sessions, `${path}.sessions`, MAX_SESSIONS).map((s, j): TableRow => {
      const p = `${path}.sessions[${j}]`;
      return tableRow(SESSIONS, {
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
          blocking_pids: int32List(s.blockingPids, `${p}.blocking_pids`, MAX_SESSIONS),
          query: text(s.query, MAX_QUERY_CHARS),
          query_hash: text(s.queryHash, 128),
        });
    });
    const states = items(snapshot.stateCounts, `${path}.state_counts`, 100);
    const marker: TableRow = tableRow(SNAPSHOTS, {
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
      });
    return [...sessions, marker];
  });
}

export const activityKind = recordKind({ name: 'pg_activity', version: 100, tables: [SESSIONS, SNAPSHOTS], fromBatch });

/** One session as stored (0 and '' mean "none" or "unknown", as on the wire). */
export type ActivitySession = DetailOf<typeof SESSIONS>;

type Summary = DetailOf<typeof SNAPSHOTS>;

/** One activity snapshot: its summary and its sessions (longest-running first). */
export type ActivitySnapshot = { readonly ts: number; readonly state_counts: readonly { readonly state: string; readonly count: number }[]; readonly sessions: readonly ActivitySession[] } & Omit<
  Summary,
  'state_names' | 'state_counts'
>;

const SESSION_COLUMNS = detailColumns(SESSIONS);

/** The latest activity snapshot with at most `limit` sessions (longest query first, then pid), or null before the first. */
export async function latestActivity(ctx: KindContext, at: DatabaseScope & { readonly limit: number }): Promise<ActivitySnapshot | null> {
  const latest = await latestSnapshot(ctx, SNAPSHOTS, at);
  if (!latest) return null;
  const [summary] = await selectRows(ctx, SNAPSHOTS, detailColumns(SNAPSHOTS), sql`FROM pg_activity_snapshots WHERE ${scope(at)} AND ${atSnapshot(ctx, latest)} LIMIT 1`);
  // LIMIT 1 BY pid: a batch stored twice (a retry after a partial write) lists each session once.
  const sessions = await selectRows(ctx, SESSIONS, SESSION_COLUMNS, sql`
    FROM pg_activity_sessions
    WHERE ${scope(at)} AND ${atSnapshot(ctx, latest)}
    ORDER BY query_duration_ms DESC, pid ASC
    LIMIT 1 BY pid
    LIMIT ${at.limit}`);
  const { state_names: names, state_counts: counts, ...totals } = summary!;
  return {
    ts: latest.ts,
    ...totals,
    state_counts: names.map((state, i) => ({ state, count: counts[i] ?? 0 })).sort((a, b) => a.state.localeCompare(b.state)),
    sessions,
  };
}

/**
 * Sessions `pids` as the last activity snapshot within `toleranceMs` of `ts` saw them: what the
 * lock view shows as each holder's or waiter's query. Snapshots run on their own schedule, so a
 * nearby one is the best match there is.
 */
export async function sessionsNear(ctx: KindContext, at: DatabaseScope & { readonly ts: number; readonly toleranceMs: number; readonly pids: readonly number[] }): Promise<Map<number, ActivitySession>> {
  if (at.pids.length === 0) return new Map();
  const near = await latestSnapshot(ctx, SNAPSHOTS, at, { since: at.ts - at.toleranceMs, until: at.ts + at.toleranceMs + 1 });
  if (!near) return new Map();
  const sessions = await selectRows(ctx, SESSIONS, SESSION_COLUMNS, sql`
    FROM pg_activity_sessions
    WHERE ${scope(at)} AND ${atSnapshot(ctx, near)} AND pid IN (${joinSql(at.pids.map((pid) => sql`${pid}`))})
    LIMIT 1 BY pid`);
  return new Map(sessions.map((s) => [s.pid, s]));
}
