import type { RecordKind } from '../record-kind.js';
import { CLICKHOUSE_KINDS } from './clickhouse/index.js';
import { explainPlansKind } from './explain-plans-kind.js';
import { healthScoresKind } from './health-scores-kind.js';
import { POSTGRES_KINDS } from './postgres/index.js';
import { statementsKind, statementTextsKind } from './statements/statements-tables.js';

/**
 * Every record kind, in the order the batch validator reads them (the first bad field it meets is
 * the one named). Explain plans come from commands and health scores from the engines, not batches:
 * their fromBatch finds nothing.
 */
// `any`: each kind has its own row type, which only that kind's own functions read.
export const RECORD_KINDS: readonly RecordKind<any>[] = [statementsKind, statementTextsKind, ...POSTGRES_KINDS, ...CLICKHOUSE_KINDS, explainPlansKind, healthScoresKind];

const names = RECORD_KINDS.map((kind) => kind.name);
const versions = RECORD_KINDS.flatMap((kind) => kind.migrations.map((m) => m.version));
// Caught at import, i.e. by every test run, rather than as a confusing schema at a customer.
if (new Set(names).size !== names.length) throw new Error(`duplicate record kind name in ${names.join(', ')}`);
if (new Set(versions).size !== versions.length) throw new Error(`duplicate telemetry migration version in ${versions.join(', ')}`);
