import type { vigil } from '@vigil/proto';
import { joinSql, sql } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { atSnapshot, columnsOf, type DatabaseScope, type DetailOf, detailColumns, fromWire, identity, IDENTITY_COLUMNS, kindTable, latestSnapshot, recordKind, scope, selectRows, tableRow, type TableRow } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshots } from '../snapshots-many.js';
import { counter, cut, int32s, items, nonNegative, optionalMs, orZero, text, timestamp } from '../wire-checks.js';

/**
 * pg_stat_activity snapshots (Batch.pg_activity): one marker row per snapshot with the state
 * counts and longest transactions, so an empty snapshot is still "the latest", and one row per
 * listed session.
 */

/** Far above the agent's 500 per snapshot: a batch beyond it is not from our agent. */
const MAX_SESSIONS = 10_000;
const MAX_SNAPSHOTS = 1_000;
const MAX_QUERY_CHARS = 8192;

const SNAPSHOTS = kindTable({
  name: 'pg_activity_snapshots',
  columns: [
    ...IDENTITY_COLUMNS,
    ['sessions_listed', 'uint32'],
    ['sessions_omitted', 'uint32', orZero],
    ['state_names', 'string_array'],
    ['state_counts', 'uint32_array'],
    ['longest_transaction_ms', 'duration', nonNegative],
    ['longest_transaction_pid', 'int32', orZero],
    ['longest_idle_in_transaction_ms', 'duration', nonNegative],
    ['longest_idle_in_transaction_pid', 'int32', orZero],
    ['waiting_on_locks', 'uint32', counter],
  ],
  orderBy: ['org_id', 'database_id', 'ts'],
});

const SESSIONS = kindTable({
  name: 'pg_activity_sessions',
  columns: [
    ...IDENTITY_COLUMNS,
    ['pid', 'int32', orZero],
    ['datname', 'tag', cut()],
    ['usename', 'tag', cut()],
    ['application_name', 'string', cut()],
    ['client_addr', 'string', cut()],
    ...columnsOf('tag', cut(), ['backend_type', 'state', 'wait_event_type', 'wait_event']),
    ['query_start_ms', 'int64', optionalMs],
    ['query_duration_ms', 'duration', nonNegative],
    ['xact_start_ms', 'int64', optionalMs],
    ['xact_duration_ms', 'duration', nonNegative],
    ['state_duration_ms', 'duration', nonNegative],
    ['backend_xid_age', 'uint32', orZero],
    ['backend_xmin_age', 'uint32', orZero],
    ['blocking_pids', 'int32_array', int32s(MAX_SESSIONS)],
    ['query', 'string', cut(MAX_QUERY_CHARS)],
    ['query_hash', 'string', cut(128)],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'pid'],
});

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgActivity, 'pg_activity', MAX_SNAPSHOTS).flatMap((snapshot, i) => {
    const path = `pg_activity[${i}]`;
    const ts = timestamp(snapshot.tsMs, `${path}.ts_ms`, at);
    const sessions = items(snapshot.sessions, `${path}.sessions`, MAX_SESSIONS).map((s, j) => tableRow(SESSIONS, { ...identity(at, ts), ...fromWire(SESSIONS, s, `${path}.sessions[${j}]`) }));
    const states = items(snapshot.stateCounts, `${path}.state_counts`, 100);
    const marker = tableRow(SNAPSHOTS, {
      ...identity(at, ts),
      sessions_listed: sessions.length,
      state_names: states.map((c) => text(c.state, 64)),
      state_counts: states.map((c) => c.count ?? 0),
      ...fromWire(SNAPSHOTS, snapshot, path),
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
  return (await latestActivityMany(ctx, [at], at.limit)).get(at.databaseId) ?? null;
}

/** latestActivity for many databases at once (two queries), by database id; a database before its first snapshot is absent. */
export async function latestActivityMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, ActivitySnapshot>> {
  const headers = await latestHeaders(ctx, SNAPSHOTS, detailColumns(SNAPSHOTS), dbs);
  if (headers.size === 0) return new Map();
  // LIMIT 1 BY pid: a batch stored twice (a retry after a partial write) lists each session once.
  const sessions = ofSnapshots(
    await selectRows(ctx, SESSIONS, ['database_id', 'ts', ...SESSION_COLUMNS], sql`
    FROM pg_activity_sessions
    WHERE ${atSnapshots(dbs, headers)}
    ORDER BY query_duration_ms DESC, pid ASC
    LIMIT 1 BY database_id, ts, pid`),
    headers,
  );
  const out = new Map<string, ActivitySnapshot>();
  for (const [id, { state_names: names, state_counts: counts, batch_id: _b, ...totals }] of headers) {
    out.set(id, {
      ...totals,
      state_counts: names.map((state, i) => ({ state, count: counts[i] ?? 0 })).sort((a, b) => a.state.localeCompare(b.state)),
      sessions: (sessions.get(id) ?? []).slice(0, limit).map(({ database_id: _d, ts: _t, ...session }) => session),
    });
  }
  return out;
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
