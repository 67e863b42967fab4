import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RawData, WebSocket } from 'ws';
import type { vigil } from '@vigil/proto';
import {
  PROTOCOL_MAJOR,
  PROTOCOL_MINOR,
  VigilError,
  decodeAgentMessage,
  encodeServerMessage,
  engineFromWire,
  isVigilError,
  type ServerMessageInput,
} from '@vigil/shared';
import type { AppContext } from '../context.js';
import type { Logger } from '../logger.js';
import type { Principal } from '../auth/authenticate.js';
import { assertMayRegisterDatabase } from '../auth/org-limits.js';
import type { ServerMetrics } from '../ops/metrics.js';
import type { AgentHeartbeat, Database, DatabaseSettings } from '../storage/meta/meta-store.js';
import { SERVER_VERSION } from '../version.js';
import type { CommandReply, LiveAgent } from './agent-registry.js';
import { validateBatch } from './batch-validator.js';
import type { IngestQueue } from './ingest-queue.js';
import type { LastSeenRecorder } from './last-seen-recorder.js';
import { ConnectionRateLimiter } from './rate-limiter.js';

const MAX_DATABASES_PER_AGENT = 500;
/** How often a database held back by an unverified organization's limit is checked again while its batches arrive. */
const HELD_RECHECK_MS = 5_000;
/** A database of the Hello, checked. */
type AnnouncedDatabase = Pick<Database, 'name' | 'engine' | 'host' | 'port'> & { readonly engineVersion: string | null };
// A heartbeat is stored as JSON: bound what one agent can make the server keep.
const MAX_HEARTBEAT_COLLECTORS = 5000;
// The agent answers COMMAND_TIMEOUT itself at the deadline; the server waits this much longer for that answer to travel.
const COMMAND_GRACE_MS = 2000;

/** WebSocket close codes (RFC 6455 §7.4.1) used by the gateway. */
export const CLOSE = { goingAway: 1001, protocolError: 1002, invalidData: 1007, policy: 1008, tooBig: 1009, internal: 1011 } as const;

function closeCodeFor(err: VigilError): number {
  if (err.code === 'FRAME_TOO_LARGE') return CLOSE.tooBig;
  if (err.code === 'PROTOCOL_UNSUPPORTED_VERSION') return CLOSE.protocolError;
  if (err.code === 'FRAME_MALFORMED') return CLOSE.invalidData;
  return CLOSE.policy;
}

/** What every session shares with the gateway. */
export interface SessionDeps {
  readonly ctx: AppContext;
  readonly queue: IngestQueue;
  readonly metrics: ServerMetrics;
  readonly lastSeen: LastSeenRecorder;
  /** Whether the gateway wants every socket paused (queue full, or shutting down). */
  readonly gatewayPaused: () => boolean;
}

interface Received {
  readonly frame: Buffer;
  readonly isBinary: boolean;
  readonly receivedAt: number;
}

/** Settings as the wire carries them, for the database the agent announced as `name`. */
function settingsToWire(name: string, settings: DatabaseSettings): vigil.v1.IDatabaseSettings {
  return {
    database: name,
    pollIntervalSeconds: settings.poll_interval_seconds ?? 0,
    collectExplainPlans: settings.collect_explain_plans,
    collectReplication: settings.collect_replication,
    disabledCollectors: [...settings.disabled_collectors],
  };
}

