import { z } from 'zod';
import { VigilError } from '@vigil/shared';

/**
 * Request validation: one zod schema per route's params, query or body; the first problem
 * becomes a 400 VALIDATION_FAILED whose message names the field and what was wrong.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: 'query param' | 'body field' | 'path param'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  if (!field) throw new VigilError('VALIDATION_FAILED', where === 'body field' ? `Request body must be a JSON object` : issue.message);
  throw new VigilError('VALIDATION_FAILED', `Invalid ${where} '${field}': ${issue.message}`, { details: { [where.replace(' ', '_')]: field } });
}

/** An RFC 3339 timestamp with an explicit offset, parsed to Unix ms. */
export const rfc3339 = z.iso
  .datetime({ offset: true, error: 'must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z' })
  .transform((value) => Date.parse(value));

/** `since`/`until` with Basira's defaults (24 hours ago, now); `since` must precede `until`. */
export const timeRange = {
  since: rfc3339.optional(),
  until: rfc3339.optional(),
};

/** Applies time-range defaults and ordering. */
export function resolveRange(q: { since?: number | undefined; until?: number | undefined }, now = Date.now()): { since: number; until: number } {
  const until = q.until ?? now;
  const since = q.since ?? until - 24 * 3600 * 1000;
  if (since >= until) throw new VigilError('VALIDATION_FAILED', `Invalid query param 'since': must be earlier than 'until'`, { details: { query_param: 'since' } });
  return { since, until };
}
