import { AGENT_QUERY_MARKER, isVigilError } from '@vigil/shared';
import { KEEPER_EVENT_COLUMNS, KEEPER_METRIC_COLUMNS, type KeeperCounts, type KeeperSession } from '../../state/clickhouse-keeper-state.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { errorText, flag, num, secondsToMs, str } from './clickhouse-values.js';
import { readTableColumns, selectColumn, type TableColumns } from './system-catalog.js';

/** system.metrics and system.events names per field: every release since 18.x has them (events appear once they happen). */
const METRICS: Readonly<Record<(typeof KEEPER_METRIC_COLUMNS)[number], string>> = { sessions: 'ZooKeeperSession', watches: 'ZooKeeperWatch', requests_in_flight: 'ZooKeeperRequest' };
const EVENTS: Readonly<Record<(typeof KEEPER_EVENT_COLUMNS)[number], string>> = {
  session_inits: 'ZooKeeperInit',
  hardware_exceptions: 'ZooKeeperHardwareExceptions',
  user_exceptions: 'ZooKeeperUserExceptions',
  other_exceptions: 'ZooKeeperOtherExceptions',
  transactions: 'ZooKeeperTransactions',
  wait_microseconds: 'ZooKeeperWaitMicroseconds',
};

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');
const COUNTS_SQL = `${AGENT_QUERY_MARKER}
SELECT metric AS name, toFloat64(value) AS value FROM system.metrics WHERE metric IN (${quoted(Object.values(METRICS))})
UNION ALL
SELECT event AS name, toFloat64(value) AS value FROM system.events WHERE event IN (${quoted(Object.values(EVENTS))})`;

/** Listing the root proves the session serves requests; system.zookeeper needs a path. */
const ROOT_SQL = `${AGENT_QUERY_MARKER}
SELECT count() AS children FROM system.zookeeper WHERE path = '/'`;

/** The session's node (23.x on); several rows when auxiliary ZooKeepers are configured: the default one is named 'default'. */
const CONNECTION_SQL = (c: TableColumns): string => `${AGENT_QUERY_MARKER}
SELECT host, port, ${c.has('connected_time') ? 'toUInt32(connected_time)' : '0'} AS connected_s, ${selectColumn(c, 'is_expired', '0')}
  FROM system.zookeeper_connection
 ORDER BY name = 'default' DESC, name
 LIMIT 1`;

/** The server's ZooKeeper/Keeper session: whether it works, its counters, and (23.x on) the node it is on. */
export async function collectKeeper(client: ClickHouseQueryClient): Promise<KeeperSession> {
  const tables = await readTableColumns(client, 'system', ['zookeeper', 'zookeeper_connection']);
  const values = new Map((await client.query(COUNTS_SQL)).map((row) => [str(row.name), num(row.value)]));
  const counts = Object.fromEntries([...Object.entries(METRICS), ...Object.entries(EVENTS)].map(([field, name]) => [field, values.get(name) ?? 0])) as KeeperCounts;
  const connectionColumns = tables.get('zookeeper_connection');
  const connection = connectionColumns ? ((await client.query(CONNECTION_SQL(connectionColumns)))[0] ?? null) : null;
  const configured = tables.has('zookeeper') || connection !== null;
  let sessionOk = false;
  let sessionError = '';
  let rootReadMs = 0;
  if (configured) {
    const started = performance.now();
    try {
      await client.query(ROOT_SQL);
      sessionOk = true;
    } catch (err) {
      // ClickHouse refusing the read is the finding (no session, connection loss); anything else is the run's failure.
      if (!(isVigilError(err) && err.code === 'CLICKHOUSE_QUERY_FAILED')) throw err;
      sessionError = errorText(err.message);
    }
    rootReadMs = Math.round((performance.now() - started) * 1000) / 1000;
  }
  return {
    ...counts,
    configured,
    sessionOk,
    sessionError,
    rootReadMs,
    hasConnectionTable: connectionColumns !== undefined,
    connectedHost: connection ? str(connection.host) : '',
    connectedPort: connection ? num(connection.port) : 0,
    connectedSinceMs: connection ? secondsToMs(connection.connected_s) : 0,
    sessionExpired: connection ? flag(connection.is_expired) : false,
  };
}
