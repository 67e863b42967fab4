import type { CamelOf } from '@vigil/shared';

/**
 * State fields named after the columns they are read from: `seq_scan` fills `seqScan`. A state
 * type declared as `NumbersOf<typeof COLUMNS>` is its column list, so a new counter is one name in
 * that list (the collector reads it with `numbers(row, COLUMNS)`), not a field and a mapping line too.
 */

/** One nullable number per column, named in camelCase. */
export type NumbersOf<Columns extends readonly string[]> = { readonly [C in Columns[number] as CamelOf<C>]: number | null };

/** One number per column, named in camelCase: ClickHouse's counts, which read as 0 where absent. */
export type CountsOf<Columns extends readonly string[]> = { readonly [C in Columns[number] as CamelOf<C>]: number };
