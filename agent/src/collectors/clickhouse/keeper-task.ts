import type { CollectorTask } from '../../runner/collector-task.js';
import { keeperToWire } from '../../transform/clickhouse-keeper-transform.js';
import type { ClickHouseTaskClient } from './clickhouse-query-client.js';
import { collectKeeper } from './keeper-collector.js';
import { probeKeeperNodes } from './keeper-nodes-collector.js';

/**
 * The ZooKeeper/Keeper session and the Keeper nodes' reachability every 30 s (Keeper trouble makes
 * replicated tables read-only). Nothing is sent for a server without a Keeper and no nodes listed.
 * Nothing persists.
 */
export const keeperTask: CollectorTask<ClickHouseTaskClient, undefined> = {
  name: 'keeper',
  engine: 'clickhouse',
  defaultIntervalMs: 30_000,
  async run({ client, nowMs }) {
    const session = await collectKeeper(client);
    const configuredNodes = client.keeperNodes ?? [];
    if (!session.configured && configuredNodes.length === 0) return { records: {}, statuses: [], persisted: undefined };
    const connected = session.connectedHost ? { host: session.connectedHost, port: session.connectedPort } : null;
    const nodes = await probeKeeperNodes(configuredNodes, connected);
    return { records: { clickhouseKeeper: [keeperToWire(session, nodes, nowMs)] }, statuses: [], persisted: undefined };
  },
};
