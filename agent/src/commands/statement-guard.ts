import { stripLiterals } from '@vigil/shared';

/**
 * Which statements the agent agrees to EXPLAIN: plain reads only. EXPLAIN without ANALYZE never
 * runs a statement, but the text comes from the monitored server's own statistics, so the agent
 * does not trust it either: a write, DDL or utility statement is refused before it reaches
 * EXPLAIN, and so is anything holding a second statement (PREPARE and the simple protocol would
 * run it).
 */

// First keyword of a read: SELECT, WITH (a CTE query), VALUES and TABLE (PostgreSQL shorthands), parenthesized reads.
const READ_STARTS = new Set(['select', 'with', 'values', 'table']);
// Inside a read these mean a write: a data-modifying CTE (MERGE always says INTO), SELECT INTO (creates a
// table) or ClickHouse's INTO OUTFILE. Statements that start with anything else are refused before this.
const WRITE_WORDS = new Set(['insert', 'update', 'delete', 'into']);

export type StatementVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether `sql` is a single read (SELECT-like) statement that may be EXPLAINed. */
export function explainableStatement(sql: string): StatementVerdict {
  // Literals and comments gone, so a keyword inside a string or comment cannot mislead the checks below.
  const text = stripLiterals(sql).replace(/[\s;]+$/, '');
  if (text.length === 0) return { ok: false, reason: 'the statement text is empty' };
  if (text.includes(';')) return { ok: false, reason: 'the text holds more than one statement' };
  const words = text.toLowerCase().match(/[a-z_][a-z0-9_$]*|"[^"]*"|`[^`]*`/g) ?? [];
  const first = text.replace(/^\(+\s*/, '').match(/^[A-Za-z_]+/)?.[0]?.toLowerCase() ?? '';
  if (!READ_STARTS.has(first)) return { ok: false, reason: `only SELECT-like statements are explained, not ${first ? first.toUpperCase() : 'this statement'}` };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!WRITE_WORDS.has(word)) continue;
    // Row locks (FOR UPDATE, FOR NO KEY UPDATE) are part of a read; EXPLAIN takes no row lock.
    if (word === 'update' && (words[i - 1] === 'for' || words[i - 1] === 'key')) continue;
    return { ok: false, reason: `only SELECT-like statements are explained; this one contains ${word.toUpperCase()}` };
  }
  return { ok: true };
}
