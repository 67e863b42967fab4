import { ERROR_CATALOG, VigilError, type ErrorCode } from '@vigil/shared';
import type { AppContext } from '../context.js';
import type { Database } from '../storage/meta/meta-store.js';

/**
 * Commands from the API to the agent serving a database, over that agent's socket. Only the
 * process the agent is connected to can reach it: with several server processes behind a load
 * balancer, a request landing on another process gets AGENT_NOT_CONNECTED (409) saying so
 * (relaying between processes is future work, see docs/architecture.md).
 */

/** The command kinds agents accept (they refuse anything else themselves). */
export type CommandKind = 'explain' | 'test_connection' | 'status';

export interface CommandOptions {
  /** How long the agent may take; the server waits a little longer for its answer to arrive. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// The range agents accept (they clamp to it themselves): waiting less than they take would only turn answers into timeouts.
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60_000;
// An agent that answered within this many heartbeat intervals is probably connected to another server process.
const RECENTLY_SEEN_INTERVALS = 3;

/**
 * Sends a command to the agent serving `db` and resolves with its JSON result. The agent is told
 * the database by the name it announced (`database` in the args). Rejects with a
 * VigilError: AGENT_NOT_CONNECTED (409) when no agent serves it from this process,
 * COMMAND_TIMEOUT (504) when the agent did not answer in time, or the agent's own refusal
 * (COMMAND_REFUSED, STATEMENT_NOT_FOUND, COMMAND_NOT_SUPPORTED, COMMAND_FAILED, ...).
 */
export async function sendCommand(ctx: AppContext, db: Database, kind: CommandKind, args: Readonly<Record<string, unknown>>, options: CommandOptions = {}): Promise<unknown> {
  const agent = ctx.agents.agentFor(db.id);
  if (!agent) throw notConnected(ctx, db);
  const timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const reply = await agent.command(kind, { ...args, database: agent.announcedName(db.id) ?? db.name }, timeoutMs);
  if (reply.ok) return reply.result;
  const code: ErrorCode = Object.hasOwn(ERROR_CATALOG, reply.code) ? (reply.code as ErrorCode) : 'COMMAND_FAILED';
  throw new VigilError(code, `The agent answered: ${reply.error}`);
}

/**
 * POST /queries/{hash}/explain: a plan made now by the agent, for the statement with this
 * hash on `db` (PostgreSQL queryid or ClickHouse fingerprint, as a decimal string).
 */
export function explainStatement(ctx: AppContext, db: Database, queryHash: string, options: CommandOptions = {}): Promise<unknown> {
  return sendCommand(ctx, db, 'explain', { query_hash: queryHash }, options);
}

function notConnected(ctx: AppContext, db: Database): VigilError {
  const seenMs = db.last_seen_at ? Date.now() - Date.parse(db.last_seen_at) : Number.POSITIVE_INFINITY;
  if (seenMs <= RECENTLY_SEEN_INTERVALS * ctx.config.heartbeatIntervalSeconds * 1000) {
    return new VigilError(
      'AGENT_NOT_CONNECTED',
      `The agent serving this database is not connected to this server process, but it was seen ${Math.max(0, Math.round(seenMs / 1000))} s ago: ` +
        'it is probably connected to another server process, and commands reach only agents connected to the process that receives the request. Retry, or send the request to that process.',
    );
  }
  return new VigilError('AGENT_NOT_CONNECTED', `No agent serving this database is connected${db.last_seen_at ? ` (last seen ${db.last_seen_at})` : ''}`);
}
