import type { CollectorTask } from '../../runner/collector-task.js';
import type { QueryLogWatermark } from '../../state/clickhouse-query-log-state.js';
import { queryGroupsToWire } from '../../transform/clickhouse-query-log-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectQueryLog } from './query-log-collector.js';

/**
 * system.query_log every minute, from the persisted watermark: the runner saves it with the
 * batches' commit, so a restart resumes where the last committed run stopped and a run that
 * was cancelled or crashed is read again, neither lost nor doubled.
 */
export const queryLogTask: CollectorTask<ClickHouseQueryClient, QueryLogWatermark> = {
  name: 'query_log',
  engine: 'clickhouse',
  defaultIntervalMs: 60_000,
  async run({ client, previous }) {
    const reading = await collectQueryLog(client, previous);
    return { records: { clickhouseQueries: queryGroupsToWire(reading.groups) }, statuses: reading.statuses, persisted: reading.watermark };
  },
};
