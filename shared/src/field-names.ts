/**
 * Column names (snake_case, as PostgreSQL, ClickHouse and the wire's .proto spell them) and the
 * camelCase properties protobufjs and the agent's state types give the same fields, so one list
 * of column names can declare both.
 */

/** snake_case to camelCase, as a type: `seq_scan` → `seqScan`. */
export type CamelOf<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelOf<Tail>>}` : S;

/** snake_case to camelCase, as protobufjs names a field's property. */
export function camelOf<S extends string>(name: S): CamelOf<S> {
  return name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()) as CamelOf<S>;
}
