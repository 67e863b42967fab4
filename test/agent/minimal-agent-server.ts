/** Test doubles for the agent's transport tests: a minimal protocol server and a polling wait. */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { vigil } from '@vigil/proto';
import { PROTOCOL_MAJOR, decodeAgentMessage, encodeServerMessage, type AgentMessage, type ServerMessageInput } from '@vigil/shared';

export interface Upgrade {
  readonly url: string;
  readonly authorization: string | undefined;
}

/**
 * The server side of the protocol, reduced to what the agent relies on: answers Hello with
 * Welcome and acknowledges the batches `ack` approves; rejects the upgrade when told to.
 */
export class MinimalServer {
  readonly upgrades: Upgrade[] = [];
  /** Messages received, per connection, in order. */
  readonly connections: AgentMessage[][] = [];
  readonly sockets: WebSocket[] = [];
  rejectStatus: number | undefined;
  rejectHeaders: Record<string, string> = {};
  ack: (batch: vigil.v1.Batch.$Properties) => boolean = () => true;
  heartbeatIntervalS = 30;
  readonly #http: http.Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #scheme: 'ws' | 'wss';

  /** With `tls`, serves wss:// with that key and certificate. */
  constructor(options: { tls?: { key: string; cert: string } } = {}) {
    this.#http = options.tls ? https.createServer(options.tls) : http.createServer();
    this.#scheme = options.tls ? 'wss' : 'ws';
  }

  /** Listens on loopback (`port`, or any free one) and returns the base URL; `host` names it in the URL. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.#http.on('upgrade', (req, socket, head) => {
      this.upgrades.push({ url: req.url ?? '', authorization: req.headers.authorization });
      if (this.rejectStatus) {
        const headers = Object.entries(this.rejectHeaders).map(([name, value]) => `${name}: ${value}\r\n`).join('');
        socket.end(`HTTP/1.1 ${this.rejectStatus} ${http.STATUS_CODES[this.rejectStatus]}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#serve(ws));
    });
    await new Promise<void>((resolve) => this.#http.listen(port, '127.0.0.1', resolve));
    return `${this.#scheme}://${host}:${(this.#http.address() as AddressInfo).port}`;
  }

  #serve(ws: WebSocket): void {
    const received: AgentMessage[] = [];
    this.connections.push(received);
    this.sockets.push(ws);
    ws.on('message', (data: Buffer) => {
      const message = decodeAgentMessage(data);
      received.push(message);
      if (message.kind === 'hello') {
        this.send(ws, { welcome: { protocolMajor: PROTOCOL_MAJOR, protocolMinor: 0, serverVersion: 'test', agentId: 'agent-1', heartbeatIntervalS: this.heartbeatIntervalS } });
      } else if (message.kind === 'batch' && this.ack(message.batch!)) {
        this.send(ws, { ack: { batchId: message.batch!.batchId, seq: message.batch!.seq } });
      }
    });
  }

  send(ws: WebSocket, message: ServerMessageInput): void {
    ws.send(encodeServerMessage(message));
  }

  /** Batch ids received on connection `index`, in order. */
  batchIds(index: number): string[] {
    return (this.connections[index] ?? []).filter((m) => m.kind === 'batch').map((m) => m.batch!.batchId ?? '');
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.#wss.close();
    await new Promise((resolve) => this.#http.close(resolve));
  }
}

/** Polls `probe` until it returns something truthy. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