function finite(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function isoOrNull(ms: number | null | undefined): string | null {
  const value = finite(ms);
  return value > 0 && value < 8.64e15 ? new Date(value).toISOString() : null;
}

/** The heartbeat as stored and served, with every string and list bounded. */
function heartbeatReport(hb: vigil.v1.IHeartbeat, helloVersion: string): AgentHeartbeat {
  return {
    agent_version: (hb.agentVersion || helloVersion).slice(0, 64),
    uptime_s: finite(hb.uptimeS),
    rss_bytes: finite(hb.rssBytes),
    cpu_percent: finite(hb.cpuPercent),
    spool_batches: finite(hb.pendingBatches),
    spool_bytes: finite(hb.spoolBytes),
    evicted_batches: finite(hb.droppedBatches),
    collectors: (hb.collectors ?? []).slice(0, MAX_HEARTBEAT_COLLECTORS).map((c) => ({
      database: (c.database ?? '').slice(0, 200),
      collector: (c.collector ?? '').slice(0, 64),
      last_success_at: isoOrNull(c.lastSuccessMs),
      last_error_at: isoOrNull(c.lastErrorMs),
      last_error: c.lastError ? c.lastError.slice(0, 500) : null,
      statuses: (c.statuses ?? []).slice(0, 20).map((status) => status.slice(0, 64)),
      disabled: c.disabled === true,
      interval_s: finite(c.intervalS),
    })),
  };
}

interface PendingCommand {
  resolve(reply: CommandReply): void;
  reject(err: VigilError): void;
  readonly timer: NodeJS.Timeout;
}

function frameOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/**
 * One agent's socket: Hello first, then Batches (handed to the ingest queue and acknowledged
 * when stored), Heartbeats and CommandResults. Messages are handled one at a time in arrival
 * order, but a batch does not wait for its write before the next message is read: acks come
 * back as the queue settles them, in the same order. The server speaks first only for
 * commands (each awaited by request id, with a deadline) and settings updates.
 */
export class AgentSession {
  readonly ws: WebSocket;
  readonly closed: Promise<void>;
  readonly #deps: SessionDeps;
  readonly #principal: Principal & { kind: 'api_key' };
  readonly #log: Logger;
  readonly #limiter: ConnectionRateLimiter;
  readonly #databases = new Map<string, Database>();
  readonly #databaseIds = new Set<string>();
  /** Databases of the Hello an unverified organization may not add yet, with when that was last checked. */
  readonly #held = new Map<string, { readonly info: AnnouncedDatabase; checkedAtMs: number }>();
  readonly #live: LiveAgent;
  readonly #inbox: Received[] = [];
  readonly #pending = new Map<string, PendingCommand>();
  #agentId = '';
  #agentVersion = '';
  #heartbeat: { at: string; report: AgentHeartbeat } | undefined;
  #helloDone = false;
  // No more messages are handled: the socket failed, closed, or the server is shutting down.
  #done = false;
  #running = false;
  #throttled = false;
  // Heartbeat: whether a pong (or any sign of life) arrived since the last ping.
  #alive = true;

  constructor(ws: WebSocket, principal: Principal & { kind: 'api_key' }, deps: SessionDeps) {
    this.ws = ws;
    this.#deps = deps;
    this.#principal = principal;
    this.#log = deps.ctx.logger.child({ component: 'agent-gateway', org_id: principal.orgId, key_id: principal.keyId });
    this.#limiter = new ConnectionRateLimiter(deps.ctx.config.ingest);
    // Getters: the registry holds this object from Hello on and reads these as they change.
    const session = this;
    this.#live = {
      apiKeyId: principal.keyId,
      databaseIds: this.#databaseIds,
      close: (code, reason) => ws.close(code, reason),
      get agentId() {
        return session.#agentId;
      },
      get agentVersion() {
        return session.#agentVersion;
      },
      get heartbeat() {
        return session.#heartbeat;
      },
      command: (kind, args, timeoutMs) => this.#command(kind, args, timeoutMs),
      announcedName: (databaseId) => [...this.#databases.entries()].find(([, db]) => db.id === databaseId)?.[0],
      pushSettings: (databaseId) => this.#pushSettings(databaseId),
    };
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));

    ws.on('pong', () => {
      this.#alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (this.#done) return;
      this.#inbox.push({ frame: frameOf(data), isBinary, receivedAt: performance.now() });
      if (!this.#running) void this.#run();
    });
    ws.on('error', (err) => this.#log.warn({ err: err.message }, 'agent socket error'));
    ws.on('close', (code) => {
      this.#done = true;
      this.#inbox.length = 0;
      // Seen until now, then gone: in this order, the departure is never older than the last sighting.
      if (this.#databaseIds.size > 0) this.#deps.lastSeen.note(this.#databaseIds);
      this.#deps.ctx.agents.remove(this.#live);
      for (const [requestId, pending] of this.#pending) {
        clearTimeout(pending.timer);
        pending.reject(new VigilError('AGENT_NOT_CONNECTED', 'The agent disconnected before answering the command'));
        this.#pending.delete(requestId);
      }
      this.#log.info({ code }, 'agent disconnected');
    });
    this.updatePause();
  }

  /** The API key this agent connected with. */
  get keyId(): string {
    return this.#principal.keyId;
  }

  /** Pauses or resumes reading the socket to match the gateway's state and this connection's rate. */
  updatePause(): void {
    const wanted = this.#throttled || this.#deps.gatewayPaused();
    if (wanted && !this.ws.isPaused) this.ws.pause();
    else if (!wanted && this.ws.isPaused) this.ws.resume();
  }

  /**
   * Called once per heartbeat interval: pings, and cuts a socket that did not answer the
   * previous ping. A socket the server itself paused cannot read its pongs, so it is spared.
   */
  heartbeat(): void {
    if (this.ws.isPaused) {
      this.#alive = true;
      return;
    }
    if (!this.#alive) {
      this.#log.warn('agent missed a ping: dropping the connection');
      this.ws.terminate();
      return;
    }
    this.#alive = false;
    this.ws.ping();
  }

  /** Shutdown, step one: handle no further messages (unread ones stay with the agent). */
  stop(): void {
    this.#done = true;
    this.#inbox.length = 0;
  }

  /** Shutdown, step two (after the queue drained): close with 1001 so the agent reconnects elsewhere. */
  goAway(): void {
    // A paused socket could not read the agent's half of the close handshake.
    this.ws.resume();
    this.ws.close(CLOSE.goingAway, 'server shutting down');
  }

  async #run(): Promise<void> {
    this.#running = true;
    while (this.#inbox.length > 0 && !this.#done) {
      const message = this.#inbox.shift()!;
      const waitMs = this.#limiter.take(message.frame.length);
      if (waitMs > 0) {
        this.#deps.metrics.throttled.inc();
        this.#throttled = true;
        this.updatePause();
        await sleep(waitMs);
        this.#throttled = false;
        this.updatePause();
        if (this.#done) break;
      }
      try {
        await this.#handle(message);
      } catch (err) {
        this.#onFailure(err);
      }
    }
    this.#running = false;
  }

  async #handle({ frame, isBinary, receivedAt }: Received): Promise<void> {
    if (!isBinary) throw new VigilError('FRAME_MALFORMED', 'Frames must be binary WebSocket messages');
    const message = decodeAgentMessage(frame, { maxFrameBytes: this.#deps.ctx.config.maxFrameBytes });
    this.#alive = true;
    if (!this.#helloDone) {
      if (message.kind !== 'hello') throw new VigilError('PROTOCOL_HELLO_REQUIRED');
      return this.#onHello(message.hello!);
    }
    switch (message.kind) {
      case 'batch':
        return this.#onBatch(message.batch!, frame.length, receivedAt);
      case 'heartbeat':
        return this.#onHeartbeat(message.heartbeat!);
      case 'commandResult':
        return this.#onCommandResult(message.commandResult!);
      default:
        throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Unexpected ${message.kind} after Hello`);
    }
  }

  async #onHello(hello: vigil.v1.IHello): Promise<void> {
    const { ctx } = this.#deps;
    if (hello.protocolMajor !== PROTOCOL_MAJOR) {
      throw new VigilError('PROTOCOL_UNSUPPORTED_VERSION', `Protocol ${hello.protocolMajor ?? 0}.x is not supported; this server speaks ${PROTOCOL_MAJOR}.x — upgrade the agent`);
    }
    const hostname = (hello.hostname ?? '').trim();
    if (!hostname || hostname.length > 255) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', 'Hello.hostname: must be 1 to 255 characters');
    const announced = hello.databases ?? [];
    if (announced.length > MAX_DATABASES_PER_AGENT) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases: at most ${MAX_DATABASES_PER_AGENT}`);
    // Checked whole before anything is registered, so a bad Hello leaves no half-registered agent.
    const names = new Set<string>();
    const checked = announced.map((info, i) => {
      const name = (info.name ?? '').trim();
      const engine = engineFromWire(info.engine);
      if (!name || name.length > 200) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases[${i}].name: must be 1 to 200 characters`);
      if (!engine) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases[${i}].engine: must be POSTGRES or CLICKHOUSE`);
      if (names.has(name)) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases[${i}].name: "${name}" is announced twice`);
      names.add(name);
      const host = (info.host ?? '').trim().slice(0, 255) || null;
      const port = Number.isInteger(info.port) && info.port! > 0 && info.port! <= 65535 ? info.port! : null;
      return { name, engine, engineVersion: info.serverVersion?.slice(0, 200) || null, host, port };
    });
    if (hello.probe) return this.#answerProbe(hostname, checked.length);
    const at = new Date().toISOString();
    const orgId = this.#principal.orgId;
    const agent = await ctx.meta.upsertAgent({ orgId, hostname, agentVersion: (hello.agentVersion ?? '').slice(0, 64), at });
    this.#agentId = agent.id;
    this.#agentVersion = agent.agent_version;
    // A database an unverified organization may not add is left out of Welcome (its batches are
    // refused as unannounced); the others register and send as usual.
    const refused: VigilError[] = [];
    for (const info of checked) {
      const limit = await this.#register(info, at);
      if (limit) {
        refused.push(limit);
        this.#held.set(info.name, { info, checkedAtMs: Date.now() });
      }
    }
    if (this.#done) return;
    this.#helloDone = true;
    ctx.agents.add(this.#live);
    this.#log.info({ agent_id: agent.id, hostname, databases: this.#databases.size }, 'agent connected');
    this.#send({
      welcome: {
        protocolMajor: PROTOCOL_MAJOR,
        protocolMinor: PROTOCOL_MINOR,
        serverVersion: SERVER_VERSION,
        agentId: agent.id,
        heartbeatIntervalS: ctx.config.heartbeatIntervalSeconds,
        databases: [...this.#databases.values()].map((db) => ({ name: db.name, id: db.id })),
        settings: [...this.#databases.entries()].map(([name, db]) => settingsToWire(name, db)),
      },
    });
    for (const err of refused) {
      this.#log.warn({ code: err.code }, err.message);
      this.#sendError(err, '');
    }
  }

  /**
   * `vigil-agent test`: the key, the protocol and the Hello were checked; nothing is registered (a
   * check must leave no agent or database behind, nor mark a running agent's databases as gone).
   */
  #answerProbe(hostname: string, databases: number): void {
    const { ctx } = this.#deps;
    this.#log.info({ hostname, databases }, 'agent check (probe): accepted, nothing registered');
    this.#send({
      welcome: { protocolMajor: PROTOCOL_MAJOR, protocolMinor: PROTOCOL_MINOR, serverVersion: SERVER_VERSION, heartbeatIntervalS: ctx.config.heartbeatIntervalSeconds },
    });
    this.#done = true;
    this.ws.close(1000, 'probe answered');
  }

  #onHeartbeat(heartbeat: vigil.v1.IHeartbeat): void {
    const { lastSeen } = this.#deps;
    const now = new Date();
    const report = heartbeatReport(heartbeat, this.#agentVersion);
    this.#heartbeat = { at: now.toISOString(), report };
    lastSeen.note(this.#databaseIds, now);
    lastSeen.noteHeartbeat(this.#agentId, report, now);
  }

  #onCommandResult(result: vigil.v1.ICommandResult): void {
    const requestId = result.requestId ?? '';
    const pending = this.#pending.get(requestId);
    // Late (after the server gave up) or never asked for: nobody is waiting.
    if (!pending) return;
    this.#pending.delete(requestId);
    clearTimeout(pending.timer);
    if (!result.ok) {
      pending.resolve({ ok: false, code: result.errorCode || 'COMMAND_FAILED', error: result.error || 'the agent gave no reason' });
      return;
    }
    try {
      pending.resolve({ ok: true, result: result.resultJson ? JSON.parse(result.resultJson) : null });
    } catch {
      pending.resolve({ ok: false, code: 'COMMAND_FAILED', error: 'the agent answered with a result that is not valid JSON' });
    }
  }

  /** One command to this agent; the reply is matched by request id, or the deadline passes. */
  #command(kind: string, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply> {
    if (this.#done || this.ws.readyState !== this.ws.OPEN) return Promise.reject(new VigilError('AGENT_NOT_CONNECTED', 'The agent disconnected'));
    const requestId = randomUUID();
    return new Promise<CommandReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new VigilError('COMMAND_TIMEOUT', `The agent did not answer the ${kind} command within ${Math.ceil(timeoutMs / 1000)} s`));
      }, timeoutMs + COMMAND_GRACE_MS);
      this.#pending.set(requestId, { resolve, reject, timer });
      this.#send({ command: { requestId, kind, argsJson: JSON.stringify(args), timeoutMs } });
    });
  }

  async #pushSettings(databaseId: string): Promise<void> {
    const name = this.#live.announcedName(databaseId);
    const settings = name === undefined ? undefined : await this.#deps.ctx.meta.getDatabaseSettings(databaseId);
    if (name !== undefined && settings) this.#send({ settingsUpdate: { settings: [settingsToWire(name, settings)] } });
  }

  /** Registers an announced database for this agent, or answers the unverified organization's limit that holds it back. */
  async #register(info: AnnouncedDatabase, at: string): Promise<VigilError | undefined> {
    const { meta } = this.#deps.ctx;
    const orgId = this.#principal.orgId;
    const limit = await assertMayRegisterDatabase(meta, orgId, info.name).catch((err: unknown) => (isVigilError(err) && err.code === 'ORG_UNVERIFIED_LIMIT' ? err : Promise.reject(err)));
    if (limit) return limit;
    const db = await meta.upsertDatabase({ orgId, ...info, agentId: this.#agentId, at });
    this.#databases.set(db.name, db);
    this.#databaseIds.add(db.id);
    return undefined;
  }

  /**
   * A held database's batch: refused with a code the agent retries (it keeps the batch), and at most
   * every HELD_RECHECK_MS the limit is checked again, so once the email is verified the database
   * registers on this connection and the agent's next retry is stored: nothing sent meanwhile is lost.
   */
  #onHeldBatch(name: string, batchId: string): void {
    const held = this.#held.get(name)!;
    this.#deps.metrics.ingestBatches.inc({ result: 'rejected' });
    this.#sendError(new VigilError('ORG_UNVERIFIED_LIMIT', `Database "${name}" is not registered until the organization's email is verified; the agent keeps its batches and sends them again`), batchId);
    const now = Date.now();
    if (now - held.checkedAtMs < HELD_RECHECK_MS) return;
    held.checkedAtMs = now;
    this.#register(held.info, new Date(now).toISOString()).then(
      (limit) => {
        if (limit || this.#done) return;
        this.#held.delete(name);
        const db = this.#databases.get(name)!;
        this.#log.info({ database_id: db.id }, `database "${name}" registered now that the organization is verified`);
        void this.#pushSettings(db.id);
      },
      (err: unknown) => this.#log.warn({ err }, `could not check again whether database "${name}" may register`),
    );
  }

  #onBatch(batch: vigil.v1.IBatch, bytes: number, receivedAt: number): void {
    const { queue, metrics, lastSeen } = this.#deps;
    const batchId = batch.batchId ?? '';
    const db = this.#databases.get(batch.database ?? '');
    if (!db && this.#held.has(batch.database ?? '')) {
      this.#onHeldBatch(batch.database!, batchId);
      return;
    }
    if (!db) {
      metrics.ingestBatches.inc({ result: 'rejected' });
      this.#sendError(new VigilError('INGEST_UNKNOWN_DATABASE', `Batch names database "${batch.database ?? ''}", which this connection's Hello did not announce`), batchId);
      return;
    }
    let valid;
    try {
      valid = validateBatch(batch, db);
    } catch (err) {
      if (!isVigilError(err)) throw err;
      metrics.ingestBatches.inc({ result: 'rejected' });
      this.#log.warn({ batch_id: batchId, database_id: db.id }, err.message);
      this.#sendError(err, batchId);
      return;
    }
    queue.submit(valid, bytes).then(
      (outcome) => {
        lastSeen.note([db.id]);
        this.#send({ ack: { batchId, seq: valid.seq, duplicate: outcome.duplicate } });
        metrics.ackLatency.observe((performance.now() - receivedAt) / 1000);
      },
      (err: unknown) => {
        // Not the agent's fault and not fatal: it keeps the batch and re-sends it later.
        if (isVigilError(err) && err.code === 'INGEST_BATCH_IN_PROGRESS') this.#sendError(err, batchId);
        else this.#onFailure(err);
      },
    );
  }

  /** A VigilError is the agent's fault: a fatal Error naming it, then a close. Anything else is ours. */
  #onFailure(err: unknown): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.stop();
    if (isVigilError(err)) {
      this.#log.warn({ code: err.code }, err.message);
      this.#sendError(err, '', true);
      this.ws.close(closeCodeFor(err), err.code);
      return;
    }
    // A storage failure: no ack, and a close so the agent reconnects and re-sends what it still holds.
    this.#log.error({ err }, 'agent message failed');
    this.#deps.metrics.agentErrors.inc({ code: 'INTERNAL' });
    this.#send({ error: { code: 'INTERNAL', message: 'The server could not store this message; it will be retried', fatal: true } });
    this.ws.close(CLOSE.internal, 'INTERNAL');
  }

  #sendError(err: VigilError, batchId: string, fatal = false): void {
    this.#deps.metrics.agentErrors.inc({ code: err.code });
    this.#send({ error: { code: err.code, message: err.message, fatal, ...(batchId ? { batchId } : {}) } });
  }

  #send(message: ServerMessageInput): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(encodeServerMessage(message));
  }
}
