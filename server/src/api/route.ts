import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { ERROR_CATALOG, VigilError, isVigilError, type ErrorCode } from '@vigil/shared';
import type { AppContext } from '../context.js';
import { authenticate, authorize, DEFAULT_ROLE_FOR, type Access, type Principal } from '../auth/authenticate.js';
import type { Role } from '../storage/meta/meta-store.js';
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

export interface SuccessSpec {
  readonly status: number;
  readonly description: string;
  readonly schema?: z.ZodType;
}

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI-style path under /api/v1, e.g. `/databases/{id}/queries`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `none`: public; `read`: users and read/admin keys; `admin`: users and admin keys. */
  readonly auth: 'none' | Access;
  /** The least role a user needs in the organization (owner ⊃ admin ⊃ member); by default `member` for `read`, `admin` for `admin`. */
  readonly role?: Role;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /**
   * The success status and the schema of its body (none for 204); `alternative`, a second success
   * the handler answers by returning its status (signup: 201 signed in, or 202 check your email).
   */
  readonly success: SuccessSpec & { readonly alternative?: SuccessSpec };
  /**
   * Error codes this route can answer beyond the ones every route of its kind implies
   * (`impliedErrorCodes`): they are documented in its OpenAPI responses, and with response
   * validation on, any other code it answers is a 500 `ROUTE_UNDECLARED_ERROR`.
   */
  readonly errors?: readonly ErrorCode[];
  handler(input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
}

/** Declares a route with its input types inferred from its schemas. */
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** Any route: a bad param, query or body (validate.ts), and an unexpected failure. */
const EVERY_ROUTE: readonly ErrorCode[] = ['VALIDATION_FAILED', 'INTERNAL'];
/** What authenticate() and authorize() throw. */
const AUTHENTICATED: readonly ErrorCode[] = ['AUTH_MISSING_CREDENTIALS', 'AUTH_INVALID_KEY', 'AUTH_INVALID_TOKEN', 'AUTH_FORBIDDEN_SCOPE', 'AUTH_FORBIDDEN_ROLE'];
/** An id in the path may name nothing (or something of another organization), or not decode. */
const WITH_PATH_PARAMS: readonly ErrorCode[] = ['NOT_FOUND', 'PATH_MALFORMED'];
/** parseBody() and the body parser in front of it. */
const WITH_BODY: readonly ErrorCode[] = ['BODY_MISSING', 'UNSUPPORTED_MEDIA_TYPE', 'BODY_MALFORMED', 'BODY_TOO_LARGE', 'BODY_UNSUPPORTED_ENCODING'];

/** The least role a user needs for `spec`, or undefined for a public route. */
export function requiredRole(spec: Pick<RouteSpec, 'auth' | 'role'>): Role | undefined {
  return spec.auth === 'none' ? undefined : (spec.role ?? DEFAULT_ROLE_FOR[spec.auth]);
}

/** The codes every route shaped like `spec` can answer, whatever its handler does. */
export function impliedErrorCodes(spec: Pick<RouteSpec, 'auth' | 'path' | 'body'>): ErrorCode[] {
  return [...EVERY_ROUTE, ...(spec.auth === 'none' ? [] : AUTHENTICATED), ...(/\{\w+\}/.test(spec.path) ? WITH_PATH_PARAMS : []), ...(spec.body ? WITH_BODY : [])];
}

const CATALOG_ORDER = Object.keys(ERROR_CATALOG) as ErrorCode[];

/** Every code `spec` may answer, implied and declared, in catalogue order. */
export function routeErrorCodes(spec: RouteSpec): ErrorCode[] {
  const codes = new Set([...impliedErrorCodes(spec), ...(spec.errors ?? [])]);
  return CATALOG_ORDER.filter((code) => codes.has(code));
}

function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export interface MountOptions {
  /**
   * Check every success body against its schema and every error code against the route's
   * (tests turn this on): a mismatch is a 500, an undeclared code a 500 `ROUTE_UNDECLARED_ERROR`.
   */
  readonly validateResponses: boolean;
}

/** Logs a code `spec` answered without declaring it, and the stable error that replaces it (tests assert codes, so they catch it). */
function undeclared(ctx: AppContext, spec: RouteSpec, err: VigilError): VigilError {
  const route = `${spec.method.toUpperCase()} ${spec.path}`;
  ctx.logger.error({ route, code: err.code, err }, 'route answered an error code it does not declare');
  return new VigilError('ROUTE_UNDECLARED_ERROR', `${route} answered ${err.code}, which its errors list does not declare (add it to the route's errors)`, { cause: err });
}

/** An Express router serving `routes`, each with auth, validation and its handler. */
export function mountRoutes(ctx: AppContext, routes: readonly RouteSpec[], options: MountOptions): Router {
  const router = Router();
  const authDeps = { meta: ctx.meta, jwtSecret: ctx.config.jwtSecret };
  for (const spec of routes) {
    const declared = new Set(routeErrorCodes(spec));
    const serve = async (req: Request, res: Response): Promise<void> => {
      let principal: Principal | undefined;
      if (spec.auth !== 'none') {
        principal = await authenticate(req.headers, authDeps);
        authorize(principal, spec.auth, requiredRole(spec));
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
      const schema = status === spec.success.alternative?.status ? spec.success.alternative.schema : spec.success.schema;
      if (options.validateResponses && schema) {
        const check = schema.safeParse(result.body);
        if (!check.success) {
          throw new Error(`${spec.method.toUpperCase()} ${spec.path} answered outside its schema: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        }
      }
      res.status(status).json(result.body);
    };
    router[spec.method](expressPath(spec.path), async (req: Request, res: Response) => {
      try {
        await serve(req, res);
      } catch (err) {
        if (options.validateResponses && isVigilError(err) && !declared.has(err.code)) throw undeclared(ctx, spec, err);
        throw err;
      }
    });
  }
  return router;
}
