/**
 * State named by its wire record's fields (counter deltas, snapshot rows), copied with one spread
 * instead of field by field. The returned function's type makes a field the wire record `W` lacks
 * a compile error, since the encoder would drop it silently.
 */
export function wireFields<W>(): <D extends object>(values: D & { readonly [K in Exclude<keyof D, keyof W>]: never }) => D {
  return (values) => ({ ...values });
}
