import { ERROR_CATALOG, VigilError, type ErrorCode } from '@vigil/shared';
import type { CommandBus, CommandKind } from './command-bus.js';
import type { Database } from '../storage/meta/meta-store.js';

/**
 * Commands from the API to the agent serving a database, through the command bus (`ctx.commands`),
 * which reaches the agent on whichever server process holds its socket.
 */

export interface CommandOptions {
  /** How long the agent may take; the server waits a little longer for its answer to arrive. */
  readonly timeoutMs?: number;
}

/** What any command can fail with: no agent anywhere, no answer in time, or the agent refusing (agent/src/commands/command-dispatcher.ts). */
export const COMMAND_ERRORS: readonly ErrorCode[] = ['AGENT_NOT_CONNECTED', 'COMMAND_TIMEOUT', 'COMMAND_UNKNOWN', 'COMMAND_BAD_ARGS', 'COMMAND_REFUSED', 'COMMAND_FAILED'];

const DEFAULT_TIMEOUT_MS = 15_000;
// The range agents accept (they clamp to it themselves): waiting less than they take would only turn answers into timeouts.
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60_000;

/**
 * Sends a command to the agent serving `db` and resolves with its JSON result. Rejects with a
 * VigilError: AGENT_NOT_CONNECTED (409) when no agent serves it from any reachable process,
 * COMMAND_TIMEOUT (504) when the agent did not answer in time, or the agent's own refusal
 * (COMMAND_REFUSED, STATEMENT_NOT_FOUND, COMMAND_NOT_SUPPORTED, COMMAND_FAILED, ...).
 */
export async function sendCommand(ctx: { readonly commands: CommandBus }, db: Database, kind: CommandKind, args: Readonly<Record<string, unknown>>, options: CommandOptions = {}): Promise<unknown> {
  const timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const reply = await ctx.commands.send(db, kind, args, timeoutMs);
  if (reply.ok) return reply.result;
  const code: ErrorCode = Object.hasOwn(ERROR_CATALOG, reply.code) ? (reply.code as ErrorCode) : 'COMMAND_FAILED';
  throw new VigilError(code, `The agent answered: ${reply.error}`);
}

/**
 * POST /queries/{hash}/explain: a plan made now by the agent, for the statement with this
 * hash on `db` (PostgreSQL queryid or ClickHouse fingerprint, as a decimal string).
 */
export function explainStatement(ctx: { readonly commands: CommandBus }, db: Database, queryHash: string, options: CommandOptions = {}): Promise<unknown> {
  return sendCommand(ctx, db, 'explain', { query_hash: queryHash }, options);
}
