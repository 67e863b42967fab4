import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ERROR_CATALOG, VigilError, isVigilError, type ErrorCode } from '@vigil/shared';
import type { AgentRegistry, CommandReply } from '../../ingest/agent-registry.js';
import type { Logger } from '../../logger.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { commandHere, notConnectedError, type CommandBus, type CommandKind } from '../command-bus.js';

// Payloads are small JSON ({id, database_id}); replies can be megabytes (plans), so they travel in the table.
const REQUEST_CHANNEL = 'vigil_agent_command';
const REPLY_CHANNEL = 'vigil_agent_command_reply';
const SETTINGS_CHANNEL = 'vigil_agent_settings';
/**
 * How long the process holding the agent has to claim a relayed command: a NOTIFY and one UPDATE
 * away. Past it nobody holds the agent (409); it only delays that answer, never a served command.
 */
const CLAIM_WINDOW_MS = 3000;
// The agent session waits the command's time plus 2 s; the relay adds its own hops on top.
const RELAY_GRACE_MS = 4000;
// A missed NOTIFY (a reconnecting listener) costs at most this much: the waiter reads the row anyway.
const POLL_MS = 500;
const RECONNECT_MS = 1000;
// Rows a crashed requester never deleted; a command lives 60 s at most.
const ROW_TTL_MS = 10 * 60_000;

interface CommandRow {
  readonly id: string;
  readonly database_id: string;
  readonly database_name: string;
  readonly kind: string;
  readonly args_json: string;
  readonly timeout_ms: number;
  readonly state: 'pending' | 'claimed' | 'done' | 'unclaimed';
  readonly ok: number | null;
  readonly result_json: string | null;
  readonly error_code: string | null;
  readonly error: string | null;
  readonly thrown: number | null;
}

export interface PostgresCommandBusOptions {
  readonly connectionString: string;
  readonly agents: AgentRegistry;
  readonly logger: Logger;
}

/**
 * The bus of several server processes over one PostgreSQL metadata database. A command for an
 * agent connected here runs here. Otherwise the requester writes it to `agent_commands` and
 * NOTIFYs its id; the process holding the agent claims the row (a conditional UPDATE, so of two
 * sockets of a reconnecting agent one runs it), runs it and writes the reply into the row, and
 * NOTIFYs back. Unclaimed within CLAIM_WINDOW_MS: no process holds the agent, 409. Settings
 * changes are a NOTIFY every process acts on for the agents it holds.
 */
