import { EventEmitter } from 'node:events';
import tls from 'node:tls';
import WebSocket from 'ws';
import type { vigil } from '@vigil/proto';
import {
  AGENT_CONNECT_PATH,
  DEFAULT_MAX_FRAME_BYTES,
  PROTOCOL_MAJOR,
  decodeServerMessage,
  encodeAgentMessage,
  isVigilError,
  type AgentMessageInput,
  type ServerMessage,
} from '@vigil/shared';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import { MemoryBatchQueue, type BatchQueue } from '../spool/batch-queue.js';
import { ConnectTunnelAgent } from './connect-tunnel-agent.js';

/**
 * The agent's one outbound connection. Protocol: Hello on open, nothing else until Welcome,
 * then batches in seq order. A batch leaves the queue only on the server's Ack (or a refusal a
 * retry cannot fix), so every reconnect re-sends whatever is unacknowledged: the server dedupes
 * on batch_id, so a re-send never counts twice and nothing is lost.
 */

export interface ConnectionTiming {
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** After a 401/403 at upgrade: retrying sooner cannot help until someone fixes the key. */
  readonly authRejectedBackoffMs: number;
  /** Least wait after any other 4xx at upgrade (wrong path, rate limited): the server refused on purpose. */
  readonly clientErrorBackoffMs: number;
  /** After PROTOCOL_UNSUPPORTED_VERSION: only an agent or server upgrade helps. */
  readonly unsupportedVersionBackoffMs: number;
  /** TCP + TLS + HTTP upgrade. */
  readonly handshakeTimeoutMs: number;
  /** From Hello sent to Welcome received. */
  readonly welcomeTimeoutMs: number;
  /** Used until Welcome says otherwise. */
  readonly heartbeatIntervalMs: number;
  /** Stop handing batches to the socket while this much is still unsent. */
  readonly maxBufferedBytes: number;
  /** Before re-sending a batch the server failed to store (a transient error). */
  readonly batchRetryDelayMs: number;
}

const DEFAULT_TIMING: ConnectionTiming = {
  initialBackoffMs: 1000,
  maxBackoffMs: 60_000,
  authRejectedBackoffMs: 5 * 60_000,
  clientErrorBackoffMs: 60_000,
  unsupportedVersionBackoffMs: 60 * 60_000,
  handshakeTimeoutMs: 15_000,
  welcomeTimeoutMs: 15_000,
  heartbeatIntervalMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
  batchRetryDelayMs: 30_000,
};

/** Refusals about one batch that a re-send cannot fix. */
const UNRETRYABLE_BATCH_CODES = new Set(['INGEST_BAD_BATCH', 'INGEST_UNKNOWN_DATABASE']);

// Missing this many heartbeats' worth of traffic (messages or pongs) means the connection is dead.
const DEAD_AFTER_INTERVALS = 2.5;

export type BackoffKind = 'normal' | 'client' | 'auth' | 'unsupported';

export interface Failure {
  readonly reason: string;
  readonly backoff: BackoffKind;
  /** The server's Retry-After, when it sent one. */
  readonly retryAfterMs?: number;
}

// A Retry-After further out than this is a server bug; come back within the hour anyway.
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * How long to wait before reconnecting: exponential in the failed attempts (capped), longer
 * after a refusal a quick retry cannot fix, never sooner than the server's Retry-After, with
 * equal jitter so a fleet of agents does not reconnect in lockstep after a server restart.
 */
