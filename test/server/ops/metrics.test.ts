import { expect } from 'chai';
import { uuidv7 } from '@vigil/shared';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello, statementBatch } from '../../helpers/raw-agent.js';
import { sample } from './metrics-text.js';

describe('ops: /metrics', () => {
  let t: TestServer;

  before(async () => {
    t = await startTestServer({ env: { VIGIL_INGEST_FLUSH_MS: '5' } });
  });
  after(async () => {
    await t.close();
  });

  it('exposes ingest, agent and HTTP metrics in the Prometheus text format, with no ids or tokens in labels', async () => {
    const { accessToken } = await t.signup();
    const agentKey = await t.createKey(accessToken, 'agent');
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['orders']));
    const dbId = (await agent.next()).welcome!.databases![0]!.id!;
    const stored = statementBatch('orders', [{ hash: '1', calls: 3 }, { hash: '2', calls: 4 }]);
    agent.send(stored);
    expect((await agent.next()).ack!.duplicate).to.equal(false);
    agent.send(stored);
    expect((await agent.next()).ack!.duplicate).to.equal(true);
    agent.send(statementBatch('orders', [{ hash: '3', calls: -1 }]));
    expect((await agent.next()).error!.code).to.equal('INGEST_BAD_BATCH');

    expect((await t.request('GET', `/api/v1/databases/${dbId}`, { token: accessToken })).status).to.equal(200);
    expect((await t.request('GET', `/api/v1/databases/${uuidv7()}/queries?limit=5`, { token: accessToken })).status).to.equal(404);
    expect((await t.request('GET', `/no/such/${dbId}`)).status).to.equal(404);

    const res = await fetch(`${t.baseUrl}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();

    expect(sample(text, 'vigil_ingest_batches_total', { result: 'stored' })).to.equal(1);
    expect(sample(text, 'vigil_ingest_batches_total', { result: 'duplicate' })).to.equal(1);
    expect(sample(text, 'vigil_ingest_batches_total', { result: 'rejected' })).to.equal(1);
    expect(sample(text, 'vigil_ingest_batches_total', { result: 'failed' })).to.equal(0);
    expect(sample(text, 'vigil_ingest_rows_total')).to.equal(2);
    expect(sample(text, 'vigil_ingest_ack_latency_seconds_count')).to.equal(2);
    expect(sample(text, 'vigil_ingest_ack_latency_seconds_bucket', { le: '+Inf' })).to.equal(2);
    expect(sample(text, 'vigil_ingest_flush_duration_seconds_count')).to.be.at.least(1);
    expect(sample(text, 'vigil_ingest_queue_batches')).to.equal(0);
    expect(sample(text, 'vigil_ingest_queue_bytes')).to.equal(0);
    expect(sample(text, 'vigil_agents_connected')).to.equal(1);
    expect(sample(text, 'vigil_agent_errors_total', { code: 'INGEST_BAD_BATCH' })).to.equal(1);
    expect(sample(text, 'process_resident_memory_bytes')).to.be.above(0);

    // Route patterns, not paths.
    const http = (route: string, status: string, method = 'GET'): number | undefined =>
      sample(text, 'vigil_http_request_duration_seconds_count', { method, route, status });
    expect(http('/api/v1/databases/:id', '200')).to.equal(1);
    expect(http('/api/v1/databases/:id/queries', '404')).to.equal(1);
    expect(http('/api/v1/auth/signup', '201', 'POST')).to.equal(1);
    expect(http('unmatched', '404')).to.equal(1);
    expect(text).to.not.contain(dbId);
    expect(text).to.not.contain('/no/such');
    expect(text).to.not.contain(accessToken.slice(0, 20));

    agent.ws.close();
    await agent.closed;
  });
});
