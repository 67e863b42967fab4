import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { num } from './clickhouse-values.js';

/** uptime() exists on every release; with the agent's clock it dates the server's start, so a restart shows. */
const UPTIME_SQL = `${AGENT_QUERY_MARKER}
SELECT uptime() AS uptime_s`;

/** Seconds since the server started. */
export async function collectUptime(client: ClickHouseQueryClient): Promise<number> {
  const rows = await client.query(UPTIME_SQL);
  return num(rows[0]?.uptime_s);
}
