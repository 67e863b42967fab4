import type { ServerConfig } from '../config.js';
import type { AgentHeartbeat, Database, MetaStore } from '../storage/meta/meta-store.js';

/** An agent's answer to a command: its JSON result, or its refusal with a catalog code. */
export type CommandReply = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly code: string; readonly error: string };

/**
 * Live agent connections in this process: which databases are connected now, and handles to
 * talk to an agent (commands, settings) or close its socket when its key is revoked.
 */
export interface LiveAgent {
  readonly apiKeyId: string;
  readonly databaseIds: ReadonlySet<string>;
  close(code: number, reason: string): void;
  /** The agent's id in the metadata store (set once Hello is done). */
  readonly agentId: string;
  readonly agentVersion: string;
  /** Its latest heartbeat and when it arrived; undefined until the first. */
  readonly heartbeat: { readonly at: string; readonly report: AgentHeartbeat } | undefined;
  /** Sends a command and resolves with the agent's reply; rejects COMMAND_TIMEOUT or AGENT_NOT_CONNECTED. */
  command(kind: string, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply>;
  /** The name the agent announced this database under in its Hello (what it knows it by). */
  announcedName(databaseId: string): string | undefined;
  /** Sends this database's current settings (read from the metadata store) to the agent. */
  pushSettings(databaseId: string): Promise<void>;
}

export class AgentRegistry {
  readonly #agents = new Set<LiveAgent>();
  /** When a database's agent last left this process (Unix ms), so its status turns at once here. */
  readonly #departed = new Map<string, number>();

  add(agent: LiveAgent): void {
    this.#agents.add(agent);
  }

  remove(agent: LiveAgent, now = Date.now()): void {
    this.#agents.delete(agent);
    for (const id of agent.databaseIds) this.#departed.set(id, now);
  }

  /** When this database's agent last disconnected from this process; undefined if never. */
  departedAt(databaseId: string): number | undefined {
    return this.#departed.get(databaseId);
  }

  get size(): number {
    return this.#agents.size;
  }

  isDatabaseConnected(databaseId: string): boolean {
    return this.agentFor(databaseId) !== undefined;
  }

  /** The connection serving this database in this process; the newest when an agent reconnected before its old socket closed. */
  agentFor(databaseId: string): LiveAgent | undefined {
    let found: LiveAgent | undefined;
    for (const agent of this.#agents) if (agent.databaseIds.has(databaseId)) found = agent;
    return found;
  }

  /**
   * Tells the agent serving this database (if connected to this process) its current settings,
   * after PATCH /databases/{id} stored them. Resolves true when an agent was told; false when
   * none is connected here (it gets them in its next Welcome).
   */
  async pushDatabaseSettings(databaseId: string): Promise<boolean> {
    const agent = this.agentFor(databaseId);
    if (!agent) return false;
    await agent.pushSettings(databaseId);
    return true;
  }

  /** Closes every live connection made with this key (it was just revoked). */
  disconnectKey(apiKeyId: string): void {
    for (const agent of this.#agents) if (agent.apiKeyId === apiKeyId) agent.close(4001, 'API key revoked');
  }

  closeAll(code: number, reason: string): void {
    for (const agent of this.#agents) agent.close(code, reason);
  }
}

/** What a database's connection status depends on: this process's live agents and how often agents are heard from. The app context is one. */
export interface AgentStatusSources {
  readonly agents: AgentRegistry;
  readonly config: Pick<ServerConfig, 'heartbeatIntervalSeconds'>;
}

/** What a database's agent health also reads: the agent as last stored. */
export interface AgentHealthSources extends AgentStatusSources {
  readonly meta: Pick<MetaStore, 'getAgent'>;
}

// Heartbeats mark a database seen and are written once per server heartbeat interval, so a
// database another process serves is at most about two intervals stale while its agent is up.
const LIVE_ELSEWHERE_INTERVALS = 3;

/**
 * `connected` when an agent serves the database from this process, or from another process
 * behind the same load balancer (seen through the shared metadata within a few heartbeat
 * intervals); `disconnected` otherwise.
 */
export function databaseStatus(ctx: AgentStatusSources, db: Database, now = Date.now()): 'connected' | 'disconnected' {
  if (ctx.agents.isDatabaseConnected(db.id)) return 'connected';
  const lastSeen = db.last_seen_at ? Date.parse(db.last_seen_at) : Number.NEGATIVE_INFINITY;
  // It left this process and nothing has been seen of it since: disconnected now, not in a few intervals.
  const departed = ctx.agents.departedAt(db.id);
  if (departed !== undefined && lastSeen <= departed) return 'disconnected';
  return now - lastSeen <= LIVE_ELSEWHERE_INTERVALS * ctx.config.heartbeatIntervalSeconds * 1000 ? 'connected' : 'disconnected';
}

/** What /databases/{id}/health shows about the agent serving a database. */
export interface DatabaseAgentHealth {
  readonly status: 'connected' | 'disconnected';
  readonly last_seen_at: string | null;
  readonly agent: {
    readonly id: string;
    readonly hostname: string | null;
    readonly version: string;
    readonly last_heartbeat_at: string | null;
    readonly heartbeat: AgentHeartbeat | null;
  } | null;
}

/**
 * The agent side of a database's health: connected to this process or not, when it was last
 * seen, and the agent's version and latest heartbeat (live from this process when connected
 * here, else as last stored).
 */
export async function databaseAgentHealth(ctx: AgentHealthSources, db: Database): Promise<DatabaseAgentHealth> {
  const live = ctx.agents.agentFor(db.id);
  const stored = live || db.agent_id ? await ctx.meta.getAgent(db.org_id, live?.agentId ?? db.agent_id!) : undefined;
  if (live) {
    return {
      status: 'connected',
      last_seen_at: live.heartbeat?.at ?? db.last_seen_at,
      agent: {
        id: live.agentId,
        hostname: stored?.hostname ?? null,
        version: live.heartbeat?.report.agent_version || live.agentVersion,
        last_heartbeat_at: live.heartbeat?.at ?? null,
        heartbeat: live.heartbeat?.report ?? null,
      },
    };
  }
  return {
    status: databaseStatus(ctx, db),
    last_seen_at: db.last_seen_at,
    agent: stored
      ? { id: stored.id, hostname: stored.hostname, version: stored.agent_version, last_heartbeat_at: stored.last_heartbeat_at, heartbeat: stored.last_heartbeat }
      : null,
  };
}
