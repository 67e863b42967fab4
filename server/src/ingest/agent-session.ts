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
import type { ServerMetrics } from '../ops/metrics.js';
import type { Database } from '../storage/meta/meta-store.js';
import { SERVER_VERSION } from '../version.js';
import type { LiveAgent } from './agent-registry.js';
import { validateBatch } from './batch-validator.js';
import type { IngestQueue } from './ingest-queue.js';
import type { LastSeenRecorder } from './last-seen-recorder.js';
import { ConnectionRateLimiter } from './rate-limiter.js';

const MAX_DATABASES_PER_AGENT = 500;

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

function frameOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/**
 * One agent's socket: Hello first, then Batches (handed to the ingest queue and acknowledged
 * when stored) and Heartbeats. Messages are handled one at a time in arrival order, but a
 * batch does not wait for its write before the next message is read: acks come back as the
 * queue settles them, in the same order.
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
  readonly #live: LiveAgent;
  readonly #inbox: Received[] = [];
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
    this.#live = { apiKeyId: principal.keyId, databaseIds: this.#databaseIds, close: (code, reason) => ws.close(code, reason) };
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
      this.#deps.ctx.agents.remove(this.#live);
      if (this.#databaseIds.size > 0) this.#deps.lastSeen.note(this.#databaseIds);
      this.#log.info({ code }, 'agent disconnected');
    });
    this.updatePause();
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
        this.#deps.lastSeen.note(this.#databaseIds);
        return;
      case 'commandResult':
        return;
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
      return { name, engine, engineVersion: info.serverVersion?.slice(0, 200) || null };
    });
    const at = new Date().toISOString();
    const orgId = this.#principal.orgId;
    const agent = await ctx.meta.upsertAgent({ orgId, hostname, agentVersion: (hello.agentVersion ?? '').slice(0, 64), at });
    for (const info of checked) {
      const db = await ctx.meta.upsertDatabase({ orgId, ...info, agentId: agent.id, at });
      this.#databases.set(db.name, db);
      this.#databaseIds.add(db.id);
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
      },
    });
  }

  #onBatch(batch: vigil.v1.IBatch, bytes: number, receivedAt: number): void {
    const { queue, metrics, lastSeen } = this.#deps;
    const batchId = batch.batchId ?? '';
    const db = this.#databases.get(batch.database ?? '');
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
      (err: unknown) => this.#onFailure(err),
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
