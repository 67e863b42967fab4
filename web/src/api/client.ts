import type { paths } from './openapi';

/**
 * The typed API client. The access token lives only in this module's memory; the refresh token is
 * an HttpOnly cookie the page never sees (server/src/auth/browser-session.ts), sent only to
 * /api/v1/auth/* with the X-Vigil-Session header that proves the dashboard sent it (CSRF).
 */
const SESSION_HEADERS = { 'x-vigil-session': 'cookie' };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<O> = O extends { responses: infer R } ? (R extends { 200: infer S } ? Json<S> : R extends { 201: infer S } ? Json<S> : R extends { 202: infer S } ? Json<S> : undefined) : never;
type Params<O> = O extends { parameters: infer X } ? X : never;
type PathOf<O> = Params<O> extends { path: infer T } ? (T extends Record<string, unknown> ? T : never) : never;
type QueryOf<O> = Params<O> extends { query?: infer T } ? T : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type Get<P extends keyof paths> = Success<Op<P, 'get'>>;
export type Post<P extends keyof paths> = Success<Op<P, 'post'>>;

export interface CallOptions<O> {
  readonly path?: PathOf<O>;
  readonly query?: QueryOf<O>;
  readonly body?: BodyOf<O>;
}

/** An API error: the server's code and message (docs/errors.md explains each code). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error body's other fields (a parse error's line and column, a 429's retry_after_s). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

let accessToken: string | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | undefined;
const signedOutListeners = new Set<() => void>();

/** Calls `listener` when the session ends (logout, or a refresh the server refused). */
export function onSignedOut(listener: () => void): void {
  signedOutListeners.add(listener);
}

function signedOut(): void {
  accessToken = undefined;
  clearTimeout(refreshTimer);
  for (const listener of signedOutListeners) listener();
}

interface TokenBody {
  readonly access_token: string;
  readonly expires_in: number;
}

function useTokens(tokens: TokenBody): void {
  accessToken = tokens.access_token;
  clearTimeout(refreshTimer);
  // Renew at 80 % of the lifetime so a request rarely meets an expired token.
  refreshTimer = setTimeout(() => void refreshSession(), Math.max(5, tokens.expires_in * 0.8) * 1000);
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as { code?: string; error?: string; [field: string]: unknown } | undefined;
  const { code, error, ...details } = body ?? {};
  return new ApiError(res.status, code ?? `HTTP_${res.status}`, error ?? `${res.status} ${res.statusText}`, details);
}

async function authCall(path: string, body?: unknown): Promise<Response> {
  return fetch(`/api/v1/auth/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? SESSION_HEADERS : { ...SESSION_HEADERS, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * Trades the session cookie for a new access token; false when there is no session. One refresh at
 * a time across tabs (Web Locks): refresh tokens rotate, and the server ends a session whose old
 * token is presented twice, so two tabs refreshing together would sign each other out.
 */
export function refreshSession(): Promise<boolean> {
  const run = async (): Promise<boolean> => {
    const res = await authCall('refresh');
    if (!res.ok) return false;
    useTokens((await res.json()) as TokenBody);
    return true;
  };
  // request() resolves with what run() resolves with; its DOM typing nests the promise.
  const locked = (): Promise<boolean> => navigator.locks.request('vigil-refresh', run) as unknown as Promise<boolean>;
  refreshing ??= (navigator.locks ? locked() : run()).finally(() => (refreshing = undefined));
  return refreshing;
}

export function isSignedIn(): boolean {
  return accessToken !== undefined;
}

/** Whether the server marked a session cookie as set (the marker holds no secret; the HttpOnly cookie does). */
export function hasSessionCookie(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith('vigil_session=1'));
}

/**
 * Signs in (or up): the server sets the session cookie and answers the access token. A server with
 * mail answers signup 202 with no tokens, new email or taken alike: the email says what to do next.
 */
export async function signIn(kind: 'login' | 'signup', body: Record<string, string>): Promise<'signed_in' | 'check_email'> {
  const res = await authCall(kind, body);
  if (!res.ok) throw await errorOf(res);
  if (res.status === 202) return 'check_email';
  useTokens((await res.json()) as TokenBody);
  return 'signed_in';
}

/**
 * Accepts an invitation: a new user with name and password, or the signed-in user (their access
 * token, no body). Either way the session moves into the invitation's organization (cookie and token).
 */
export async function acceptInvitation(token: string, newUser?: { name: string; password: string }): Promise<void> {
  const res = await fetch(`/api/v1/org/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...SESSION_HEADERS,
      ...(newUser ? { 'content-type': 'application/json' } : accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    ...(newUser ? { body: JSON.stringify(newUser) } : {}),
  });
  if (!res.ok) throw await errorOf(res);
  useTokens((await res.json()) as TokenBody);
}

