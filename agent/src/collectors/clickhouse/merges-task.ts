import type { CollectorTask } from '../../runner/collector-task.js';
import { mergesToWire } from '../../transform/clickhouse-merges-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectMerges } from './merges-collector.js';

/** Running merges every 30 s (most finish within a few intervals, so a long one stands out). Nothing persists. */
export const mergesTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'merges',
  engine: 'clickhouse',
  defaultIntervalMs: 30_000,
  async run({ client, nowMs }) {
    const reading = await collectMerges(client);
    if (reading.merges === null) return { records: {}, statuses: reading.statuses, persisted: undefined };
    return { records: { clickhouseMerges: [mergesToWire(reading.merges, nowMs)] }, statuses: reading.statuses, persisted: undefined };
  },
};
