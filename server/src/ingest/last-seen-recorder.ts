import type { Logger } from '../logger.js';
import type { AgentHeartbeat, MetaStore } from '../storage/meta/meta-store.js';

/**
 * Coalesces `last_seen_at` updates. Every ack and heartbeat marks its databases seen in
 * memory; one pass per interval writes each marked database once, so thousands of agents cost
 * one metadata write per database per interval instead of one per message. The stored value
 * therefore lags by at most one interval, which is the heartbeat's own resolution. Agents'
 * latest heartbeats are kept the same way: the newest per agent, written once per pass.
 */
export class LastSeenRecorder {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #timer: NodeJS.Timeout;
  #seen = new Map<string, string>();
  #heartbeats = new Map<string, { at: string; heartbeat: AgentHeartbeat }>();
  #writing: Promise<void> = Promise.resolve();

  constructor(meta: MetaStore, intervalMs: number, logger: Logger) {
    this.#meta = meta;
    this.#log = logger.child({ component: 'last-seen' });
    this.#timer = setInterval(() => void this.flush(), intervalMs);
    this.#timer.unref();
  }

  /** Marks databases seen now. */
  note(databaseIds: Iterable<string>, at: Date = new Date()): void {
    const iso = at.toISOString();
    for (const id of databaseIds) this.#seen.set(id, iso);
  }

  /** Keeps an agent's latest heartbeat for the next pass. */
  noteHeartbeat(agentId: string, heartbeat: AgentHeartbeat, at: Date = new Date()): void {
    this.#heartbeats.set(agentId, { at: at.toISOString(), heartbeat });
  }

  /** Writes what was marked since the last pass (passes never overlap). */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#write());
    return this.#writing;
  }

  /** Stops the periodic pass (a final flush() is the caller's choice). */
  stop(): void {
    clearInterval(this.#timer);
  }

  async #write(): Promise<void> {
    const batch = this.#seen;
    this.#seen = new Map();
    const heartbeats = this.#heartbeats;
    this.#heartbeats = new Map();
    let failed = 0;
    let lastError: unknown;
    for (const [agentId, latest] of heartbeats) {
      try {
        await this.#meta.recordAgentHeartbeat(agentId, latest.at, latest.heartbeat);
      } catch (err) {
        if (!this.#heartbeats.has(agentId)) this.#heartbeats.set(agentId, latest);
        failed += 1;
        lastError = err;
      }
    }
    for (const [id, at] of batch) {
      try {
        await this.#meta.touchDatabase(id, at);
      } catch (err) {
        // Kept for the next pass unless something newer was noted meanwhile.
        if (!this.#seen.has(id)) this.#seen.set(id, at);
        failed += 1;
        lastError = err;
      }
    }
    if (failed > 0) this.#log.warn({ err: lastError, failed }, 'could not record last_seen_at or heartbeats; will retry');
  }
}
