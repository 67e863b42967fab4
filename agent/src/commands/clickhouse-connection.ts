import { ClickHouseSession } from '../collectors/clickhouse/clickhouse-session.js';
import type { ClickHouseQueryClient } from '../collectors/clickhouse/clickhouse-query-client.js';
import type { DatabaseConfig } from '../config/agent-config.js';

/** A ClickHouse client of the command's own (probed afresh: read-only settings, this command's time limit), closed after `use`. */
export async function withClickHouse<T>(database: DatabaseConfig, timeoutMs: number, signal: AbortSignal, use: (client: ClickHouseQueryClient, serverVersion: string) => Promise<T>): Promise<T> {
  const session = new ClickHouseSession(database, { statementTimeoutMs: timeoutMs });
  try {
    const client = await session.client({ signal, statementTimeoutMs: timeoutMs });
    return await use(client, session.serverVersion ?? '');
  } finally {
    await session.close();
  }
}
