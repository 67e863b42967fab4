import http from 'node:http';
import https from 'node:https';
import { VigilError } from '@vigil/shared';
import { redactText } from '../../config/secret-redaction.js';
import type { ClickHouseQueryClient, ClickHouseQueryOptions, ClickHouseRow } from './clickhouse-query-client.js';

/**
 * The agent's ClickHouse client: POSTs over ClickHouse's HTTP interface with FORMAT JSON, on one
 * keep-alive connection per server. Credentials travel only in the X-ClickHouse-User/-Key
 * headers (a query string ends up in proxy and server logs); settings go in the query string.
 */

const DEFAULT_TIMEOUT_MS = 12_000;
// A monitoring answer is small; anything far larger is a mistake that must not exhaust memory.
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 500;
/** Below ClickHouse's default keep_alive_timeout of 3 s. */
const IDLE_SOCKET_TIMEOUT_MS = 2_500;

export type ClickHouseSettings = Readonly<Record<string, string | number>>;

export interface ClickHouseHttpClientOptions {
  /** http(s)://[user[:password]@]host[:port][/path]: the database entry's url. */
  readonly url: string;
  /** Sent with every query as URL parameters (never credentials). */
  readonly settings?: ClickHouseSettings;
  /** Client-side limit per query, connecting included. */
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
}

export interface ClickHouseHttpQueryOptions extends ClickHouseQueryOptions {
  /** Replace the client's settings for this query. */
  readonly settings?: ClickHouseSettings;
  /** Replace the client's timeout for this query. */
  readonly timeoutMs?: number;
}

interface Endpoint {
  readonly url: URL;
  readonly transport: typeof http | typeof https;
  readonly agent: http.Agent;
  readonly headers: Readonly<Record<string, string>>;
  /** What must never appear in an error message: the password as written and decoded. */
  readonly secrets: readonly string[];
}

/** Where a query failed, parsed out of ClickHouse's error text. */
export interface ClickHouseErrorInfo {
  /** ClickHouse's error code (e.g. 60); undefined when the body named none (a proxy's page). */
  readonly code: number | undefined;
  /** The code's name where the release prints it (UNKNOWN_TABLE); undefined before 21.x. */
  readonly name: string | undefined;
  readonly message: string;
}

/**
 * The code, name and one-line message of a ClickHouse error body, whether 18.x's
 * "Code: 60, e.displayText() = DB::Exception: …, e.what() = DB::Exception" or the newer
 * "Code: 60. DB::Exception: …. (UNKNOWN_TABLE) (version 23.8.1.1)".
 */
