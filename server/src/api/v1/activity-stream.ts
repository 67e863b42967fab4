import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import jwt from 'jsonwebtoken';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { VigilError, isVigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { verifyAccessToken } from '../../auth/access-tokens.js';
import { authenticate, authorize, userPrincipal, type Principal } from '../../auth/authenticate.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { route, type RouteSpec } from '../route.js';
import { parseInput } from '../validate.js';
import { activeBody, ActiveView } from './activity.js';
import { DatabasePath, databaseFor } from './database-scope.js';
import { intParam, limitParam } from './route-support.js';

/**
 * /databases/{id}/active/ws: the /active snapshot streamed over a WebSocket every `interval`
 * seconds. Browsers cannot set headers on a WebSocket, so the upgrade also takes a token in the
 * query string — a stream token from POST …/active/ws-token (a minute, this database only) or a
 * user's access token — never an API key, which would end up in proxy and browser logs. Scripts
 * may instead send their usual Authorization or X-API-Key header.
 */

const PATH = /^\/api\/v1\/databases\/([^/?]+)\/active\/ws$/;
const TOKEN_TTL_S = 60;
const TOKEN_AUDIENCE = 'vigil-active-ws';
const ISSUER = 'vigil';
/** A client that has not read this much is slow: skip snapshots rather than queue them without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const StreamQuery = z.object({
  interval: intParam(1, 300).default(5).describe('Seconds between snapshots'),
  limit: limitParam(50, 200),
  token: z.string().max(4096).optional().describe('A stream token from POST …/active/ws-token, or an access token; never an API key'),
});

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

function refuse(socket: Duplex, err: VigilError): void {
  const body = JSON.stringify({ error: err.message, code: err.code });
  socket.end(`HTTP/1.1 ${err.status} ${REASONS[err.status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Signs a stream token: who, for which database, valid TOKEN_TTL_S seconds. */
function signStreamToken(principal: Principal, databaseId: string, secret: string): string {
  const subject = principal.kind === 'user' ? `user:${principal.userId}` : `key:${principal.keyId}`;
  return jwt.sign({ typ: 'ws', org: principal.orgId, db: databaseId }, secret, { algorithm: 'HS256', subject, issuer: ISSUER, audience: TOKEN_AUDIENCE, expiresIn: TOKEN_TTL_S });
}

/** The principal a stream token stands for, when it is one for `databaseId`; undefined when it is not a stream token at all. */
function verifyStreamToken(token: string, databaseId: string, secret: string): Principal | undefined {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: TOKEN_AUDIENCE });
  } catch {
    return undefined;
  }
  if (typeof payload === 'string' || payload.typ !== 'ws' || typeof payload.org !== 'string' || typeof payload.sub !== 'string') return undefined;
  if (payload.db !== databaseId) throw new VigilError('AUTH_INVALID_TOKEN', 'This stream token is for another database');
  const [kind, id] = payload.sub.split(':', 2) as [string, string];
  // A stream only reads, which every role may: the role checked when the token was issued stands for its few seconds.
  return kind === 'key' ? { kind: 'api_key', orgId: payload.org, keyId: id, scope: 'read' } : { kind: 'user', orgId: payload.org, userId: id, role: 'member' };
}

interface Stream {
  readonly ws: WebSocket;
  readonly principal: Principal;
  alive: boolean;
}