export class PostgresCommandBus implements CommandBus {
  readonly #agents: AgentRegistry;
  readonly #log: Logger;
  readonly #connectionString: string;
  readonly #pool: pg.Pool;
  readonly #process = randomUUID();
  readonly #wakers = new Map<string, Set<() => void>>();
  #listener: pg.Client | undefined;
  #reconnect: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: PostgresCommandBusOptions) {
    this.#agents = options.agents;
    this.#log = options.logger.child({ component: 'command-bus' });
    this.#connectionString = options.connectionString;
    this.#pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
    this.#pool.on('error', (err) => this.#log.warn({ err: err.message }, 'an idle PostgreSQL connection of the command bus failed'));
  }

  async start(): Promise<void> {
    await this.#listen();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#reconnect);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.#pool.end();
  }

  async send(db: Database, kind: CommandKind, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply> {
    const here = commandHere(this.#agents, db, kind, args, timeoutMs);
    if (here) return here;
    const id = randomUUID();
    const now = Date.now();
    await this.#pool.query('DELETE FROM agent_commands WHERE created_at < $1', [new Date(now - ROW_TTL_MS).toISOString()]);
    await this.#pool.query(
      `INSERT INTO agent_commands (id, database_id, database_name, kind, args_json, timeout_ms, state, requested_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)`,
      [id, db.id, db.name, kind, JSON.stringify(args), timeoutMs, this.#process, new Date(now).toISOString()],
    );
    try {
      await this.#notify(REQUEST_CHANNEL, { id, database_id: db.id });
      const claimed = await this.#awaitRow(id, (row) => row.state !== 'pending', now + CLAIM_WINDOW_MS);
      if (claimed?.state === 'pending') {
        const gaveUp = await this.#pool.query(`UPDATE agent_commands SET state = 'unclaimed' WHERE id = $1 AND state = 'pending'`, [id]);
        if (gaveUp.rowCount === 1) throw notConnectedError(db, ' to any server process');
      }
      const done = await this.#awaitRow(id, (row) => row.state === 'done', now + timeoutMs + RELAY_GRACE_MS);
      if (done?.state !== 'done') throw new VigilError('COMMAND_TIMEOUT', `The agent did not answer the ${kind} command within ${Math.ceil(timeoutMs / 1000)} s`);
      return replyOf(done);
    } finally {
      await this.#pool.query('DELETE FROM agent_commands WHERE id = $1', [id]).catch(() => undefined);
    }
  }

  async pushSettings(databaseId: string): Promise<void> {
    await this.#agents.pushDatabaseSettings(databaseId);
    // Another process may hold the agent (or a second socket of it): each pushes to what it holds.
    await this.#notify(SETTINGS_CHANNEL, { database_id: databaseId, from: this.#process });
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#connectionString });
    const lost = (err?: Error): void => {
      if (this.#listener !== client) return;
      this.#listener = undefined;
      client.end().catch(() => undefined);
      this.#log.warn({ err: err?.message }, 'command bus listener lost; reconnecting');
      this.#listenLater();
    };
    // Registered before connecting: an 'error' event without a listener would end the process.
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => this.#heard(message.channel, message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${REQUEST_CHANNEL}; LISTEN ${REPLY_CHANNEL}; LISTEN ${SETTINGS_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.#listener = client;
    // Requests made while no listener was up: claim those for agents held here.
    const missed = await this.#pool.query<{ id: string; database_id: string }>(`SELECT id, database_id FROM agent_commands WHERE state = 'pending'`);
    for (const row of missed.rows) this.#heard(REQUEST_CHANNEL, JSON.stringify(row));
  }

  /** Listens again after RECONNECT_MS, and again after each failed try, until closed. */
  #listenLater(): void {
    if (this.#closed) return;
    this.#reconnect = setTimeout(() => {
      this.#listen().catch((err: Error) => {
        this.#log.warn({ err: err.message }, 'command bus listener could not reconnect; retrying');
        if (!this.#listener) this.#listenLater();
      });
    }, RECONNECT_MS);
  }

  #heard(channel: string, payload: string | undefined): void {
    let message: { id?: string; database_id?: string; from?: string };
    try {
      message = JSON.parse(payload ?? '{}');
    } catch {
      return;
    }
    if (channel === REPLY_CHANNEL && message.id) {
      for (const wake of this.#wakers.get(message.id) ?? []) wake();
    } else if (channel === REQUEST_CHANNEL && message.id && message.database_id && this.#agents.agentFor(message.database_id)) {
      void this.#serve(message.id).catch((err: Error) => this.#log.warn({ err: err.message, command_id: message.id }, 'relayed command failed'));
    } else if (channel === SETTINGS_CHANNEL && message.database_id && message.from !== this.#process) {
      void this.#agents.pushDatabaseSettings(message.database_id).catch((err: Error) => this.#log.warn({ err: err.message }, 'relayed settings push failed'));
    }
  }

  /** Claims a relayed command for an agent held here, runs it and writes the reply back. */
  async #serve(id: string): Promise<void> {
    const claimed = await this.#pool.query<CommandRow>(`UPDATE agent_commands SET state = 'claimed', claimed_by = $2 WHERE id = $1 AND state = 'pending' RETURNING *`, [id, this.#process]);
    const row = claimed.rows[0];
    if (!row) return;
    await this.#notify(REPLY_CHANNEL, { id });
    let outcome: { ok: number; result_json: string | null; error_code: string | null; error: string | null; thrown: number };
    try {
      const running = commandHere(this.#agents, { id: row.database_id, name: row.database_name }, row.kind, JSON.parse(row.args_json), row.timeout_ms);
      // Gone between the NOTIFY and the claim: what the requester would have heard here.
      const reply = await (running ?? Promise.reject(new VigilError('AGENT_NOT_CONNECTED', 'The agent disconnected')));
      outcome = reply.ok
        ? { ok: 1, result_json: JSON.stringify(reply.result ?? null), error_code: null, error: null, thrown: 0 }
        : { ok: 0, result_json: null, error_code: reply.code, error: reply.error, thrown: 0 };
    } catch (err) {
      if (!isVigilError(err)) this.#log.error({ err }, 'relayed command failed unexpectedly');
      outcome = isVigilError(err) ? { ok: 0, result_json: null, error_code: err.code, error: err.message, thrown: 1 } : { ok: 0, result_json: null, error_code: 'COMMAND_FAILED', error: 'The command failed on the server process holding the agent', thrown: 1 };
    }
    await this.#pool.query(`UPDATE agent_commands SET state = 'done', ok = $2, result_json = $3, error_code = $4, error = $5, thrown = $6 WHERE id = $1`, [
      id, outcome.ok, outcome.result_json, outcome.error_code, outcome.error, outcome.thrown,
    ]);
    await this.#notify(REPLY_CHANNEL, { id });
  }

  /** The row once `ready` holds for it or the deadline passes (then as it was last read); undefined if deleted. */
  async #awaitRow(id: string, ready: (row: CommandRow) => boolean, deadline: number): Promise<CommandRow | undefined> {
    for (;;) {
      // Listening before reading: a NOTIFY between the read and the wait still wakes it.
      const woken = this.#wake(id, Math.max(0, Math.min(POLL_MS, deadline - Date.now())));
      const row = (await this.#pool.query<CommandRow>('SELECT * FROM agent_commands WHERE id = $1', [id])).rows[0];
      if (!row || ready(row) || Date.now() >= deadline) {
        woken.cancel();
        return row;
      }
      await woken.promise;
    }
  }

  #wake(id: string, ms: number): { promise: Promise<void>; cancel(): void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    const timer = setTimeout(() => done(), ms);
    const set = this.#wakers.get(id) ?? new Set();
    this.#wakers.set(id, set);
    const done = (): void => {
      clearTimeout(timer);
      set.delete(done);
      if (set.size === 0 && this.#wakers.get(id) === set) this.#wakers.delete(id);
      wake();
    };
    set.add(done);
    return { promise, cancel: done };
  }

  async #notify(channel: string, payload: Record<string, string>): Promise<void> {
    await this.#pool.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
  }
}

/** The relayed reply as the requester's caller sees it: the agent's answer, or the error the holding process hit. */
function replyOf(row: CommandRow): CommandReply {
  if (row.ok === 1) return { ok: true, result: row.result_json === null ? null : JSON.parse(row.result_json) };
  const code = row.error_code ?? 'COMMAND_FAILED';
  if (row.thrown === 1) throw new VigilError(Object.hasOwn(ERROR_CATALOG, code) ? (code as ErrorCode) : 'COMMAND_FAILED', row.error ?? 'The command failed');
  return { ok: false, code, error: row.error ?? 'the agent gave no reason' };
}
