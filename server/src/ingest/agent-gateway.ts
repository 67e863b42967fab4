import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AGENT_CONNECT_PATH, VigilError, isVigilError } from '@vigil/shared';
import type { AppContext } from '../context.js';
import { authenticate } from '../auth/authenticate.js';
import type { ServerMetrics } from '../ops/metrics.js';
import { AgentSession } from './agent-session.js';
import type { IngestQueue } from './ingest-queue.js';
import type { LastSeenRecorder } from './last-seen-recorder.js';

const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Refuses an upgrade with a plain HTTP status and the usual `{error, code}` body. */
function refuseUpgrade(socket: Duplex, err: VigilError): void {
  const body = JSON.stringify({ error: err.message, code: err.code });
  socket.end(
    `HTTP/1.1 ${err.status} ${REASONS[err.status] ?? 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The agent endpoint: authenticates the upgrade by API key and runs one AgentSession per
 * socket. It owns what spans sockets: the ping sweep, and backpressure — while the ingest
 * queue is full (or the server is shutting down) no agent socket is read, so batches wait in
 * the agents' spools and TCP windows instead of this process's memory.
 */
export class AgentGateway {
  readonly #ctx: AppContext;
  readonly #queue: IngestQueue;
  readonly #metrics: ServerMetrics;
  readonly #lastSeen: LastSeenRecorder;
  readonly #wss: WebSocketServer;
  readonly #pingTimer: NodeJS.Timeout;
  readonly #sessions = new Set<AgentSession>();
  #stopping = false;

  constructor(ctx: AppContext, deps: { queue: IngestQueue; metrics: ServerMetrics; lastSeen: LastSeenRecorder }) {
    this.#ctx = ctx;
    this.#queue = deps.queue;
    this.#metrics = deps.metrics;
    this.#lastSeen = deps.lastSeen;
    // One byte of frame header on top of the payload limit; ws closes with 1009 beyond it.
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: ctx.config.maxFrameBytes + 1, perMessageDeflate: false });
    this.#pingTimer = setInterval(() => {
      for (const session of this.#sessions) session.heartbeat();
      void this.#closeRevoked();
    }, ctx.config.heartbeatIntervalSeconds * 1000);
    this.#pingTimer.unref();
    const repause = (): void => {
      for (const session of this.#sessions) session.updatePause();
    };
    this.#queue.on('saturated', repause);
    this.#queue.on('drained', repause);
  }

  /** Handles an HTTP upgrade aimed at the agent endpoint (the caller checks the path). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (this.#stopping) return refuseUpgrade(socket, shuttingDown());
    authenticate(req.headers, { meta: this.#ctx.meta, jwtSecret: this.#ctx.config.jwtSecret })
      .then((principal) => {
        if (principal.kind !== 'api_key' || (principal.scope !== 'agent' && principal.scope !== 'admin')) {
          throw new VigilError('AUTH_FORBIDDEN_SCOPE', 'Agents connect with an API key of scope "agent"');
        }
        if (this.#stopping) throw shuttingDown();
        this.#wss.handleUpgrade(req, socket, head, (ws) => {
          const session = new AgentSession(ws, principal, {
            ctx: this.#ctx,
            queue: this.#queue,
            metrics: this.#metrics,
            lastSeen: this.#lastSeen,
            gatewayPaused: () => this.#stopping || this.#queue.saturated,
          });
          this.#sessions.add(session);
          void session.closed.then(() => this.#sessions.delete(session));
        });
      })
      .catch((err: unknown) => {
        const known = isVigilError(err) ? err : new VigilError('INTERNAL');
        if (!isVigilError(err)) this.#ctx.logger.error({ err }, 'agent upgrade failed');
        this.#ctx.logger.warn({ code: known.code, remote: req.socket.remoteAddress }, 'agent connection refused');
        refuseUpgrade(socket, known);
      });
  }

  /**
   * Graceful shutdown: refuse new agents, stop reading sockets, write and acknowledge every
   * batch already accepted, then close each socket with 1001 so its agent reconnects elsewhere.
   * Resolves when every socket has closed; the caller bounds the wait.
   */
  async shutdown(): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#pingTimer);
    for (const session of this.#sessions) {
      session.stop();
      session.updatePause();
    }
    await this.#queue.flushAll();
    const closed = [...this.#sessions].map((session) => session.closed);
    for (const session of this.#sessions) session.goAway();
    await Promise.all(closed);
    this.#wss.close();
  }

  /** Cuts every socket at once (a shutdown that ran out of time); unacked batches stay with the agents. */
  terminate(): void {
    this.#stopping = true;
    clearInterval(this.#pingTimer);
    for (const session of this.#sessions) session.ws.terminate();
    this.#wss.close();
  }

  /**
   * Closes sockets whose key was revoked. The revoking request closes them at once in its own
   * process; this sweep catches the ones other server processes hold, within a heartbeat interval.
   */
  async #closeRevoked(): Promise<void> {
    const sessions = [...this.#sessions];
    if (sessions.length === 0) return;
    try {
      const live = await this.#ctx.meta.liveApiKeyIds([...new Set(sessions.map((s) => s.keyId))]);
      for (const session of sessions) if (!live.has(session.keyId)) session.ws.close(4001, 'API key revoked');
    } catch (err) {
      this.#ctx.logger.warn({ err }, 'could not check agent keys for revocation; the next sweep retries');
    }
  }

  /** Whether an upgrade request is for this endpoint. */
  static matches(req: IncomingMessage): boolean {
    // Not `new URL()`: it throws on some request targets (`//[`), and this runs in an event handler.
    return (req.url ?? '').split('?', 1)[0] === AGENT_CONNECT_PATH;
  }
}

function shuttingDown(): VigilError {
  return new VigilError('SERVICE_UNAVAILABLE', 'The server is shutting down; connect again to reach another server');
}
