/** part / whole, or null when the whole is zero (nothing to divide, not "0 %"). */
export function ratioOrNull(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The sum of one numeric field over rows. */
export function sumOf<T>(rows: readonly T[], value: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + value(row), 0);
}

/** The largest value, or `empty` when there are none. */
export function maxOr(values: readonly number[], empty: number): number {
  return values.length > 0 ? Math.max(...values) : empty;
}