export function parseClickHouseError(body: string, headerCode?: string): ClickHouseErrorInfo {
  const text = body.trim();
  const codeMatch = /Code: (\d+)/.exec(text);
  const codeText = headerCode && /^\d+$/.test(headerCode) ? headerCode : codeMatch?.[1];
  let message = (codeMatch ? text.slice(codeMatch.index + codeMatch[0].length) : text).split('\n')[0]!;
  message = message
    .replace(/^[.,]\s*/, '')
    .replace(/^e\.displayText\(\) = /, '')
    .replace(/^DB::Exception: /, '')
    .replace(/, e\.what\(\) = .*$/, '')
    .replace(/\s*\(version [^)]*\)\s*$/, '');
  const nameMatch = /\s*\(([A-Z][A-Z0-9_]+)\)\s*$/.exec(message);
  if (nameMatch) message = message.slice(0, nameMatch.index);
  message = message.trim().replace(/\.$/, '');
  if (message.length > MAX_MESSAGE_CHARS) message = `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
  return { code: codeText === undefined ? undefined : Number(codeText), name: nameMatch?.[1], message };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function endpointFor(rawUrl: string): Endpoint {
  let parsed: URL;
  try {
    parsed = new URL(rawUrl);
  } catch {
    throw new VigilError('CONFIG_INVALID', 'ClickHouse url is not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VigilError('CONFIG_INVALID', 'ClickHouse url must start with http:// or https://');
  }
  // Credentials or settings in the query string would be logged by every proxy on the way.
  if (parsed.search || parsed.hash) {
    throw new VigilError('CONFIG_INVALID', 'ClickHouse url must not have a query string or fragment: put the user and password before the host (http://user:password@host:8123)');
  }
  const user = safeDecode(parsed.username);
  const password = safeDecode(parsed.password);
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (user || password) {
    headers['X-ClickHouse-User'] = user || 'default';
    headers['X-ClickHouse-Key'] = password;
  }
  const url = new URL(parsed.pathname, parsed.origin);
  const transport = parsed.protocol === 'https:' ? https : http;
  // One socket: the agent never runs two queries on a server at once, and one connection is all it should cost.
  // The tasks due on the same tick (they are aligned to the wall clock) queue on it and share it. Idle, it is
  // closed by the agent before ClickHouse's keep_alive_timeout (3 s by default) can close it under a request
  // being written; Node shortens this further to the server's Keep-Alive hint less a second.
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 1, timeout: IDLE_SOCKET_TIMEOUT_MS });
  return { url, transport, agent, headers, secrets: [parsed.password, password].filter((s) => s.length > 0) };
}

/** Runs read-only queries against one ClickHouse server over HTTP. */
export class ClickHouseHttpClient implements ClickHouseQueryClient {
  readonly #endpoint: Endpoint;
  readonly #settings: ClickHouseSettings;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;

  constructor(options: ClickHouseHttpClientOptions) {
    this.#endpoint = endpointFor(options.url);
    this.#settings = options.settings ?? {};
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** host:port, for messages (no credentials). */
  get address(): string {
    return this.#endpoint.url.host;
  }

  async query(sql: string, options: ClickHouseHttpQueryOptions = {}): Promise<readonly ClickHouseRow[]> {
    const body = await this.#post(`${sql}\nFORMAT JSON`, options);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      // An error that struck after ClickHouse had started streaming arrives inside a 200 response.
      const tail = body.slice(-4096);
      if (/Code: \d+/.test(tail)) throw this.#queryFailed(parseClickHouseError(tail.slice(tail.lastIndexOf('Code: '))));
      throw new VigilError('CLICKHOUSE_BAD_RESPONSE', `ClickHouse at ${this.address} answered with something other than JSON`);
    }
    const data = (parsed as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new VigilError('CLICKHOUSE_BAD_RESPONSE', `ClickHouse at ${this.address} answered JSON without a data array`);
    return data as ClickHouseRow[];
  }

  /** Drops the kept-alive connection (at shutdown). */
  close(): void {
    this.#endpoint.agent.destroy();
  }

  #post(body: string, options: ClickHouseHttpQueryOptions): Promise<string> {
    const { url: base, transport, agent, headers } = this.#endpoint;
    const url = new URL(base);
    for (const [name, value] of Object.entries(options.settings ?? this.#settings)) url.searchParams.set(name, String(value));
    const callerSignal = options.signal;
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    return new Promise((resolve, reject) => {
      const fail = (err: unknown): void => {
        if (callerSignal?.aborted) reject(callerSignal.reason);
        else if (timeout.aborted) reject(new VigilError('CLICKHOUSE_TIMEOUT', `ClickHouse at ${this.address} did not answer within ${timeoutMs / 1000} s`));
        else reject(err);
      };
      const req = transport.request(url, { method: 'POST', agent, headers, signal }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.#maxResponseBytes) {
            req.destroy(new VigilError('CLICKHOUSE_BAD_RESPONSE', `ClickHouse at ${this.address} sent more than ${this.#maxResponseBytes} bytes for one query`));
            return;
          }
          chunks.push(chunk);
        });
        res.once('error', fail);
        res.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200) resolve(text);
          else reject(this.#httpFailure(res, text));
        });
      });
      req.once('error', fail);
      req.end(body);
    });
  }

  #httpFailure(res: http.IncomingMessage, body: string): VigilError {
    const headerCode = res.headers['x-clickhouse-exception-code'];
    const info = parseClickHouseError(body, typeof headerCode === 'string' ? headerCode : undefined);
    if (info.code === undefined) {
      // Not ClickHouse speaking (a proxy or load balancer): its status says more than its page.
      return new VigilError('CLICKHOUSE_QUERY_FAILED', `ClickHouse at ${this.address} answered HTTP ${res.statusCode}${info.message ? `: ${this.#redact(info.message)}` : ''}`, {
        details: { httpStatus: res.statusCode },
      });
    }
    return this.#queryFailed(info);
  }

  #queryFailed(info: ClickHouseErrorInfo): VigilError {
    const label = info.name ? `${info.code} (${info.name})` : String(info.code);
    return new VigilError('CLICKHOUSE_QUERY_FAILED', `ClickHouse error ${label}: ${this.#redact(info.message)}`, {
      details: { clickhouseCode: info.code, ...(info.name ? { clickhouseName: info.name } : {}) },
    });
  }

  #redact(message: string): string {
    return redactText(message, this.#endpoint.secrets);
  }
}
