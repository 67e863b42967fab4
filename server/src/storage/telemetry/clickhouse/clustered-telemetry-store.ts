import { SqlTelemetryStore } from '../sql-telemetry-store.js';
import { ClickHouseHttpSqlClient } from './clickhouse-telemetry-store.js';
import { onCluster } from './cluster-ddl.js';

/** The ClickHouse server backend with its schema created ON CLUSTER `cluster` as Replicated*MergeTree tables (CLICKHOUSE_CLUSTER). */
export class ClusteredClickHouseTelemetryStore extends SqlTelemetryStore {
  /** `url` as for ClickHouseTelemetryStore: one replica of `cluster`, the one this process reads and writes. */
  constructor(url: string, cluster: string) {
    super(onCluster(new ClickHouseHttpSqlClient(url), cluster));
  }
}
