import type { Request, Response } from 'express';
import { VigilError } from '@vigil/shared';

/**
 * Browser sessions: the dashboard never holds a refresh token in script. It signs in with
 * `X-Vigil-Session: cookie`; the refresh token then travels only in an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to /api/v1/auth, and the access token lives in the page's memory.
 *
 * The cookie is the only credential a browser sends by itself, so the two routes that act on it
 * (refresh, logout) are CSRF-protected: they take the cookie only with the X-Vigil-Session header,
 * which a cross-site page cannot send without a CORS preflight this server never grants, and
 * refuse a request the browser marks as cross-site (Sec-Fetch-Site). SameSite=Strict is the
 * second lock: a cross-site request carries no cookie at all.
 */
export const SESSION_HEADER = 'x-vigil-session';
export const SESSION_COOKIE = 'vigil_refresh';
const COOKIE_PATH = '/api/v1/auth';
/**
 * A readable marker that a session cookie exists (it holds no secret), so the page tries a refresh
 * only when there is something to refresh instead of answering every visitor with a 401.
 */
export const SESSION_MARKER = 'vigil_session';

/** Whether the caller asked for a cookie session (the dashboard does; API clients do not). */
export function wantsCookieSession(req: Request): boolean {
  return req.get(SESSION_HEADER) === 'cookie';
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * The refresh token of the browser session, if the request carries one; throws AUTH_CSRF_REJECTED
 * when it carries the cookie without proof that the dashboard itself sent it.
 */
export function sessionRefreshToken(req: Request): string | undefined {
  const token = cookie(req, SESSION_COOKIE);
  if (!token) return undefined;
  const site = req.get('sec-fetch-site');
  if (!wantsCookieSession(req) || (site !== undefined && site !== 'same-origin')) {
    throw new VigilError('AUTH_CSRF_REJECTED');
  }
  return token;
}

/**
 * Answers tokens as the caller asked: unchanged for API clients; for a cookie session, the refresh
 * token moves into the cookie and out of the body.
 */
export function deliverTokens<T extends { refresh_token?: string }>(req: Request, res: Response, tokens: T, ttlSeconds: number): T | Omit<T, 'refresh_token'> {
  if (!wantsCookieSession(req)) return tokens;
  const { refresh_token, ...rest } = tokens;
  res.setHeader('Set-Cookie', [
    `${SESSION_COOKIE}=${refresh_token}; Path=${COOKIE_PATH}; Max-Age=${ttlSeconds}; HttpOnly; Secure; SameSite=Strict`,
    `${SESSION_MARKER}=1; Path=/; Max-Age=${ttlSeconds}; Secure; SameSite=Strict`,
  ]);
  return rest;
}

/** Clears the session cookie (logout), whatever the request carried. */
export function endCookieSession(res: Response): void {
  res.setHeader('Set-Cookie', [`${SESSION_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; Secure; SameSite=Strict`, `${SESSION_MARKER}=; Path=/; Max-Age=0; Secure; SameSite=Strict`]);
}
