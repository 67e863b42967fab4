import type { Request } from 'express';
import { z } from 'zod';
import { VigilError } from '@vigil/shared';

/**
 * Request validation: one zod schema per route's params, query or body; the first problem
 * becomes a 400 VALIDATION_FAILED whose message names the field and what was wrong.
 */

type Where = 'query param' | 'body field' | 'path param';

/** Internals read to rebuild a schema; zod keeps them on `_zod.def`. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const cloneWith = (schema: z.ZodType, changes: Partial<Def>): z.ZodType => {
  const copy = (schema as unknown as { clone(def: unknown): z.ZodType }).clone({ ...defOf(schema), ...changes });
  // A clone is a new registry key: keep the description the OpenAPI document shows.
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(copy, meta);
  return copy;
};

const strictCache = new WeakMap<z.ZodType, z.ZodType>();

/**
 * `schema` with every object in it refusing unknown keys, so a misspelt field or param is a 400
 * instead of silently ignored. Applied to every route's query and body here, centrally, so a route
 * added later is strict without asking; an object declared loose on purpose (`z.looseObject`,
 * `.catchall()`) keeps its catchall. Wrappers (optional, default, transforms, …) are looked through.
 */
export function strictInput<S extends z.ZodType>(schema: S): S {
  const cached = strictCache.get(schema);
  if (cached) return cached as S;
  const def = defOf(schema);
  let result: z.ZodType = schema;
  if (def.type === 'object' && def.shape) {
    const shape = Object.fromEntries(Object.entries(def.shape).map(([key, value]) => [key, strictInput(value)]));
    const changed = Object.keys(shape).some((key) => shape[key] !== def.shape![key]);
    if (def.catchall === undefined || changed) result = cloneWith(schema, { shape, ...(def.catchall === undefined ? { catchall: z.never() } : {}) });
  } else if (def.innerType) {
    const inner = strictInput(def.innerType);
    if (inner !== def.innerType) result = cloneWith(schema, { innerType: inner });
  } else if (def.type === 'pipe' && def.in) {
    const input = strictInput(def.in);
    if (input !== def.in) result = cloneWith(schema, { in: input });
  }
  strictCache.set(schema, result);
  return result as S;
}

/** The keys of the object `schema` is (through wrappers), for telling a client what it may send. */
export function acceptedKeys(schema: z.ZodType): string[] | undefined {
  const def = defOf(schema);
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.innerType) return acceptedKeys(def.innerType);
  if (def.type === 'pipe' && def.in) return acceptedKeys(def.in);
  return undefined;
}

