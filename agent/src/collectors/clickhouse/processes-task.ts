import type { CollectorTask } from '../../runner/collector-task.js';
import { processesToWire } from '../../transform/clickhouse-processes-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectProcesses } from './processes-collector.js';

/** Running queries every 10 s, as PostgreSQL activity is. Nothing persists. */
export const processesTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'processes',
  engine: 'clickhouse',
  defaultIntervalMs: 10_000,
  async run({ client, nowMs }) {
    const reading = await collectProcesses(client);
    if (reading.queries === null) return { records: {}, statuses: reading.statuses, persisted: undefined };
    return { records: { clickhouseProcesses: [processesToWire(reading.queries, reading.omitted, nowMs)] }, statuses: reading.statuses, persisted: undefined };
  },
};
