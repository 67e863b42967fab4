import net from 'node:net';
import type { KeeperAddress, KeeperNodeProbe } from '../../state/clickhouse-keeper-state.js';

/** Long enough for a node across a WAN, short enough that a dead node does not hold up the run. */
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * Each Keeper/ZooKeeper node tried with a TCP connect from the agent's host (ClusterSight's
 * keeper-nodes status): the configured nodes and the one the server's session is on, once each,
 * in that order. A node that refuses or does not answer is a finding, not a failed run.
 */
export async function probeKeeperNodes(configured: readonly KeeperAddress[], connected: KeeperAddress | null, timeoutMs = CONNECT_TIMEOUT_MS): Promise<KeeperNodeProbe[]> {
  const nodes = new Map<string, KeeperAddress>();
  for (const node of [...configured, ...(connected ? [connected] : [])]) nodes.set(`${node.host}:${node.port}`, node);
  const isConnected = (node: KeeperAddress) => connected !== null && node.host === connected.host && node.port === connected.port;
  return Promise.all([...nodes.values()].map(async (node) => ({ ...node, ...(await tcpConnect(node, timeoutMs)), connected: isConnected(node) })));
}

function tcpConnect(node: KeeperAddress, timeoutMs: number): Promise<{ reachable: boolean; connectMs: number; error: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: node.host, port: node.port });
    const done = (error: string) => {
      socket.destroy();
      const connectMs = error === '' ? Math.round((performance.now() - started) * 1000) / 1000 : 0;
      resolve({ reachable: error === '', connectMs, error });
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(''));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}