/** A client-chosen key as it may appear in a message and its log line: printable and short. */
function safeName(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function acceptedList(schema: z.ZodType, where: Where): string {
  const keys = acceptedKeys(schema) ?? [];
  const plural = where === 'query param' ? 'query params' : 'body fields';
  return keys.length > 0 ? `this endpoint accepts ${keys.join(', ')}` : `this endpoint takes no ${plural}`;
}

/** Parses one part of a request; query and body are strict (see strictInput), path params come from the router. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.infer<S> {
  const checked = where === 'path param' ? schema : strictInput(schema);
  // A body is taken as sent (null stays null); query and params are always objects.
  const result = checked.safeParse(where === 'body field' ? input : (input ?? {}));
  if (result.success) return result.data;
  // An unknown key first: a misspelt field also makes the real one "required", and the typo is the news.
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]!;
  const detailKey = where.replace(' ', '_');
  const accepted = { accepted: acceptedKeys(schema) ?? [] };
  if (issue.code === 'unrecognized_keys') {
    const field = safeName([...issue.path, issue.keys[0]!].join('.'));
    const topLevel = issue.path.length === 0;
    throw new VigilError('VALIDATION_FAILED', `Unknown ${where} '${field}'${topLevel ? `: ${acceptedList(schema, where)}` : ''}`, {
      details: { [detailKey]: field, ...(topLevel ? accepted : {}) },
    });
  }
  // Record keys (tags) are the client's too.
  const field = safeName(issue.path.join('.'));
  if (!field) {
    if (where === 'body field' && issue.code === 'invalid_type') {
      throw new VigilError('VALIDATION_FAILED', `Request body must be a JSON object, not ${describeValue(input)}`);
    }
    // A check on the whole object (an empty PATCH, say): what may be sent is the useful part of the answer.
    throw new VigilError('VALIDATION_FAILED', `Invalid ${{ 'body field': 'request body', 'query param': 'query', 'path param': 'path' }[where]}: ${issue.message}; ${acceptedList(schema, where)}`, {
      details: accepted,
    });
  }
  throw new VigilError('VALIDATION_FAILED', `Invalid ${where} '${field}': ${issue.message}`, { details: { [detailKey]: field } });
}

/** Media types the JSON body parser reads (app.ts) and routes with a body accept. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/** What a route without a query or body schema accepts: nothing. */
export const NO_FIELDS = z.strictObject({});

/** Whether the request carries a body at all (a length above 0, or chunked). */
function bodySent(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/** The media type of the request, echoed only when it looks like one (a header is client text). */
function mediaTypeOf(req: Request): string | undefined {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/.test(type) ? type : undefined;
}

/**
 * The request body for a route: checked against `schema` when the route takes one, else refused
 * when it names fields (they would be ignored). The wrong Content-Type is a 415, and no body at all
 * a BODY_MISSING, rather than a confusing "field 'name' is required".
 */
export function parseBody<S extends z.ZodType>(schema: S | undefined, req: Request): z.infer<S> | undefined {
  if (!schema) {
    // Only a JSON body was read (others are left unread); an empty object is tolerated, as many clients send `{}` with every POST.
    if (req.body === undefined) return undefined;
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw new VigilError('VALIDATION_FAILED', 'This endpoint takes no request body');
    parseInput(NO_FIELDS, req.body, 'body field');
    return undefined;
  }
  if (!bodySent(req)) {
    if (schema.safeParse(undefined).success) return undefined;
    const fields = acceptedKeys(schema);
    throw new VigilError('BODY_MISSING', `This endpoint needs a JSON request body${fields ? ` with fields ${fields.join(', ')}` : ''}, sent with Content-Type: application/json`);
  }
  if (!req.is(JSON_MEDIA_TYPES)) {
    const type = mediaTypeOf(req);
    throw new VigilError('UNSUPPORTED_MEDIA_TYPE', `${type ? `Content-Type ${type} is not accepted` : 'The request has no usable Content-Type'}: send the body as JSON with Content-Type: application/json`);
  }
  return parseInput(schema, req.body, 'body field');
}

/** Relative time units for `since`/`until`: m is minutes. */
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const DURATION = /^(\d{1,6})([smhdw])$/;

/**
 * A point in time: an RFC 3339 timestamp with an explicit offset, or a duration before now
 * (`30m`, `24h`, `7d`, `2w`), as the README's examples use; parsed to Unix ms.
 */
export const timePoint = z
  .union([z.iso.datetime({ offset: true }), z.string().regex(DURATION)], {
    error: 'must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z, or a duration before now such as 30m, 24h or 7d',
  })
  .transform((value) => {
    const relative = DURATION.exec(value);
    if (!relative) return Date.parse(value);
    return Math.max(0, Date.now() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  });

/** `since`/`until` with Basira's defaults (24 hours ago, now); `since` must precede `until`. */
export const timeRange = {
  since: timePoint.optional().describe('Start: RFC 3339, or a duration before now (30m, 24h, 7d); default 24h before until'),
  until: timePoint.optional().describe('End: RFC 3339, or a duration before now (30m, 24h, 7d); default now'),
};

/** Applies time-range defaults and ordering. */
export function resolveRange(q: { since?: number | undefined; until?: number | undefined }, now = Date.now()): { since: number; until: number } {
  const until = q.until ?? now;
  const since = q.since ?? until - 24 * 3600 * 1000;
  if (since >= until) throw new VigilError('VALIDATION_FAILED', `Invalid query param 'since': must be earlier than 'until'`, { details: { query_param: 'since' } });
  return { since, until };
}
