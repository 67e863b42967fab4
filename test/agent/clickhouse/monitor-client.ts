import { randomBytes } from 'node:crypto';
import { ClickHouseSession } from '../../../agent/src/collectors/clickhouse/clickhouse-session.js';
import type { ClickHouseQueryClient } from '../../../agent/src/collectors/clickhouse/clickhouse-query-client.js';
import type { ChInstance } from '../../harness/clickhouse.ts';

/**
 * The agent's real client, as the harness's read-only monitor user (the closest 18.16 has to
 * SELECT ON system.*), with a scratch database of the suite's own: the ClickHouse server is
 * shared by the whole test run, so suites look only at their own tables.
 */
export interface MonitorFixture {
  readonly client: ClickHouseQueryClient;
  /** A database created for this suite and dropped after it. */
  readonly database: string;
  close(): Promise<void>;
}

/** Opens an agent session to `ch` as the monitor user and creates a scratch database as default. */
export async function openMonitorFixture(ch: ChInstance): Promise<MonitorFixture> {
  const database = `vigil_agent_${randomBytes(4).toString('hex')}`;
  await ch.query(`CREATE DATABASE ${database}`);
  const session = new ClickHouseSession({ name: 'ch', engine: 'clickhouse', url: ch.monitorUrl }, { statementTimeoutMs: 10_000 });
  const client = await session.client({ signal: new AbortController().signal, statementTimeoutMs: 10_000 });
  return {
    client,
    database,
    async close() {
      await session.close();
      await ch.query(`DROP DATABASE IF EXISTS ${database}`);
    },
  };
}

/** Mocha helper, called inside describe(): a fixture opened before the suite's tests and closed after them. */
export function useMonitorFixture(clickhouse: () => ChInstance): () => MonitorFixture {
  let fixture: MonitorFixture | undefined;
  before(async () => {
    fixture = await openMonitorFixture(clickhouse());
  });
  after(async () => {
    await fixture?.close();
  });
  return () => {
    if (!fixture) throw new Error('useMonitorFixture(): the fixture is not open yet; use it inside it() or a hook');
    return fixture;
  };
}

/** Polls `probe` every 25 ms until it returns something, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
