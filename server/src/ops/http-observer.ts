import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import type { ServerMetrics } from './metrics.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Remembers the prefix a router is mounted at. Express resets `req.baseUrl` when a request
 * leaves a router with an error, so by the time an error response finishes the prefix is
 * gone; mount this in front of each router (`app.use(prefix, routeBase, router)`).
 */
export const routeBase: RequestHandler = (req, res, next) => {
  res.locals.routeBase = req.baseUrl;
  next();
};

/**
 * The matched route's pattern (`/api/v1/databases/:id`), never the raw path: no ids or tokens
 * in labels. Requests no route matched are labelled by their router's prefix (`/docs/*`, static
 * files) or `unmatched`.
 */
function routeLabel(req: Request, res: Response): string {
  const base = typeof res.locals.routeBase === 'string' ? res.locals.routeBase : req.baseUrl;
  const pattern: unknown = req.route?.path;
  if (typeof pattern !== 'string') return base ? `${base}/*` : 'unmatched';
  return pattern === '/' && base ? base : base + pattern;
}

/**
 * First middleware: a request id (echoed as X-Request-Id), one log line per request and the
 * latency histogram. The line holds the path without its query string and no headers, since
 * both can carry credentials.
 */
export function httpObserver(logger: Logger, metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req, res);
      metrics.httpDuration.observe({ method: METHODS.has(req.method) ? req.method : 'OTHER', route, status: String(res.statusCode) }, seconds);
      // An invitation's token is its path segment (POST /org/invitations/{token}/accept): a secret, never logged.
      const path = req.path.slice(0, 256).replace(/(\/invitations\/)[^/]+/, '$1***');
      logger.info({ req_id: requestId, method: req.method, route, path, status: res.statusCode, ms: seconds * 1000 }, 'request');
    });
    next();
  };
}
