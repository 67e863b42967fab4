import { expect } from 'chai';
import type { MetaStore } from '../../../server/src/storage/meta/meta-store.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello, statementBatch } from '../../helpers/raw-agent.js';
import { intercept, until } from './store-controls.js';

describe('ingest: liveness and last_seen_at', () => {
  let t: TestServer;
  let token: string;
  let agentKey: string;
  // touchDatabase calls that reached the real metadata store.
  const touches: string[] = [];

  before(async () => {
    t = await startTestServer({
      env: { VIGIL_HEARTBEAT_INTERVAL_S: '1', VIGIL_INGEST_FLUSH_MS: '5' },
      wrapStores: (stores) => ({
        ...stores,
        meta: intercept<MetaStore>(stores.meta, {
          async touchDatabase(id: string, at: string) {
            touches.push(id);
            await stores.meta.touchDatabase(id, at);
          },
        }),
      }),
    });
    token = (await t.signup()).accessToken;
    agentKey = await t.createKey(token, 'agent');
  });
  after(async () => {
    await t.close();
  });

  async function database(id: string): Promise<{ status: string; last_seen_at: string }> {
    return (await t.request('GET', `/api/v1/databases/${id}`, { token })).body;
  }

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const dead = await connectRawAgent(t.wsUrl, agentKey, { autoPong: false });
    dead.send(hello(['silent'], undefined, 'host-silent'));
    const deadDb = (await dead.next()).welcome!.databases![0]!.id!;
    const live = await connectRawAgent(t.wsUrl, agentKey);
    live.send(hello(['lively'], undefined, 'host-lively'));
    const liveDb = (await live.next()).welcome!.databases![0]!.id!;
    expect((await database(deadDb)).status).to.equal('connected');

    // Terminated without a close frame: 1006 on the client.
    expect((await dead.closed).code).to.equal(1006);
    expect((await database(deadDb)).status).to.equal('disconnected');
    // The answering socket saw the same pings and is still served.
    expect(live.ws.readyState).to.equal(live.ws.OPEN);
    live.send(statementBatch('lively', [{ hash: 'x', calls: 1 }]));
    expect((await live.next()).kind).to.equal('ack');
    expect((await database(liveDb)).status).to.equal('connected');
    live.ws.close();
  });

  it('coalesces last_seen_at: many heartbeats and acks, about one metadata write per database per interval', async () => {
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['busy'], undefined, 'host-busy'));
    const dbId = (await agent.next()).welcome!.databases![0]!.id!;
    const registeredAt = (await database(dbId)).last_seen_at;
    const start = performance.now();
    for (let i = 0; i < 50; i += 1) agent.send({ heartbeat: { sentAtMs: Date.now(), pendingBatches: 0 } });
    for (let i = 0; i < 10; i += 1) {
      agent.send(statementBatch('busy', [{ hash: `h${i}`, calls: 1 }], { seq: i + 1 }));
      expect((await agent.next()).kind).to.equal('ack');
    }
    await until(async () => (await database(dbId)).last_seen_at > registeredAt, 'last_seen_at to advance');
    const elapsedIntervals = Math.ceil((performance.now() - start) / 1000);
    const writes = touches.filter((id) => id === dbId).length;
    expect(writes).to.be.at.least(1);
    // Sixty messages, yet at most one write per one-second pass that ran meanwhile.
    expect(writes).to.be.at.most(elapsedIntervals + 1);
    agent.ws.close();
  });
});
