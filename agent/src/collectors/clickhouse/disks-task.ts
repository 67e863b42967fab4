import type { CollectorTask } from '../../runner/collector-task.js';
import { disksToWire } from '../../transform/clickhouse-disks-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectDisks } from './disks-collector.js';

/** Disk space every 5 minutes. Nothing persists. */
export const disksTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'disks',
  engine: 'clickhouse',
  defaultIntervalMs: 300_000,
  async run({ client, nowMs }) {
    const reading = await collectDisks(client);
    if (reading.disks === null) return { records: {}, statuses: reading.statuses, persisted: undefined };
    return { records: { clickhouseDisks: [disksToWire(reading.disks, nowMs)] }, statuses: reading.statuses, persisted: undefined };
  },
};