export function reconnectDelayMs(failure: Failure, failedAttempts: number, timing: ConnectionTiming, random: () => number = Math.random): number {
  const exponential = Math.min(timing.maxBackoffMs, timing.initialBackoffMs * 2 ** failedAttempts);
  const base =
    failure.backoff === 'auth'
      ? timing.authRejectedBackoffMs
      : failure.backoff === 'unsupported'
        ? timing.unsupportedVersionBackoffMs
        : failure.backoff === 'client'
          ? Math.max(timing.clientErrorBackoffMs, exponential)
          : exponential;
  const jittered = Math.round(base / 2 + (random() * base) / 2);
  return failure.retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(failure.retryAfterMs, MAX_RETRY_AFTER_MS));
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Why an upgrade answered with an HTTP status instead of a WebSocket, and how long to stay away. */
function upgradeFailure(status: number, retryAfterHeader: string | undefined): Failure {
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  const withRetry = (failure: Failure): Failure => (retryAfterMs === undefined ? failure : { ...failure, retryAfterMs });
  if (status === 401 || status === 403) return { reason: `server rejected the API key (HTTP ${status})`, backoff: 'auth' };
  if (status === 429) return withRetry({ reason: 'server is rate limiting connections (HTTP 429)', backoff: 'client' });
  if (status >= 400 && status < 500) return { reason: `server answered HTTP ${status} instead of accepting the WebSocket (check server_url)`, backoff: 'client' };
  return withRetry({ reason: `server answered HTTP ${status} instead of accepting the WebSocket`, backoff: 'normal' });
}

export interface Disconnect {
  /** Plain-language reason, safe to show: never holds the key. */
  readonly reason: string;
  /** Milliseconds until the next attempt. */
  readonly retryInMs: number;
}

export interface AgentConnectionEvents {
  welcome: [welcome: vigil.v1.Welcome.$Properties];
  /** Collection settings from the server: in Welcome, and again whenever they change. */
  settings: [settings: readonly vigil.v1.DatabaseSettings.$Properties[]];
  disconnected: [disconnect: Disconnect];
}

/** What the runner adds to each heartbeat; the connection fills in the spool figures itself. */
export type HeartbeatReport = Omit<vigil.v1.Heartbeat.$Properties, 'sentAtMs' | 'pendingBatches' | 'droppedBatches' | 'spoolBytes'>;

export interface AgentConnectionOptions {
  /** Base URL from the config (ws:// or wss://); the connect path is appended. */
  readonly serverUrl: string;
  readonly apiKey: string;
  /** Built on every connect, so a reconnect announces current database versions. */
  readonly hello: () => vigil.v1.Hello.$Properties;
  readonly queue: BatchQueue;
  readonly logger: Logger;
  readonly timing?: Partial<ConnectionTiming>;
  /** HTTP proxy to tunnel through with CONNECT, already chosen for serverUrl (config `proxy`). */
  readonly proxyUrl?: string;
  /** Extra CA certificates (PEM) to trust for wss://, on top of the built-in ones (config tls_ca_file). */
  readonly tlsCa?: string;
  /** Runs a command from the server; without it every command is refused (COMMAND_UNKNOWN). */
  readonly commands?: (command: vigil.v1.ICommand) => Promise<vigil.v1.ICommandResult>;
  /** The agent's own figures for each heartbeat (version, resources, collectors). */
  readonly heartbeat?: () => HeartbeatReport;
}

