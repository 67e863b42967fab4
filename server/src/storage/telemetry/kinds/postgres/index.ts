import type { RecordKind } from '../../record-kind.js';

/** PostgreSQL record kinds (migration versions 100–199). */
// `any`: each kind has its own row type, which only that kind's own functions read.
export const POSTGRES_KINDS: readonly RecordKind<any>[] = [];
