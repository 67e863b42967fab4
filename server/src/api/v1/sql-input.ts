import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import type { Statement } from '../../engines/sql-parse/query-model.js';

/** The longest `sql` the public SQL routes take (OptiHouse's bound). */
export const MAX_SQL_CHARS = 50_000;

export const SqlField = z.string({ error: 'is required: the SQL text of one statement' }).min(1, 'must not be empty').describe(`One statement, at most ${MAX_SQL_CHARS.toLocaleString('en-US')} characters`);
export const DialectField = z
  .enum(['clickhouse', 'postgresql'], { error: 'must be clickhouse or postgresql' })
  .default('clickhouse')
  .describe("Whose parser reads the SQL: ClickHouse's (default) or PostgreSQL's");

/** The parsed statement of a public SQL route's body; SQL_TOO_LONG (413) or SQL_PARSE_ERROR (422) otherwise. */
export function parseBodySql(ctx: AppContext, body: { sql: string; dialect: 'clickhouse' | 'postgresql' }): Promise<Statement> {
  if (body.sql.length > MAX_SQL_CHARS) {
    throw new VigilError('SQL_TOO_LONG', `sql is ${body.sql.length.toLocaleString('en-US')} characters; the most is ${MAX_SQL_CHARS.toLocaleString('en-US')}`, { details: { body_field: 'sql', max_chars: MAX_SQL_CHARS } });
  }
  return ctx.sql.parse(body.sql, body.dialect);
}
