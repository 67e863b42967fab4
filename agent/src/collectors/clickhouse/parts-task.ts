import type { vigil } from '@vigil/proto';
import type { CollectorTask } from '../../runner/collector-task.js';
import { partsToWire } from '../../transform/clickhouse-parts-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectParts } from './parts-collector.js';

// With up to 100 partitions each, this many tables keep one record well under a frame.
const TABLES_PER_RECORD = 100;

/**
 * Active and detached parts every 5 minutes. Gauges only; nothing persists. A server with many
 * tables gets several records of one moment (same ts_ms), the detached parts in the first.
 */
export const partsTask: CollectorTask<ClickHouseQueryClient, undefined> = {
  name: 'parts',
  engine: 'clickhouse',
  defaultIntervalMs: 300_000,
  async run({ client, nowMs }) {
    const reading = await collectParts(client);
    if (reading.tables === null) return { records: {}, statuses: reading.statuses, persisted: undefined };
    const records: vigil.v1.IClickHousePartsSnapshot[] = [partsToWire(reading.tables.slice(0, TABLES_PER_RECORD), reading.detached, nowMs)];
    for (let start = TABLES_PER_RECORD; start < reading.tables.length; start += TABLES_PER_RECORD) {
      records.push(partsToWire(reading.tables.slice(start, start + TABLES_PER_RECORD), reading.detached && [], nowMs));
    }
    return { records: { clickhouseParts: records }, statuses: reading.statuses, persisted: undefined };
  },
};
