import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { DatabaseConfig } from '../config/agent-config.js';
import { describeError } from '../logging/describe-error.js';
import { withClickHouse } from './clickhouse-connection.js';
import { DatabaseArgs, configuredDatabase, parseArgs, type CommandContext } from './command-context.js';
import { connectPostgres } from './postgres-connection.js';

const PG_CHECK_SQL = `${AGENT_QUERY_MARKER}
SELECT current_setting('server_version') AS server_version,
       EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS pg_stat_statements`;

export interface ConnectionTest {
  readonly database: string;
  readonly engine: DatabaseConfig['engine'];
  readonly reachable: boolean;
  readonly server_version: string | null;
  /** Connect plus one query, in milliseconds. */
  readonly latency_ms: number;
  /** Why it is unreachable, in plain language (never a password). */
  readonly error: string | null;
  /** PostgreSQL only: whether the extension the statements collector reads is installed. */
  readonly pg_stat_statements?: boolean;
}

/**
 * `test_connection`: connects to one database afresh, as the collectors would, and reports what
 * happened. An unreachable database is an answer, not a failed command.
 */
export async function testConnectionCommand(args: unknown, ctx: CommandContext): Promise<ConnectionTest> {
  const database = configuredDatabase(ctx, parseArgs(DatabaseArgs, args).database);
  const started = performance.now();
  const base = { database: database.name, engine: database.engine };
  try {
    const found = database.engine === 'postgres' ? await testPostgres(database, ctx.timeoutMs) : await withClickHouse(database, ctx.timeoutMs, ctx.signal, async (_client, version) => ({ server_version: version }));
    return { ...base, reachable: true, latency_ms: Math.round(performance.now() - started), error: null, ...found };
  } catch (err) {
    // describeError names host and port at most; the dispatcher redacts configured secrets from the whole result too.
    return { ...base, reachable: false, server_version: null, latency_ms: Math.round(performance.now() - started), error: describeError(err) };
  }
}

async function testPostgres(database: DatabaseConfig, timeoutMs: number): Promise<{ server_version: string; pg_stat_statements: boolean }> {
  const client = await connectPostgres(database.url, timeoutMs);
  try {
    const row = (await client.query(PG_CHECK_SQL)).rows[0] as { server_version: string; pg_stat_statements: boolean };
    return { server_version: row.server_version, pg_stat_statements: row.pg_stat_statements };
  } finally {
    await client.end().catch(() => undefined);
  }
}
