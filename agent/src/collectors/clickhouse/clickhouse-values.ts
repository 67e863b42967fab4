import { camelOf } from '@vigil/shared';
import type { CountsOf } from '../../state/column-fields.js';

/**
 * Reading values out of ClickHouse JSON rows. The JSON format quotes 64-bit integers (unless a
 * profile turns output_format_json_quote_64bit_integers off) and prints NaN and infinities as
 * null, so every numeric field goes through one of these rather than a bare cast.
 */

/** A number from a JSON field that may be quoted, null or missing (those read as 0). */
export function num(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'string' && value.length > 0) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  return 0;
}

/** num() of each column, under its camelCase name: the fields that `CountsOf<typeof columns>` declares. */
export function counts<const Columns extends readonly string[]>(row: Readonly<Record<string, unknown>>, columns: Columns): CountsOf<Columns> {
  const out: Record<string, number> = {};
  for (const column of columns) out[camelOf(column)] = num(row[column]);
  return out as CountsOf<Columns>;
}

/** A string field; null or missing reads as empty. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A UInt8 flag (0/1), possibly quoted or a JSON boolean in newer releases' Bool columns. */
export function flag(value: unknown): boolean {
  return num(value) !== 0;
}

/** Unix seconds (a DateTime selected through toUInt32) as Unix ms; 0 stays 0 ("never"). */
export function secondsToMs(value: unknown): number {
  return num(value) * 1000;
}

/** A ClickHouse string literal: backslash and quote escaped, so any text can be embedded safely. */
export function sqlString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

const MAX_ERROR_CHARS = 512;
// ClickHouse's parse errors echo the raw input that follows this.
const ECHOED_INPUT = /\bbefore: /;

/**
 * An error message safe to leave the host: quoted runs (where ClickHouse puts values, and names
 * that may be values) become '?', the raw input a parse error echoes after "before: " is dropped,
 * and the rest is cut to 512 characters.
 */
export function errorText(message: string): string {
  // A quote right after a letter is an apostrophe (doesn't), not an opening quote.
  let text = message.replace(/(?<![A-Za-z])'(?:[^'\\]|\\.)*'?/gs, "'?'").replace(/(?<![A-Za-z])"(?:[^"\\]|\\.)*"?/gs, '"?"');
  const echoed = ECHOED_INPUT.exec(text);
  if (echoed) text = `${text.slice(0, echoed.index + echoed[0].length)}…`;
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}
