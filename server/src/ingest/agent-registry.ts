/**
 * Live agent connections in this process: which databases are connected now, and a handle
 * to close an agent's socket when its key is revoked.
 */
export interface LiveAgent {
  readonly apiKeyId: string;
  readonly databaseIds: ReadonlySet<string>;
  close(code: number, reason: string): void;
}

export class AgentRegistry {
  readonly #agents = new Set<LiveAgent>();

  add(agent: LiveAgent): void {
    this.#agents.add(agent);
  }

  remove(agent: LiveAgent): void {
    this.#agents.delete(agent);
  }

  get size(): number {
    return this.#agents.size;
  }

  isDatabaseConnected(databaseId: string): boolean {
    for (const agent of this.#agents) if (agent.databaseIds.has(databaseId)) return true;
    return false;
  }

  /** Closes every live connection made with this key (it was just revoked). */
  disconnectKey(apiKeyId: string): void {
    for (const agent of this.#agents) if (agent.apiKeyId === apiKeyId) agent.close(4001, 'API key revoked');
  }

  closeAll(code: number, reason: string): void {
    for (const agent of this.#agents) agent.close(code, reason);
  }
}
