import { VigilError } from '@vigil/shared';
import type { AgentRegistry, CommandReply } from '../../ingest/agent-registry.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { commandHere, notConnectedError, type CommandBus, type CommandKind } from '../command-bus.js';

// An agent that answered within this many heartbeat intervals is probably connected to another server process.
const RECENTLY_SEEN_INTERVALS = 3;

/**
 * The bus of a single server process (SQLite metadata): commands and settings go only to agents
 * connected to this process, as they always did.
 */
export class LocalCommandBus implements CommandBus {
  readonly #agents: AgentRegistry;
  readonly #heartbeatIntervalSeconds: number;

  constructor(agents: AgentRegistry, heartbeatIntervalSeconds: number) {
    this.#agents = agents;
    this.#heartbeatIntervalSeconds = heartbeatIntervalSeconds;
  }

  send(db: Database, kind: CommandKind, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply> {
    return commandHere(this.#agents, db, kind, args, timeoutMs) ?? Promise.reject(this.#notConnected(db));
  }

  async pushSettings(databaseId: string): Promise<void> {
    await this.#agents.pushDatabaseSettings(databaseId);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}

  #notConnected(db: Database): VigilError {
    const seenMs = db.last_seen_at ? Date.now() - Date.parse(db.last_seen_at) : Number.POSITIVE_INFINITY;
    if (seenMs <= RECENTLY_SEEN_INTERVALS * this.#heartbeatIntervalSeconds * 1000) {
      // Without shared PostgreSQL metadata there is no relay: say where the agent probably is.
      return new VigilError(
        'AGENT_NOT_CONNECTED',
        `The agent serving this database is not connected to this server process, but it was seen ${Math.max(0, Math.round(seenMs / 1000))} s ago: ` +
          'it is probably connected to another server process, which this one can reach only when both keep their metadata in PostgreSQL (DATABASE_URL). Retry, or send the request to that process.',
      );
    }
    return notConnectedError(db);
  }
}
