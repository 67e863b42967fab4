import { VigilError } from '@vigil/shared';
import type { AgentRegistry, CommandReply } from '../ingest/agent-registry.js';
import type { Database } from '../storage/meta/meta-store.js';

/** The command kinds agents accept (they refuse anything else themselves). */
export type CommandKind = 'explain' | 'test_connection' | 'status';

/**
 * How a command or a settings change reaches the agent serving a database, whichever server
 * process its socket is on. One folder per implementation: `local/` (one process: SQLite
 * metadata) and `postgres/` (several processes over one PostgreSQL: LISTEN/NOTIFY plus a table
 * for the replies). Routes and services only see this interface.
 */
export interface CommandBus {
  /**
   * Runs a command on the agent serving `db` and resolves with its reply. Rejects with
   * AGENT_NOT_CONNECTED (409) when no process holds that agent, COMMAND_TIMEOUT (504) when it did
   * not answer within `timeoutMs` (plus the session's grace).
   */
  send(db: Database, kind: CommandKind, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply>;
  /** Tells the agent serving this database, wherever it is connected, its stored settings (after PATCH /databases/{id}). */
  pushSettings(databaseId: string): Promise<void>;
  /** Starts hearing other processes (a no-op for the local bus). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs the command on the agent this process holds for `db`; undefined when none is connected
 * here. The agent is told the database by the name it announced in its Hello.
 */
export function commandHere(agents: AgentRegistry, db: Pick<Database, 'id' | 'name'>, kind: string, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply> | undefined {
  const agent = agents.agentFor(db.id);
  if (!agent) return undefined;
  return agent.command(kind, { ...args, database: agent.announcedName(db.id) ?? db.name }, timeoutMs);
}

/** AGENT_NOT_CONNECTED for a database no reachable process holds an agent for. */
export function notConnectedError(db: Pick<Database, 'last_seen_at'>, detail = ''): VigilError {
  return new VigilError('AGENT_NOT_CONNECTED', `No agent serving this database is connected${db.last_seen_at ? ` (last seen ${db.last_seen_at})` : ''}${detail}`);
}
