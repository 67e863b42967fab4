import type { vigil } from '@vigil/proto';
import { PROTOCOL_MAJOR, uuidv7 } from '@vigil/shared';
import { connectRawAgent, type RawAgent } from '../../helpers/raw-agent.js';
import type { TestServer } from '../../helpers/test-server.js';
import { clickHouseRecords, MINUTE } from '../storage/kinds/clickhouse-batches.js';

/** What the ClickHouse API suites set up: a server holding one collection, and the ids and keys to read it. */
export interface ClickHouseFixture {
  readonly token: string;
  readonly readKey: string;
  /** A ClickHouse database with an older and a current collection (at `end`). */
  readonly chId: string;
  /** A ClickHouse database the agent announced but never sent anything for. */
  readonly emptyId: string;
  /** A PostgreSQL database of the same organization. */
  readonly pgId: string;
  readonly end: number;
}

/**
 * Signs up an organization and, through a raw agent socket, announces a ClickHouse database and
 * sends it two realistic collections (ten minutes apart, the newer ending now), each acknowledged
 * before this resolves. Independent of the agent's own ClickHouse collectors.
 */
export async function clickHouseFixture(t: TestServer): Promise<ClickHouseFixture> {
  const org = await t.signup();
  const agent = await connectFixtureAgent(t, org.accessToken);
  const registered = agent.databases;
  const idOf = (name: string) => registered.find((d) => d.name === name)!.id!;
  const end = Date.now();
  await sendBatch(agent, 'warehouse', 1, end - 10 * MINUTE, clickHouseRecords(end - 10 * MINUTE));
  await sendBatch(agent, 'warehouse', 2, end, clickHouseRecords(end));
  agent.ws.close();
  return { token: org.accessToken, readKey: await t.createKey(org.accessToken, 'read'), chId: idOf('warehouse'), emptyId: idOf('warehouse-idle'), pgId: idOf('orders'), end };
}

/** A raw agent connection announcing the fixture's three databases, welcomed. */
export async function connectFixtureAgent(t: TestServer, token: string): Promise<RawAgent & { readonly databases: vigil.v1.Welcome.$Properties['databases'] & object }> {
  const agent = await connectRawAgent(t.wsUrl, await t.createKey(token, 'agent'));
  agent.send({
    hello: {
      protocolMajor: PROTOCOL_MAJOR,
      protocolMinor: 0,
      agentVersion: 'test',
      hostname: 'ch-host',
      databases: [
        { name: 'warehouse', engine: 2, serverVersion: '18.16.1' },
        { name: 'warehouse-idle', engine: 2, serverVersion: '18.16.1' },
        { name: 'orders', engine: 1, serverVersion: '15.0' },
      ],
    },
  });
  return Object.assign(agent, { databases: (await agent.next()).welcome!.databases! });
}

/** Sends one batch of records for a database the fixture announced and waits for its Ack. */
export async function sendBatch(agent: RawAgent, database: string, seq: number, end: number, records: vigil.v1.Batch.$Properties): Promise<void> {
  const batchId = uuidv7();
  agent.send({ batch: { batchId, seq, database, windowStartMs: end - MINUTE, windowEndMs: end, ...records } });
  const reply = await agent.next();
  if (!reply.ack || reply.ack.batchId !== batchId) throw new Error(`batch ${seq} not acknowledged: ${JSON.stringify(reply)}`);
}
