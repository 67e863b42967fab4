import type { CollectorTask } from '../../runner/collector-task.js';
import { diffClickHouseServer } from '../../diff/clickhouse-server-diff.js';
import type { ServerBaseline } from '../../state/clickhouse-server-state.js';
import { clickHouseServerToWire } from '../../transform/clickhouse-server-transform.js';
import type { ClickHouseQueryClient } from './clickhouse-query-client.js';
import { collectServerMetrics } from './server-metrics-collector.js';
import { collectUptime } from './server-clock-collector.js';

/** Server essentials every minute: gauges as read, event counters as deltas (none on the first reading or after a restart). */
export const serverTask: CollectorTask<ClickHouseQueryClient, ServerBaseline> = {
  name: 'server',
  engine: 'clickhouse',
  defaultIntervalMs: 60_000,
  async run({ client, previous, nowMs }) {
    const reading = await collectServerMetrics(client);
    const uptimeS = await collectUptime(client);
    const { diffed, baseline } = diffClickHouseServer(previous, reading, { collectedAtMs: nowMs, uptimeS });
    return { records: { clickhouseServer: [clickHouseServerToWire(diffed)] }, statuses: reading.statuses, persisted: baseline };
  },
};
