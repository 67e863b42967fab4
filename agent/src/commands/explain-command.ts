import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import { explainClickHouseQuery } from './clickhouse-explain.js';
import { withClickHouse } from './clickhouse-connection.js';
import { configuredDatabase, parseArgs, type CommandContext } from './command-context.js';
import { explainPostgresStatement } from './postgres-explain.js';

const ExplainArgs = z.object({
  database: z.string().min(1, 'must name a database'),
  // PostgreSQL queryids are signed 64-bit, ClickHouse fingerprints unsigned: both travel as decimal strings.
  query_hash: z.string().regex(/^-?\d{1,20}$/, 'must be a query hash (a decimal 64-bit number)'),
});

/** `explain`: a plan for the statement with this hash on one database, if its settings allow plans. */
export async function explainCommand(args: unknown, ctx: CommandContext): Promise<unknown> {
  const { database: name, query_hash: queryHash } = parseArgs(ExplainArgs, args);
  const database = configuredDatabase(ctx, name);
  if (!ctx.explainAllowed(name)) throw new VigilError('COMMAND_REFUSED', `explain plans are turned off for database "${name}" (collect_explain_plans is false)`);
  if (database.engine === 'postgres') return explainPostgresStatement(database, queryHash, { statementTimeoutMs: ctx.timeoutMs });
  return withClickHouse(database, ctx.timeoutMs, ctx.signal, (client, version) => explainClickHouseQuery(client, version, name, queryHash));
}
