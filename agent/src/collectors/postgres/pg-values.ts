import { camelOf } from '@vigil/shared';
import type { NumbersOf } from '../../state/column-fields.js';

/**
 * Reading values out of node-postgres rows: bigint and numeric columns arrive as strings, and a
 * column a version lacks is selected as a typed NULL, so fields go through these rather than a bare cast.
 */

/** A number from a column that may be a numeric string; NULL stays null. */
export function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A text column; NULL (or anything not a string) is null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** num() of each column, under its camelCase name: the state type that `NumbersOf<typeof columns>` declares. */
export function numbers<const Columns extends readonly string[]>(row: Record<string, unknown>, columns: Columns): NumbersOf<Columns> {
  const out: Record<string, number | null> = {};
  for (const column of columns) out[camelOf(column)] = num(row[column]);
  return out as NumbersOf<Columns>;
}
