import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { DatabaseConfig } from '../config/agent-config.js';

/** What every command handler is given: the configured databases, their settings, and this command's limits. */
export interface CommandContext {
  readonly databases: readonly DatabaseConfig[];
  /** Whether the server's settings allow explain commands on this database (collect_explain_plans). */
  explainAllowed(database: string): boolean;
  /** The agent's status as a JSON document (the status command's answer). */
  status(): unknown;
  /** Aborted when the command runs out of time; handlers pass it on and stop. */
  readonly signal: AbortSignal;
  /** What is left of the command's time, for the server-side limits of its queries. */
  readonly timeoutMs: number;
}

/** One command kind: validates its JSON arguments and answers with a JSON-able result, or throws a VigilError. */
export type CommandHandler = (args: unknown, ctx: CommandContext) => Promise<unknown>;

/** The arguments as `schema` reads them; COMMAND_BAD_ARGS naming the first bad field otherwise. */
export function parseArgs<T>(schema: z.ZodType<T>, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new VigilError('COMMAND_BAD_ARGS', `${issue.path.join('.') || 'args'}: ${issue.message}`);
}

/** Arguments naming one configured database. */
export const DatabaseArgs = z.object({ database: z.string().min(1, 'must name a database') });

/** The configured database named `name`; COMMAND_BAD_ARGS when this agent has none by that name. */
export function configuredDatabase(ctx: CommandContext, name: string): DatabaseConfig {
  const database = ctx.databases.find((db) => db.name === name);
  if (!database) throw new VigilError('COMMAND_BAD_ARGS', `database: this agent monitors no database named "${name}"`);
  return database;
}
