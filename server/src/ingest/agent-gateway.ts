import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { vigil } from '@vigil/proto';
import {
  AGENT_CONNECT_PATH,
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
import { authenticate, type Principal } from '../auth/authenticate.js';
import type { Database } from '../storage/meta/meta-store.js';
import { SERVER_VERSION } from '../version.js';
import type { LiveAgent } from './agent-registry.js';
import { BatchIngestor } from './batch-ingestor.js';

const MAX_DATABASES_PER_AGENT = 500;

/** WebSocket close codes (RFC 6455 §7.4.1) used by the gateway. */
const CLOSE = { protocolError: 1002, invalidData: 1007, policy: 1008, tooBig: 1009, internal: 1011, goingAway: 1001 } as const;

function closeCodeFor(err: VigilError): number {
  if (err.code === 'FRAME_TOO_LARGE') return CLOSE.tooBig;
  if (err.code === 'PROTOCOL_UNSUPPORTED_VERSION') return CLOSE.protocolError;
  if (err.code === 'FRAME_MALFORMED') return CLOSE.invalidData;
  return CLOSE.policy;
}

/** Refuses an upgrade with a plain HTTP status and the usual `{error, code}` body. */
function refuseUpgrade(socket: Duplex, err: VigilError): void {
  const body = JSON.stringify({ error: err.message, code: err.code });
  const reason = err.status === 401 ? 'Unauthorized' : err.status === 403 ? 'Forbidden' : err.status === 404 ? 'Not Found' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${err.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The agent endpoint: authenticates the upgrade by API key, then speaks the wire protocol on
 * each socket — Hello first, then Batches (acknowledged once stored) and Heartbeats.
 */
export class AgentGateway {
  readonly #ctx: AppContext;
  readonly #wss: WebSocketServer;
  readonly #ingestor: BatchIngestor;
  readonly #pingTimer: NodeJS.Timeout;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
    this.#ingestor = new BatchIngestor(ctx.meta, ctx.telemetry);
    // One byte of frame header on top of the payload limit; ws closes with 1009 beyond it.
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: ctx.config.maxFrameBytes + 1, perMessageDeflate: false });
    // ws's heartbeat pattern: a socket that missed the previous ping's pong is dead.
    this.#pingTimer = setInterval(() => {
      for (const ws of this.#wss.clients) {
        const state = ws as WebSocket & { vigilAlive?: boolean };
        if (state.vigilAlive === false) {
          ws.terminate();
          continue;
        }
        state.vigilAlive = false;
        ws.ping();
      }
    }, ctx.config.heartbeatIntervalSeconds * 1000);
    this.#pingTimer.unref();
  }

  /** Handles an HTTP upgrade aimed at the agent endpoint (the caller checks the path). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    authenticate(req.headers, { meta: this.#ctx.meta, jwtSecret: this.#ctx.config.jwtSecret })
      .then((principal) => {
        if (principal.kind !== 'api_key' || (principal.scope !== 'agent' && principal.scope !== 'admin')) {
          throw new VigilError('AUTH_FORBIDDEN_SCOPE', 'Agents connect with an API key of scope "agent"');
        }
        this.#wss.handleUpgrade(req, socket, head, (ws) => this.#serve(ws, principal));
      })
      .catch((err: unknown) => {
        const known = isVigilError(err) ? err : new VigilError('INTERNAL');
        this.#ctx.logger.warn({ code: known.code, remote: req.socket.remoteAddress }, 'agent connection refused');
        refuseUpgrade(socket, known);
      });
  }

  /** Closes every agent socket (they will reconnect elsewhere) and stops the heartbeat. */
  close(): void {
    clearInterval(this.#pingTimer);
    for (const ws of this.#wss.clients) ws.close(CLOSE.goingAway, 'server shutting down');
    this.#wss.close();
  }

  #serve(ws: WebSocket, principal: Principal & { kind: 'api_key' }): void {
    const log = this.#ctx.logger.child({ component: 'agent-gateway', org_id: principal.orgId, key_id: principal.keyId });
    const databases = new Map<string, Database>();
    const databaseIds = new Set<string>();
    const live: LiveAgent = { apiKeyId: principal.keyId, databaseIds, close: (code, reason) => ws.close(code, reason) };
    let helloDone = false;
    let closed = false;
    // Messages are handled strictly in arrival order so acks follow batch order.
    let chain: Promise<void> = Promise.resolve();

    const send = (message: ServerMessageInput): void => {
      if (ws.readyState === ws.OPEN) ws.send(encodeServerMessage(message));
    };
    const fail = (err: VigilError): void => {
      log.warn({ code: err.code }, err.message);
      send({ error: { code: err.code, message: err.message, fatal: true } });
      closed = true;
      ws.close(closeCodeFor(err), err.code);
    };

    const onHello = async (hello: vigil.v1.IHello): Promise<void> => {
      if (hello.protocolMajor !== PROTOCOL_MAJOR) {
        throw new VigilError('PROTOCOL_UNSUPPORTED_VERSION', `Protocol ${hello.protocolMajor ?? 0}.x is not supported; this server speaks ${PROTOCOL_MAJOR}.x — upgrade the agent`);
      }
      const hostname = (hello.hostname ?? '').trim();
      if (!hostname || hostname.length > 255) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', 'Hello.hostname: must be 1 to 255 characters');
      const announced = hello.databases ?? [];
      if (announced.length > MAX_DATABASES_PER_AGENT) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases: at most ${MAX_DATABASES_PER_AGENT}`);
      const at = new Date().toISOString();
      const agent = await this.#ctx.meta.upsertAgent({ orgId: principal.orgId, hostname, agentVersion: (hello.agentVersion ?? '').slice(0, 64), at });
      for (const [i, info] of announced.entries()) {
        const name = (info.name ?? '').trim();
        const engine = engineFromWire(info.engine);
        if (!name || name.length > 200) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases[${i}].name: must be 1 to 200 characters`);
        if (!engine) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases[${i}].engine: must be POSTGRES or CLICKHOUSE`);
        if (databases.has(name)) throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Hello.databases[${i}].name: "${name}" is announced twice`);
        const db = await this.#ctx.meta.upsertDatabase({ orgId: principal.orgId, name, engine, engineVersion: info.serverVersion?.slice(0, 200) || null, agentId: agent.id, at });
        databases.set(name, db);
        databaseIds.add(db.id);
      }
      helloDone = true;
      this.#ctx.agents.add(live);
      log.info({ agent_id: agent.id, hostname, databases: databases.size }, 'agent connected');
      send({
        welcome: {
          protocolMajor: PROTOCOL_MAJOR,
          protocolMinor: PROTOCOL_MINOR,
          serverVersion: SERVER_VERSION,
          agentId: agent.id,
          heartbeatIntervalS: this.#ctx.config.heartbeatIntervalSeconds,
          databases: [...databases.values()].map((db) => ({ name: db.name, id: db.id })),
        },
      });
    };

    const onBatch = async (batch: vigil.v1.IBatch): Promise<void> => {
      const db = databases.get(batch.database ?? '');
      const batchId = batch.batchId ?? '';
      if (!db) {
        send({ error: { code: 'INGEST_UNKNOWN_DATABASE', message: `Batch names database "${batch.database ?? ''}", which this connection's Hello did not announce`, fatal: false, batchId } });
        return;
      }
      try {
        const result = await this.#ingestor.ingest(batch, db);
        await this.#ctx.meta.touchDatabase(db.id, new Date().toISOString());
        send({ ack: { batchId, seq: batch.seq ?? 0, duplicate: result.duplicate } });
      } catch (err) {
        if (!isVigilError(err) || err.code !== 'INGEST_BAD_BATCH') throw err;
        log.warn({ batch_id: batchId, database_id: db.id }, err.message);
        send({ error: { code: err.code, message: err.message, fatal: false, batchId } });
      }
    };

    const handle = async (data: RawData, isBinary: boolean): Promise<void> => {
      if (closed) return;
      if (!isBinary) throw new VigilError('FRAME_MALFORMED', 'Frames must be binary WebSocket messages');
      const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      const message = decodeAgentMessage(frame, { maxFrameBytes: this.#ctx.config.maxFrameBytes });
      if (!helloDone) {
        if (message.kind !== 'hello') throw new VigilError('PROTOCOL_HELLO_REQUIRED');
        return onHello(message.hello!);
      }
      switch (message.kind) {
        case 'batch':
          return onBatch(message.batch!);
        case 'heartbeat':
          await Promise.all([...databaseIds].map((id) => this.#ctx.meta.touchDatabase(id, new Date().toISOString())));
          return;
        case 'commandResult':
          return;
        default:
          throw new VigilError('PROTOCOL_UNEXPECTED_MESSAGE', `Unexpected ${message.kind} after Hello`);
      }
    };

    (ws as WebSocket & { vigilAlive?: boolean }).vigilAlive = true;
    ws.on('pong', () => {
      (ws as WebSocket & { vigilAlive?: boolean }).vigilAlive = true;
    });
    ws.on('message', (data, isBinary) => {
      chain = chain
        .then(() => handle(data, isBinary))
        .catch((err: unknown) => {
          if (isVigilError(err)) return fail(err);
          // A storage failure: no ack, and a close so the agent reconnects and re-sends what it still holds.
          log.error({ err }, 'agent message failed');
          send({ error: { code: 'INTERNAL', message: 'The server could not store this message; it will be retried', fatal: true } });
          closed = true;
          ws.close(CLOSE.internal, 'INTERNAL');
        });
    });
    ws.on('error', (err) => log.warn({ err: err.message }, 'agent socket error'));
    ws.on('close', () => {
      closed = true;
      this.#ctx.agents.remove(live);
      log.info('agent disconnected');
    });
  }

  /** Whether an upgrade request is for this endpoint. */
  static matches(req: IncomingMessage): boolean {
    return new URL(req.url ?? '/', 'http://x').pathname === AGENT_CONNECT_PATH;
  }
}
