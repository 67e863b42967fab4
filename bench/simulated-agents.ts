import WebSocket from 'ws';
import { AGENT_CONNECT_PATH, PROTOCOL_MAJOR, PROTOCOL_MINOR, decodeServerMessage, encodeAgentMessage, uuidv7 } from '@vigil/shared';
import { statementsToWire } from '../agent/src/transform/statements-transform.js';
import type { StatementDelta } from '../agent/src/state/postgres-statements-state.js';

/** What the simulated agents send: N agents, one batch of K statement rows every interval each. */
export interface SimulatedAgentsOptions {
  readonly wsUrl: string;
  readonly agentKey: string;
  readonly agents: number;
  readonly intervalMs: number;
  readonly statements: number;
  /** Each agent sends its next batch as soon as the last is acked (throughput mode). */
  readonly saturate?: boolean;
}

export interface SimulatedAgents {
  /** Seconds from the first connect to the last Welcome. */
  readonly connectSeconds: number;
  /** Saturate mode: every agent sends its first batch (each acked one is followed by the next). */
  startSaturating(): void;
  /** Starts counting acks (latency from send to Ack). */
  measure(): void;
  /** Acks counted since measure(), with their latencies sorted, and errors since the start. */
  results(): { acked: number; errors: number; latencies: number[] };
  /** Stops sending and drops the sockets. */
  stop(): void;
}

const CONNECT_WAVE = 100;

const TEMPLATES = [
  'SELECT o.id, o.total, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at > $1 ORDER BY o.created_at DESC LIMIT $2',
  'UPDATE inventory SET quantity = quantity - $1, updated_at = now() WHERE sku = $2 AND warehouse_id = $3',
  'INSERT INTO events (id, kind, payload, created_at) VALUES ($1, $2, $3, $4)',
  'SELECT count(*) FROM sessions WHERE user_id = $1 AND expires_at > now()',
];

/** The statement deltas simulated agent `agent` sends (`statements` of them), as the agent's own state would hold them. */
export function benchStatementDeltas(agent: number, statements: number): StatementDelta[] {
  return Array.from({ length: statements }, (_, i) => {
    const calls = 1 + ((agent * 31 + i * 7) % 500);
    return {
      dbid: 16384,
      userid: 10 + (i % 3),
      // Unique per agent and statement for up to a million statements an agent.
      queryid: String(-9_000_000_000_000 + agent * 1_000_000 + i),
      toplevel: true,
      datname: 'app',
      rolname: 'app',
      query: `${TEMPLATES[i % TEMPLATES.length]} /* ${i} */`,
      counters: {
        calls,
        totalExecTimeMs: calls * 1.7,
        totalPlanTimeMs: calls * 0.1,
        rows: calls * 3,
        sharedBlksHit: calls * 40,
        sharedBlksRead: calls,
        sharedBlksDirtied: 0,
        sharedBlksWritten: 0,
        tempBlksRead: 0,
        tempBlksWritten: 0,
        blkReadTimeMs: 0,
        blkWriteTimeMs: 0,
      },
    } as StatementDelta;
  });
}

/**
 * Connects N agents on loopback, each with its own WebSocket and the agent's API key, says Hello for
 * one database and sends a Batch of realistic statement rows (built and encoded by the agent's own
 * transform and codec) every interval, the agents spread evenly over it. Resolves once all are welcomed.
 */
export async function connectSimulatedAgents(options: SimulatedAgentsOptions): Promise<SimulatedAgents> {
  const { agents, intervalMs, saturate = false } = options;
  const latencies: number[] = [];
  let acked = 0;
  let errors = 0;
  let measuring = false;
  let stopping = false;
  const sockets: WebSocket[] = [];
  const senders: Array<() => void> = [];
  const connectStart = Date.now();

  const connect = (agent: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(options.wsUrl + AGENT_CONNECT_PATH, { headers: { authorization: `Bearer ${options.agentKey}` }, perMessageDeflate: false });
      sockets.push(ws);
      const statements = statementsToWire(benchStatementDeltas(agent, options.statements));
      const sentAt = new Map<string, number>();
      let seq = 0;
      const sendBatch = (): void => {
        if (stopping || ws.readyState !== ws.OPEN) return;
        const batchId = uuidv7();
        const now = Date.now();
        sentAt.set(batchId, now);
        ws.send(encodeAgentMessage({ batch: { batchId, seq: ++seq, database: 'db', windowStartMs: now - intervalMs, windowEndMs: now, statements } }));
      };
      senders.push(sendBatch);
      ws.on('message', (data: Buffer) => {
        const message = decodeServerMessage(data);
        if (message.welcome) {
          resolve();
          if (saturate) return;
          // Spread agents evenly over the interval, as wall-clock-aligned agents with skewed clocks would be.
          setTimeout(() => {
            sendBatch();
            setInterval(sendBatch, intervalMs).unref();
          }, (agent / agents) * intervalMs).unref();
        } else if (message.ack) {
          const start = sentAt.get(message.ack.batchId!);
          sentAt.delete(message.ack.batchId!);
          if (measuring && start !== undefined) {
            latencies.push(Date.now() - start);
            acked++;
          }
          if (saturate) sendBatch();
        } else if (message.error) {
          errors++;
        }
      });
      ws.once('error', reject);
      ws.once('open', () => ws.send(encodeAgentMessage({ hello: { protocolMajor: PROTOCOL_MAJOR, protocolMinor: PROTOCOL_MINOR, agentVersion: 'bench', hostname: `bench-${agent}`, databases: [{ name: 'db', engine: 1, serverVersion: '16.4' }] } })));
    });
  // In waves: 2,000 connects at once overflow the listen backlog of a server on a loaded machine (ECONNRESET).
  for (let first = 0; first < agents; first += CONNECT_WAVE) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_WAVE, agents - first) }, (_, i) => connect(first + i)));
  }
  const connectSeconds = (Date.now() - connectStart) / 1000;
  return {
    connectSeconds,
    startSaturating() {
      for (const send of senders) send();
    },
    measure() {
      measuring = true;
    },
    results: () => ({ acked, errors, latencies: [...latencies].sort((x, y) => x - y) }),
    stop() {
      stopping = true;
      for (const ws of sockets) ws.terminate();
    },
  };
}
