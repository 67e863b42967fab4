import type { RecordKind } from '../../record-kind.js';
import { clickHouseDisksKind } from './disks-kind.js';
import { clickHouseErrorsKind } from './errors-kind.js';
import { clickHouseKeeperKind } from './keeper-kind.js';
import { clickHouseMergesKind } from './merges-kind.js';
import { clickHouseMutationsKind } from './mutations-kind.js';
import { clickHousePartsKind } from './parts-kind.js';
import { clickHouseProcessesKind } from './processes-kind.js';
import { clickHouseQueriesKind } from './queries-kind.js';
import { clickHouseReplicationKind } from './replication-kind.js';
import { clickHouseServerKind } from './server-kind.js';
import { clickHouseTableSchemasKind } from './table-schemas-kind.js';

/** ClickHouse record kinds (migration versions 200–299). */
// `any`: each kind has its own row type, which only that kind's own functions read.
export const CLICKHOUSE_KINDS: readonly RecordKind<any>[] = [
  clickHouseQueriesKind,
  clickHousePartsKind,
  clickHouseMergesKind,
  clickHouseMutationsKind,
  clickHouseReplicationKind,
  clickHouseDisksKind,
  clickHouseErrorsKind,
  clickHouseServerKind,
  clickHouseProcessesKind,
  clickHouseTableSchemasKind,
  clickHouseKeeperKind,
];
