import { VigilError } from '@vigil/shared';

/** Line and column (both from 1) of the character at `offset` (from 0) in `sql`. */
export function lineColumn(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, Math.max(0, Math.min(offset, sql.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/**
 * SQL_PARSE_ERROR at `offset` (characters from 0). The parser's own words go in `reason` among the
 * details, not in the message: the message is logged and must not carry a piece of the SQL (it may
 * hold a literal password).
 */
export function sqlSyntaxError(sql: string, offset: number, reason: string): VigilError {
  const { line, column } = lineColumn(sql, offset);
  return new VigilError('SQL_PARSE_ERROR', `SQL syntax error at line ${line}, column ${column}`, { details: { line, column, reason } });
}

/** The character offset of the UTF-8 byte offset `bytes` in `text` (ClickHouse counts bytes). */
export function charOffset(text: string, bytes: number): number {
  return Buffer.from(text, 'utf8').subarray(0, Math.max(0, bytes)).toString('utf8').length;
}
