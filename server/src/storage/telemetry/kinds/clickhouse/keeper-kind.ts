import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { atSnapshot, columnsOf, detailColumns, latestSnapshot, recordKind, scope, selectRows, SNAPSHOT_COLUMNS, kindTable, wireSnapshotRows, type DetailOf } from '../kind-table.js';
import { counter, cut, integer, label, MAX_MESSAGE, nonNegative, orFalse, text } from '../wire-checks.js';

/**
 * The server's ZooKeeper/Keeper session and its Keeper nodes as probed from the agent's host
 * (ClickHouseKeeperSnapshot): one row per node, the session's figures repeated on each (the
 * ClickHouse snapshot layout), one `present = 0` row when no node is known.
 */

/** system.metrics gauges and system.events counters (since the server started), as sent. */
export const KEEPER_COUNTS = ['sessions', 'watches', 'requests_in_flight', 'session_inits', 'hardware_exceptions', 'user_exceptions', 'other_exceptions', 'transactions', 'wait_microseconds'] as const;

export const CLICKHOUSE_KEEPER = kindTable({
  name: 'clickhouse_keeper',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['configured', 'flag'],
    ['session_ok', 'flag'],
    ['session_error', 'string'],
    ['root_read_ms', 'float'],
    ...columnsOf('gauge', counter, KEEPER_COUNTS).map(([column, spec]) => [column, spec] as const),
    ['has_connection_table', 'flag'],
    ['connected_host', 'string'],
    ['connected_port', 'uint32'],
    ['connected_since_ms', 'int64'],
    ['session_expired', 'flag'],
    ['host', 'string', label],
    ['port', 'uint32', counter],
    ['reachable', 'flag', orFalse],
    ['connect_ms', 'float', nonNegative],
    ['error', 'string', cut(MAX_MESSAGE)],
    ['connected', 'flag', orFalse],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'host', 'port'],
});

export const clickHouseKeeperKind = recordKind({
  name: 'clickhouse_keeper',
  version: 211,
  tables: [CLICKHOUSE_KEEPER],
  fromBatch: (batch, at) =>
    wireSnapshotRows(CLICKHOUSE_KEEPER, at, {
      records: batch.clickhouseKeeper,
      path: 'clickhouse_keeper',
      list: 'nodes',
      common: (r, field) => ({
        configured: orFalse(r.configured),
        session_ok: orFalse(r.sessionOk),
        session_error: text(r.sessionError, MAX_MESSAGE),
        root_read_ms: nonNegative(r.rootReadMs, `${field}.root_read_ms`),
        sessions: counter(r.sessions, `${field}.sessions`),
        watches: counter(r.watches, `${field}.watches`),
        requests_in_flight: counter(r.requestsInFlight, `${field}.requests_in_flight`),
        session_inits: counter(r.sessionInits, `${field}.session_inits`),
        hardware_exceptions: counter(r.hardwareExceptions, `${field}.hardware_exceptions`),
        user_exceptions: counter(r.userExceptions, `${field}.user_exceptions`),
        other_exceptions: counter(r.otherExceptions, `${field}.other_exceptions`),
        transactions: counter(r.transactions, `${field}.transactions`),
        wait_microseconds: counter(r.waitMicroseconds, `${field}.wait_microseconds`),
        has_connection_table: orFalse(r.hasConnectionTable),
        connected_host: text(r.connectedHost),
        connected_port: counter(r.connectedPort, `${field}.connected_port`),
        connected_since_ms: integer(r.connectedSinceMs, `${field}.connected_since_ms`),
        session_expired: orFalse(r.sessionExpired),
      }),
    }),
});

// ---------------------------------------------------------------- reads

export type KeeperRow = DetailOf<typeof CLICKHOUSE_KEEPER>;
const SESSION_COLUMNS = [
  'configured', 'session_ok', 'session_error', 'root_read_ms', ...KEEPER_COUNTS,
  'has_connection_table', 'connected_host', 'connected_port', 'connected_since_ms', 'session_expired',
] as const;
type SessionColumn = (typeof SESSION_COLUMNS)[number];
export type KeeperSessionView = Pick<KeeperRow, SessionColumn>;
export type KeeperNodeView = Omit<KeeperRow, SessionColumn>;
const NODE_COLUMNS = ['host', 'port', 'reachable', 'connect_ms', 'error', 'connected'] as const;

/** The newest Keeper snapshot: the session and the nodes by host and port; null before any. */
export async function latestClickHouseKeeper(ctx: KindContext, req: { orgId: string; databaseId: string }): Promise<{ ts: number; session: KeeperSessionView; nodes: KeeperNodeView[] } | null> {
  const snapshot = await latestSnapshot(ctx, CLICKHOUSE_KEEPER, req);
  if (snapshot === null) return null;
  const rows = await selectRows(ctx, CLICKHOUSE_KEEPER, ['present', ...detailColumns(CLICKHOUSE_KEEPER)], sql`
    FROM clickhouse_keeper WHERE ${scope(req)} AND ${atSnapshot(ctx, snapshot)}
    ORDER BY host, port
    LIMIT 1 BY host, port
    LIMIT 1000`);
  const first = rows[0]!;
  const session = Object.fromEntries(SESSION_COLUMNS.map((c) => [c, first[c]])) as KeeperSessionView;
  const nodes = rows.filter((r) => r.present).map((r) => Object.fromEntries(NODE_COLUMNS.map((c) => [c, r[c]])) as KeeperNodeView);
  return { ts: snapshot.ts, session, nodes };
}