/** The endpoint for a configured base URL: `ws://host:8080` → `ws://host:8080/api/v1/agent/connect`. */
function agentConnectUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${AGENT_CONNECT_PATH}`;
}

/** Keeps one WebSocket to the server open, delivering queued batches until they are acknowledged. */
export class AgentConnection extends EventEmitter<AgentConnectionEvents> {
  readonly #options: AgentConnectionOptions;
  readonly #timing: ConnectionTiming;
  readonly #log: Logger;
  #ws: WebSocket | undefined;
  #started = false;
  #closing = false;
  #failedAttempts = 0;
  // Per connection: reset in #connect().
  #welcomed = false;
  #failure: Failure | undefined;
  #sent = new Set<string>();
  /** When a retryable batch refusal was last logged, by code. */
  readonly #warnedAt = new Map<string, number>();
  #lastSeenMs = 0;
  #heartbeatMs = 0;
  #timers = new Set<NodeJS.Timeout>();
  // One drain loop at a time; #drainAgain records flush() calls made while it ran.
  #draining = false;
  #drainAgain = false;
  #paused = false;

  constructor(options: AgentConnectionOptions) {
    super();
    this.#options = options;
    this.#timing = { ...DEFAULT_TIMING, ...options.timing };
    this.#log = options.logger.child({ component: 'transport' });
  }

  /** True between Welcome and the end of that connection. */
  get ready(): boolean {
    return this.#welcomed;
  }

  /** Opens the connection; reconnects on its own until close(). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#connect();
  }

  /** Sends queued batches not yet sent on this connection; call after pushing to the queue. */
  flush(): void {
    if (this.#draining) {
      this.#drainAgain = true;
      return;
    }
    this.#draining = true;
    this.#drain()
      .catch((err: unknown) => this.#log.error({ reason: describeError(err) }, 'could not send queued batches'))
      .finally(() => {
        this.#draining = false;
      });
  }

  /** Closes the connection and stops reconnecting; unacknowledged batches stay in the queue. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#clearTimers();
    const ws = this.#ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000, 'agent shutting down');
      // A server that never answers the close handshake must not hold up shutdown.
      setTimeout(() => ws.terminate(), 2000).unref();
    });
  }

  #connect(): void {
    this.#welcomed = false;
    this.#failure = undefined;
    this.#sent = new Set();
    this.#paused = false;
    this.#heartbeatMs = this.#timing.heartbeatIntervalMs;
    const url = agentConnectUrl(this.#options.serverUrl);
    const { proxyUrl, tlsCa } = this.#options;
    const ws = new WebSocket(url, {
      // The key goes only in this header: URLs end up in proxy and access logs.
      headers: { authorization: `Bearer ${this.#options.apiKey}` },
      ...(proxyUrl && { agent: new ConnectTunnelAgent({ proxyUrl, secure: url.startsWith('wss:'), connectTimeoutMs: this.#timing.handshakeTimeoutMs }) }),
      // Node's `ca` replaces the built-in roots; keep them, so a public certificate still verifies.
      ...(tlsCa && { ca: [...tls.rootCertificates, tlsCa] }),
      handshakeTimeout: this.#timing.handshakeTimeoutMs,
      maxPayload: DEFAULT_MAX_FRAME_BYTES + 1,
      // Frames are already deflated by the codec when that pays off.
      perMessageDeflate: false,
      // A redirect would replay the Authorization header to wherever it points.
      followRedirects: false,
    });
    this.#ws = ws;
    ws.on('unexpected-response', (_req, res) => {
      const retryAfter = res.headers['retry-after'];
      this.#fail(upgradeFailure(res.statusCode ?? 0, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter));
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => this.#onOpen(ws));
    ws.on('message', (data, isBinary) => this.#onMessage(ws, data, isBinary));
    // Either side may ping; any traffic proves the connection is alive.
    for (const event of ['ping', 'pong'] as const) {
      ws.on(event, () => {
        this.#lastSeenMs = Date.now();
      });
    }
    // 'close' always follows 'error'; the reconnect is scheduled there.
    ws.on('error', (err) => this.#fail({ reason: describeError(err), backoff: 'normal' }));
    ws.on('close', (code, reason) => this.#onClose(ws, code, reason.toString()));
  }

  /** Records why this connection is failing; the first reason is the real one. */
  #fail(failure: Failure): void {
    this.#failure ??= failure;
  }

  #onOpen(ws: WebSocket): void {
    this.#lastSeenMs = Date.now();
    this.#send(ws, { hello: this.#options.hello() });
    this.#after(this.#timing.welcomeTimeoutMs, () => {
      if (this.#welcomed || ws !== this.#ws) return;
      this.#fail({ reason: `server did not answer Hello within ${this.#timing.welcomeTimeoutMs / 1000}s`, backoff: 'normal' });
      ws.terminate();
    });
  }

  #onMessage(ws: WebSocket, data: WebSocket.RawData, isBinary: boolean): void {
    if (ws !== this.#ws) return;
    this.#lastSeenMs = Date.now();
    if (!isBinary) {
      this.#fail({ reason: 'server sent a text frame; the agent protocol is binary (check server_url)', backoff: 'normal' });
      ws.terminate();
      return;
    }
    let message: ServerMessage;
    try {
      message = decodeServerMessage(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));
    } catch (err) {
      this.#fail({ reason: `server sent a frame the agent cannot read (${isVigilError(err) ? err.code : describeError(err)})`, backoff: 'normal' });
      ws.terminate();
      return;
    }
    switch (message.kind) {
      case 'welcome':
        this.#onWelcome(ws, message.welcome!);
        return;
      case 'ack':
        void this.#forget(message.ack!.batchId ?? '');
        return;
      case 'command':
        this.#onCommand(ws, message.command!);
        return;
      case 'settingsUpdate':
        this.emit('settings', message.settingsUpdate!.settings ?? []);
        return;
      case 'error':
        this.#onServerError(ws, message.error!);
        return;
    }
  }

  #onWelcome(ws: WebSocket, welcome: vigil.v1.Welcome.$Properties): void {
    const major = welcome.protocolMajor ?? 0;
    if (major !== PROTOCOL_MAJOR) {
      this.#fail({ reason: `server speaks protocol ${major}, this agent ${PROTOCOL_MAJOR}: upgrade the agent`, backoff: 'unsupported' });
      ws.close(1002, 'unsupported protocol version');
      return;
    }
    this.#welcomed = true;
    this.#failedAttempts = 0;
    const heartbeatS = welcome.heartbeatIntervalS ?? 0;
    if (heartbeatS > 0) this.#heartbeatMs = heartbeatS * 1000;
    this.#log.info({ agentId: welcome.agentId, serverVersion: welcome.serverVersion }, 'connected to the server');
    this.#scheduleHeartbeat(ws);
    this.emit('welcome', welcome);
    if ((welcome.settings ?? []).length > 0) this.emit('settings', welcome.settings!);
    this.flush();
  }

  /** Answers on the connection the command came on; if that one is gone, the server has given up on it already. */
  #onCommand(ws: WebSocket, command: vigil.v1.Command.$Properties): void {
    const requestId = command.requestId ?? '';
    const run = this.#options.commands;
    const answer = run
      ? run(command)
      : Promise.resolve({ requestId, ok: false, errorCode: 'COMMAND_UNKNOWN', error: 'this agent runs no commands' });
    void answer.then((result) => {
      if (ws === this.#ws && ws.readyState === WebSocket.OPEN) this.#send(ws, { commandResult: result });
    });
  }

  #onServerError(ws: WebSocket, error: vigil.v1.Error.$Properties): void {
    const code = error.code ?? '';
    const message = error.message ?? '';
    const fatal = error.fatal === true;
    const batchId = error.batchId ?? '';
    if (batchId && UNRETRYABLE_BATCH_CODES.has(code)) {
      this.#log.error({ code, batchId }, `server refused a batch and a retry cannot succeed, dropping it: ${message}`);
      void this.#forget(batchId);
    } else if (batchId) {
      // Each held batch is refused on every retry (a database waiting for its organization's verification): one line a minute per code.
      const now = Date.now();
      if (now - (this.#warnedAt.get(code) ?? -Infinity) >= 60_000) {
        this.#warnedAt.set(code, now);
        this.#log.warn({ code, batchId }, `server could not take a batch, retrying it later: ${message}`);
      }
      this.#after(this.#timing.batchRetryDelayMs, () => {
        this.#sent.delete(batchId);
        this.flush();
      });
    } else if (!fatal) {
      this.#log.warn({ code }, `server reported: ${message}`);
    }
    if (fatal) {
      // The server closes the connection itself after a fatal error; the reconnect is scheduled on close.
      this.#fail({ reason: `server error ${code}: ${message}`, backoff: code === 'PROTOCOL_UNSUPPORTED_VERSION' ? 'unsupported' : 'normal' });
      this.#after(5000, () => ws.terminate());
    }
  }

  async #forget(batchId: string): Promise<void> {
    try {
      await this.#options.queue.ack(batchId);
    } catch (err) {
      this.#log.error({ batchId, reason: describeError(err) }, 'could not remove an acknowledged batch from the queue');
    }
    this.#sent.delete(batchId);
  }

  #scheduleHeartbeat(ws: WebSocket): void {
    this.#after(this.#heartbeatMs, () => {
      if (ws !== this.#ws || ws.readyState !== WebSocket.OPEN) return;
      const silentMs = Date.now() - this.#lastSeenMs;
      if (silentMs > this.#heartbeatMs * DEAD_AFTER_INTERVALS) {
        this.#fail({ reason: `no message or pong from the server for ${Math.round(silentMs / 1000)}s`, backoff: 'normal' });
        ws.terminate();
        return;
      }
      const stats = this.#options.queue.stats();
      const report = this.#options.heartbeat?.() ?? {};
      this.#send(ws, { heartbeat: { ...report, sentAtMs: Date.now(), pendingBatches: stats.batches, droppedBatches: stats.droppedBatches, spoolBytes: stats.bytes } });
      ws.ping();
      this.#scheduleHeartbeat(ws);
    });
  }

  async #drain(): Promise<void> {
    do {
      this.#drainAgain = false;
      const ws = this.#ws;
      if (!ws || !this.#welcomed || ws.readyState !== WebSocket.OPEN) return;
      this.#paused = false;
      // In seq order, one frame read at a time: a spool holding an outage's worth never sits in memory.
      for (const entry of this.#options.queue.entries()) {
        if (ws !== this.#ws || ws.readyState !== WebSocket.OPEN) return;
        if (this.#sent.has(entry.batchId)) continue;
        if (ws.bufferedAmount >= this.#timing.maxBufferedBytes) {
          // Resumed from a send callback once the socket has written out what it holds.
          this.#paused = true;
          return;
        }
        const frame = await this.#options.queue.frame(entry);
        if (!frame || ws !== this.#ws || ws.readyState !== WebSocket.OPEN || this.#sent.has(entry.batchId)) continue;
        this.#sent.add(entry.batchId);
        ws.send(frame, (err) => {
          if (!err && this.#paused) this.flush();
        });
      }
    } while (this.#drainAgain);
  }

  #send(ws: WebSocket, message: AgentMessageInput): void {
    ws.send(encodeAgentMessage(message));
  }

  #onClose(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.#ws) return;
    this.#clearTimers();
    this.#welcomed = false;
    this.#ws = undefined;
    if (this.#closing) return;
    const failure = this.#failure ?? { reason: `connection closed by the server (code ${code}${reason ? `: ${reason}` : ''})`, backoff: 'normal' };
    const retryInMs = reconnectDelayMs(failure, this.#failedAttempts++, this.#timing);
    this.#log.warn({ retryInMs }, `disconnected from the server: ${failure.reason}; retrying in ${Math.ceil(retryInMs / 1000)}s`);
    this.#after(retryInMs, () => this.#connect());
    this.emit('disconnected', { reason: failure.reason, retryInMs });
  }

  #after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
  }

  #clearTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}

export type ServerCheck = { readonly ok: true; readonly welcome: vigil.v1.Welcome.$Properties } | { readonly ok: false; readonly reason: string };

/** Connects once: Hello, then Welcome or the reason there was none. For `vigil-agent test`. */
export async function checkServer(options: Omit<AgentConnectionOptions, 'queue'>): Promise<ServerCheck> {
  const connection = new AgentConnection({ ...options, queue: new MemoryBatchQueue() });
  const result = await new Promise<ServerCheck>((resolve) => {
    connection.once('welcome', (welcome) => resolve({ ok: true, welcome }));
    connection.once('disconnected', ({ reason }) => resolve({ ok: false, reason }));
    connection.start();
  });
  await connection.close();
  return result;
}
