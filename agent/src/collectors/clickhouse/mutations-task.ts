import type { CollectorTask } from '../../runner/collector-task.js';
import { mutationsToWire } from '../../transform/clickhouse-mutations-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectMutations } from './mutations-collector.js';

/** Mutations not yet done, every minute (a stuck one matters over minutes, not seconds). Nothing persists. */
export const mutationsTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'mutations',
  engine: 'clickhouse',
  defaultIntervalMs: 60_000,
  async run({ client, nowMs }) {
    const reading = await collectMutations(client);
    if (reading.mutations === null) return { records: {}, statuses: reading.statuses, persisted: undefined };
    return { records: { clickhouseMutations: [mutationsToWire(reading.mutations, nowMs)] }, statuses: reading.statuses, persisted: undefined };
  },
};