export async function signOut(): Promise<void> {
  await authCall('logout').catch(() => undefined);
  signedOut();
}

function url(path: string, options: { path?: Record<string, unknown>; query?: Record<string, unknown> }): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(options.path?.[name] ?? '')));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  return `/api/v1${filled}${query ? `?${query}` : ''}`;
}

/** One typed API call with the in-memory access token; a 401 refreshes once and retries. */
export function call<P extends keyof paths, M extends Method>(method: M, path: P, options: CallOptions<Op<P, M>> = {}): Promise<Success<Op<P, M>>> {
  return request(method, path, options, true);
}

/** A typed call of a public route (verification, password reset): no token, and a 401 is the route's answer, not an ended session. */
export function publicCall<P extends keyof paths, M extends Method>(method: M, path: P, options: CallOptions<Op<P, M>> = {}): Promise<Success<Op<P, M>>> {
  return request(method, path, options, false);
}

async function request<P extends keyof paths, M extends Method>(method: M, path: P, options: CallOptions<Op<P, M>>, session: boolean): Promise<Success<Op<P, M>>> {
  const target = url(path as string, options as { path?: Record<string, unknown>; query?: Record<string, unknown> });
  const send = (): Promise<Response> =>
    fetch(target, {
      method: method.toUpperCase(),
      headers: {
        ...(session && accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  let res = await send();
  if (res.status === 401 && session) {
    if (!(await refreshSession())) {
      signedOut();
      throw await errorOf(res);
    }
    res = await send();
  }
  if (!res.ok) throw await errorOf(res);
  return (res.status === 204 ? undefined : await res.json()) as Success<Op<P, M>>;
}

/** A typed GET. */
export function get<P extends keyof paths>(path: P, options?: CallOptions<Op<P, 'get'>>): Promise<Get<P>> {
  return call('get', path, options);
}

/** One Server-Sent Event: its name and its JSON data. */
export interface StreamEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * A typed POST answered with Server-Sent Events (POST /chat): `onEvent` hears each event as it
 * arrives; resolves when the stream ends. A refusal before the stream (a 400 or 404 in JSON) throws
 * its ApiError; a 401 refreshes once and retries, as call() does. EventSource cannot POST or send
 * the bearer token, so the stream is read from fetch's body.
 */
export async function postStream<P extends keyof paths>(path: P, options: CallOptions<Op<P, 'post'>>, onEvent: (e: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
  const target = url(path as string, options as { path?: Record<string, unknown>; query?: Record<string, unknown> });
  const send = (): Promise<Response> =>
    fetch(target, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify(options.body ?? {}),
      ...(signal ? { signal } : {}),
    });
  let res = await send();
  if (res.status === 401) {
    if (!(await refreshSession())) {
      signedOut();
      throw await errorOf(res);
    }
    res = await send();
  }
  if (!res.ok) throw await errorOf(res);
  if (!res.body) return;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const take = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    // Comment lines (": keep-alive") carry no data and are not events.
    if (data.length > 0) onEvent({ event, data: JSON.parse(data.join('\n')) as unknown });
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      take(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
    }
  }
  if (buffered.trim()) take(buffered);
}
