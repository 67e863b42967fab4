import type { RecordKind } from '../../record-kind.js';

/** ClickHouse record kinds (migration versions 200–299). */
// `any`: each kind has its own row type, which only that kind's own functions read.
export const CLICKHOUSE_KINDS: readonly RecordKind<any>[] = [];
