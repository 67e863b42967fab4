import type { CollectorTask } from '../../runner/collector-task.js';
import { tableSchemasToWire } from '../../transform/clickhouse-schemas-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectTableSchemas } from './table-schemas-collector.js';

/** MergeTree table definitions every hour (they change with DDL only; the advisors scan every few hours). Nothing persists. */
export const tableSchemasTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'table_schemas',
  engine: 'clickhouse',
  defaultIntervalMs: 3_600_000,
  async run({ client, nowMs }) {
    return { records: { clickhouseTableSchemas: [tableSchemasToWire(await collectTableSchemas(client), nowMs)] }, statuses: [], persisted: undefined };
  },
};
