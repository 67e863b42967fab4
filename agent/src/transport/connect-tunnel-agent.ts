import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { describeError } from '../logging/describe-error.js';

/**
 * An http.Agent that reaches the server through an HTTP proxy's CONNECT tunnel, for the
 * WebSocket upgrade request: one CONNECT per connection, then TLS to the server inside the
 * tunnel for wss:// (so the proxy sees only the host name and ciphertext) or the raw tunnel
 * for ws://. Small and dependency-free, since the agent ships as one self-contained binary.
 */

export interface TunnelAgentOptions {
  /** http:// URL of the proxy, optionally with user:password for Basic proxy authentication. */
  readonly proxyUrl: string;
  /** TLS to the server inside the tunnel (wss://). */
  readonly secure: boolean;
  /** How long the proxy may take to establish the tunnel. */
  readonly connectTimeoutMs: number;
}

/** The proxy as `host:port`, for messages: never its credentials. */
function proxyLabel(proxy: URL): string {
  return `${proxy.hostname}:${proxy.port || 80}`;
}

export class ConnectTunnelAgent extends http.Agent {
  readonly #proxy: URL;
  readonly #secure: boolean;
  readonly #connectTimeoutMs: number;

  constructor(options: TunnelAgentOptions) {
    super({ keepAlive: false });
    this.#proxy = new URL(options.proxyUrl);
    this.#secure = options.secure;
    this.#connectTimeoutMs = options.connectTimeoutMs;
    // https.request insists that its agent speaks https.
    (this as { protocol?: string }).protocol = options.secure ? 'https:' : 'http:';
  }

  override createConnection(options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const done = callback ?? (() => undefined);
    const host = options.host ?? options.hostname ?? 'localhost';
    const port = Number(options.port) || (this.#secure ? 443 : 80);
    const authority = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
    const headers: http.OutgoingHttpHeaders = { host: authority };
    if (this.#proxy.username) {
      const credentials = `${decodeURIComponent(this.#proxy.username)}:${decodeURIComponent(this.#proxy.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const label = proxyLabel(this.#proxy);
    const request = http.request({ host: this.#proxy.hostname, port: Number(this.#proxy.port) || 80, method: 'CONNECT', path: authority, headers, agent: false });
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      done(new Error(message), undefined as unknown as Duplex);
    };
    const timer = setTimeout(() => fail(`proxy ${label} did not open a tunnel within ${this.#connectTimeoutMs / 1000}s`), this.#connectTimeoutMs);
    request.once('connect', (response, socket, head) => {
      if (settled) {
        socket.destroy();
        return;
      }
      if (response.statusCode !== 200) {
        socket.destroy();
        const auth = response.statusCode === 407 ? ' (proxy authentication required: put user:password in the proxy URL)' : '';
        fail(`proxy ${label} refused the tunnel to ${authority} with HTTP ${response.statusCode}${auth}`);
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (head.length > 0) socket.unshift(head);
      if (!this.#secure) {
        done(null, socket);
        return;
      }
      const tlsOptions = options as tls.ConnectionOptions;
      done(
        null,
        tls.connect({
          socket,
          // SNI must not carry an IP address.
          servername: net.isIP(host) ? undefined : host,
          ca: tlsOptions.ca,
          rejectUnauthorized: tlsOptions.rejectUnauthorized !== false,
        }),
      );
    });
    request.once('error', (err) => fail(`cannot reach proxy ${label}: ${describeError(err)}`));
    request.end();
    return undefined;
  }
}
