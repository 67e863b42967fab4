import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { sequenceUsedPct } from '../../engines/figures/postgres-figures.js';
import type { SequenceUsage } from '../../storage/telemetry/reads/read-shapes.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { resolveRange, timeRange } from '../validate.js';
import { DatabasePath } from './database-scope.js';
import { iso, limitParam, postgresDatabase, textOrNull } from './route-support.js';

const SequenceView = z.object({
  datname: z.string(),
  schema_name: z.string(),
  sequence_name: z.string(),
  data_type: z.string(),
  last_value: z.number(),
  min_value: z.number(),
  max_value: z.number(),
  increment_by: z.number(),
  last_value_text: z.string().nullable().describe('last_value exactly, as decimal text: the numbers are doubles, exact only up to 2^53, and a bigint sequence reaches 2^63 - 1. Null for rows from older agents, which did not send it'),
  min_value_text: z.string().nullable().describe('min_value exactly, as decimal text'),
  max_value_text: z.string().nullable().describe('max_value exactly, as decimal text (9223372036854775807 for a bigint sequence)'),
  increment_by_text: z.string().nullable().describe('increment_by exactly, as decimal text'),
  cycle: z.boolean(),
  owned_by: z.string().nullable().describe('table.column of a serial or identity column; null for a free-standing sequence'),
  column_type: z.string().nullable().describe('Type of the owning column, which may be narrower than the sequence (an int4 column on a bigint sequence runs out first)'),
  used_pct: z.number().describe('Share of the usable range consumed, 0–100, against the narrower of the sequence and its column'),
});

const SequencesQuery = z.object({ ...timeRange, limit: limitParam(50, 500) });
const SequencesView = z.object({ database_id: z.string(), since: z.string(), until: z.string(), sequences: z.array(SequenceView) });

function sequenceView(s: SequenceUsage): z.infer<typeof SequenceView> {
  return {
    datname: s.datname,
    schema_name: s.schema_name,
    sequence_name: s.sequence_name,
    data_type: s.data_type,
    last_value: s.last_value,
    min_value: s.min_value,
    max_value: s.max_value,
    increment_by: s.increment_by,
    last_value_text: textOrNull(s.last_value_text),
    min_value_text: textOrNull(s.min_value_text),
    max_value_text: textOrNull(s.max_value_text),
    increment_by_text: textOrNull(s.increment_by_text),
    cycle: s.cycle,
    owned_by: textOrNull(s.owned_by),
    column_type: textOrNull(s.column_type),
    used_pct: sequenceUsedPct(s.used_fraction),
  };
}

/** /databases/{id}/sequences: how close each sequence is to running out (PgHero's check). */
export function sequenceRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/sequences',
      summary: 'Sequences of every watched database, most used first: each at least 50 % used, and the 5 most used of each database',
      tag: 'tables',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: SequencesQuery,
      success: { status: 200, description: "Each sequence as of its database's latest reading in the range", schema: SequencesView },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const range = resolveRange(query);
        const sequences = await reads.over('pg_sequences', db, range, { limit: query.limit });
        return { body: { database_id: db.id, since: iso(range.since), until: iso(range.until), sequences: sequences.map(sequenceView) } };
      },
    }),
  ];
}
