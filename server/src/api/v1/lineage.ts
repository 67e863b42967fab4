import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { lineage } from '../../engines/lineage/lineage.js';
import { route, type RouteSpec } from '../route.js';
import { DialectField, parseBodySql, SqlField } from './sql-input.js';

const LineageResult = z.object({
  query_type: z.string().describe('SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, …'),
  tables_read: z.array(z.string()).describe('As written: schema-qualified when the query qualifies them; CTE names are not tables'),
  tables_written: z.array(z.string()),
  columns_used: z.array(z.string()).describe('As written; `*` for SELECT *'),
  ctes: z.array(z.string()),
});

/** The NL→SQL service's `POST /lineage`, at /queries/lineage: what one statement reads and writes. */
export function lineageRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/queries/lineage',
      summary: 'Tables read and written, columns and CTEs of one statement (no auth, rate-limited)',
      tag: 'optimizer',
      auth: 'none',
      body: z.object({ sql: SqlField, dialect: DialectField }),
      success: { status: 200, description: 'The lineage', schema: LineageResult },
      errors: ['RATE_LIMITED', 'SQL_TOO_LONG', 'SQL_PARSE_ERROR'],
      async handler({ req, res, body }) {
        ctx.publicLimiter.check(req, res);
        return { body: lineage(await parseBodySql(ctx, body)) };
      },
    }),
  ];
}