/** Serves /active/ws upgrades; one per server, closed on shutdown. */
export class ActivityStream {
  readonly #ctx: AppContext;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  readonly #streams = new Set<Stream>();
  readonly #heartbeat: NodeJS.Timeout;
  #closed = false;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
    this.#heartbeat = setInterval(() => void this.#sweep(), ctx.config.heartbeatIntervalSeconds * 1000);
    this.#heartbeat.unref();
  }

  /** Whether an upgrade request is for this endpoint. */
  static matches(req: IncomingMessage): boolean {
    return PATH.test((req.url ?? '').split('?', 1)[0]!);
  }

  /** Authenticates the upgrade, checks the database is the caller's, then streams. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (this.#closed) return refuse(socket, new VigilError('SERVICE_UNAVAILABLE', 'The server is shutting down; connect again'));
    this.#accept(req)
      .then(({ principal, db, query }) => {
        if (this.#closed) throw new VigilError('SERVICE_UNAVAILABLE', 'The server is shutting down; connect again');
        this.#wss.handleUpgrade(req, socket, head, (ws) => this.#run(ws, principal, db, query));
      })
      .catch((err: unknown) => {
        const known = isVigilError(err) && err.expose ? err : new VigilError('INTERNAL');
        if (known.code === 'INTERNAL') this.#ctx.logger.error({ err }, 'activity stream upgrade failed');
        // Never the URL: its query string may hold a token.
        else this.#ctx.logger.warn({ code: known.code, remote: req.socket.remoteAddress }, 'activity stream refused');
        refuse(socket, known);
      });
  }

  /** Closes every stream with 1001 (going away) and stops accepting new ones. */
  close(): void {
    this.#closed = true;
    clearInterval(this.#heartbeat);
    for (const stream of this.#streams) stream.ws.close(1001, 'server shutting down');
    this.#wss.close();
  }

  async #accept(req: IncomingMessage): Promise<{ principal: Principal; db: Database; query: z.infer<typeof StreamQuery> }> {
    const [path, search = ''] = (req.url ?? '').split('?', 2) as [string, string | undefined];
    let id: string;
    try {
      id = decodeURIComponent(PATH.exec(path)![1]!);
    } catch {
      throw new VigilError('PATH_MALFORMED');
    }
    const query = parseInput(StreamQuery, Object.fromEntries(new URLSearchParams(search)), 'query param');
    const principal = await this.#principal(req, query.token, id);
    authorize(principal, 'read');
    return { principal, db: await databaseFor(this.#ctx, principal.orgId, id), query };
  }

  async #principal(req: IncomingMessage, token: string | undefined, databaseId: string): Promise<Principal> {
    const secret = this.#ctx.config.jwtSecret;
    if (token === undefined) return authenticate(req.headers, { meta: this.#ctx.meta, jwtSecret: secret });
    if (token.startsWith('vgl_')) {
      throw new VigilError('AUTH_INVALID_TOKEN', 'API keys are never accepted in a URL: send the key in the X-API-Key header, or trade it for a stream token at POST …/active/ws-token');
    }
    const stream = verifyStreamToken(token, databaseId, secret);
    if (stream) return stream;
    return userPrincipal(verifyAccessToken(token, secret), this.#ctx.meta);
  }

  #run(ws: WebSocket, principal: Principal, db: Database, query: z.infer<typeof StreamQuery>): void {
    const stream: Stream = { ws, principal, alive: true };
    this.#streams.add(stream);
    let timer: NodeJS.Timeout | undefined;
    const tick = async (): Promise<void> => {
      try {
        // A slow reader gets fewer snapshots, never an ever-growing send buffer.
        if (ws.bufferedAmount <= MAX_BUFFERED_BYTES) {
          const body = await activeBody(this.#ctx, db, query.limit);
          if (ws.readyState !== WebSocket.OPEN) return;
          ws.send(JSON.stringify({ type: 'snapshot', ...body }));
        }
      } catch (err) {
        this.#ctx.logger.error({ err, database_id: db.id }, 'activity stream read failed');
        ws.close(1011, 'snapshot read failed');
        return;
      }
      if (ws.readyState === WebSocket.OPEN) timer = setTimeout(() => void tick(), query.interval * 1000);
    };
    ws.on('pong', () => (stream.alive = true));
    ws.on('close', () => {
      clearTimeout(timer);
      this.#streams.delete(stream);
    });
    ws.on('error', () => ws.terminate());
    void tick();
  }

  /** Pings every stream, drops those that missed the last ping, and ends streams whose API key was revoked. */
  async #sweep(): Promise<void> {
    const streams = [...this.#streams];
    for (const stream of streams) {
      if (!stream.alive) {
        stream.ws.terminate();
        continue;
      }
      stream.alive = false;
      stream.ws.ping();
    }
    const keys = streams.flatMap((s) => (s.principal.kind === 'api_key' ? [s.principal.keyId] : []));
    if (keys.length === 0) return;
    try {
      const live = await this.#ctx.meta.liveApiKeyIds([...new Set(keys)]);
      for (const stream of streams) if (stream.principal.kind === 'api_key' && !live.has(stream.principal.keyId)) stream.ws.close(4001, 'API key revoked');
    } catch (err) {
      this.#ctx.logger.warn({ err }, 'could not check stream keys for revocation; the next sweep retries');
    }
  }
}

/** POST …/active/ws-token and the documented (upgrade-only) GET …/active/ws. */
export function activityStreamRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/databases/{id}/active/ws-token',
      summary: `A stream token for /active/ws of this database, valid ${TOKEN_TTL_S} seconds (browsers cannot send headers on a WebSocket)`,
      tag: 'activity',
      auth: 'read',
      params: DatabasePath,
      success: {
        status: 201,
        description: 'The token and the URL path to connect to',
        schema: z.object({ token: z.string(), expires_in: z.number().describe('Seconds'), url: z.string().describe('Path and query to open as a WebSocket') }),
      },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const token = signStreamToken(principal, db.id, ctx.config.jwtSecret);
        return { body: { token, expires_in: TOKEN_TTL_S, url: `/api/v1/databases/${encodeURIComponent(db.id)}/active/ws?token=${encodeURIComponent(token)}&interval=5` } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/active/ws',
      summary:
        'WebSocket: the /active snapshot every `interval` seconds, as JSON messages {"type":"snapshot", …}. Authenticate with ?token= (a stream token or an access token, never an API key) or a header',
      tag: 'activity',
      auth: 'read',
      errors: ['UPGRADE_REQUIRED'],
      params: DatabasePath,
      query: StreamQuery,
      success: { status: 101, description: 'Switching Protocols; then one message per snapshot, shaped as below', schema: z.intersection(z.object({ type: z.literal('snapshot') }), ActiveView) },
      async handler({ principal, params }) {
        await databaseFor(ctx, principal.orgId, params.id);
        throw new VigilError('UPGRADE_REQUIRED');
      },
    }),
  ];
}
