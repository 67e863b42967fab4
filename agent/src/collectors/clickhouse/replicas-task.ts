import type { CollectorTask } from '../../runner/collector-task.js';
import { replicasToWire, replicationQueueToWire } from '../../transform/clickhouse-replicas-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectReplicas } from './replicas-collector.js';

/** Replica state and the replication queue every 30 s: replication lag is the figure to catch early. Nothing persists. */
export const replicasTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'replicas',
  engine: 'clickhouse',
  defaultIntervalMs: 30_000,
  async run({ client, nowMs }) {
    const reading = await collectReplicas(client);
    return {
      records: {
        clickhouseReplicas: reading.replicas === null ? [] : [replicasToWire(reading.replicas, nowMs)],
        clickhouseReplicationQueue: reading.queue === null ? [] : [replicationQueueToWire(reading.queue, nowMs)],
      },
      statuses: reading.statuses,
      persisted: undefined,
    };
  },
};
