import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { authenticate, authorize, type Access, type Principal } from '../auth/authenticate.js';
import { NO_FIELDS, parseBody, parseInput } from './validate.js';

/**
 * One declaration per API route: its path, auth, the zod schemas of its params, query, body and
 * response, and its handler. The Express router and the OpenAPI document are both built from
 * these declarations, so validation, behaviour and documentation cannot drift apart.
 */
export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Undefined only for routes with `auth: 'none'`. */
  readonly principal: Principal;
  readonly req: Request;
  readonly res: Response;
}

export interface RouteResult {
  readonly status?: number;
  /** Omitted for 204 responses. */
  readonly body?: unknown;
}

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI-style path under /api/v1, e.g. `/databases/{id}/queries`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `none`: public; `read`: users and read/admin keys; `admin`: users and admin keys. */
  readonly auth: 'none' | Access;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The success status and the schema of its body (none for 204). */
  readonly success: { readonly status: number; readonly description: string; readonly schema?: z.ZodType };
  handler(input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
}

/** Declares a route with its input types inferred from its schemas. */
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export interface MountOptions {
  /** Check every success body against its schema (tests turn this on): a mismatch is a 500. */
  readonly validateResponses: boolean;
}

/** An Express router serving `routes`, each with auth, validation and its handler. */
export function mountRoutes(ctx: AppContext, routes: readonly RouteSpec[], options: MountOptions): Router {
  const router = Router();
  const authDeps = { meta: ctx.meta, jwtSecret: ctx.config.jwtSecret };
  for (const spec of routes) {
    router[spec.method](expressPath(spec.path), async (req: Request, res: Response) => {
      let principal: Principal | undefined;
      if (spec.auth !== 'none') {
        principal = await authenticate(req.headers, authDeps);
        authorize(principal, spec.auth);
      }
      res.locals.principal = principal;
      const input = {
        params: spec.params ? parseInput(spec.params, req.params, 'path param') : {},
        // A route without a query schema takes no params: `?foo=bar` anywhere is a 400, never ignored.
        query: parseInput(spec.query ?? NO_FIELDS, req.query, 'query param'),
        body: parseBody(spec.body, req),
        principal: principal as Principal,
        req,
        res,
      };
      const result = await spec.handler(input);
      const status = result.status ?? spec.success.status;
      if (status === 204 || result.body === undefined) {
        res.status(status).end();
        return;
      }
      if (options.validateResponses && spec.success.schema) {
        const check = spec.success.schema.safeParse(result.body);
        if (!check.success) {
          throw new Error(`${spec.method.toUpperCase()} ${spec.path} answered outside its schema: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        }
      }
      res.status(status).json(result.body);
    });
  }
  return router;
}
