import type { CollectorTask } from '../../runner/collector-task.js';
import { diffClickHouseErrors } from '../../diff/clickhouse-errors-diff.js';
import type { ErrorsBaseline } from '../../state/clickhouse-errors-state.js';
import { errorsToWire } from '../../transform/clickhouse-errors-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectErrors } from './errors-collector.js';
import { collectUptime } from './server-clock-collector.js';

/**
 * system.errors every minute, as the errors raised in the window: none on the first reading
 * (the baseline) or after a server restart. While the table is unreadable the baseline is kept.
 */
export const errorsTask: CollectorTask<ClickHouseQueryClient, ErrorsBaseline> = {
  name: 'errors',
  engine: 'clickhouse',
  defaultIntervalMs: 60_000,
  async run({ client, previous, nowMs }) {
    const reading = await collectErrors(client);
    if (reading.errors === null) return { records: {}, statuses: reading.statuses, persisted: previous };
    const uptimeS = await collectUptime(client);
    const { diffed, baseline } = diffClickHouseErrors(previous, reading.errors, { collectedAtMs: nowMs, uptimeS });
    return { records: { clickhouseErrors: diffed ? [errorsToWire(diffed)] : [] }, statuses: reading.statuses, persisted: baseline };
  },
};
