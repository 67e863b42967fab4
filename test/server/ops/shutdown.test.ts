import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { ServerMessage } from '@vigil/shared';
import { loadServerConfig } from '../../../server/src/config.js';
import { openStores } from '../../../server/src/storage/open-stores.js';
import type { StatementRow } from '../../../server/src/storage/telemetry/telemetry-store.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { connectRawAgent, hello, statementBatch, type RawAgent } from '../../helpers/raw-agent.js';
import { Gate, intercept, until } from '../ingest/store-controls.js';

/** Everything the agent received, once its socket has closed (messages always arrive before the close). */
async function drainUntilClosed(agent: RawAgent): Promise<{ messages: ServerMessage[]; code: number; reason: string }> {
  const closed = await agent.closed;
  const messages: ServerMessage[] = [];
  while (agent.buffered() > 0) messages.push(await agent.next());
  return { messages, ...closed };
}

async function gatedServer(gate: Gate, env: Record<string, string>): Promise<TestServer> {
  return startTestServer({
    env: { VIGIL_INGEST_FLUSH_MS: '0', ...env },
    wrapStores: (stores) => ({
      ...stores,
      telemetry: intercept(stores.telemetry, {
        async insertStatements(rows: readonly StatementRow[]) {
          await gate.wait();
          await stores.telemetry.insertStatements(rows);
        },
      }),
    }),
  });
}

describe('ops: graceful shutdown', () => {
  it('stops accepting, writes and acks every queued batch, then closes agents with 1001', async () => {
    const gate = new Gate();
    const t = await gatedServer(gate, { VIGIL_SHUTDOWN_TIMEOUT_MS: '20000' });
    const agentKey = await t.createKey((await t.signup()).accessToken, 'agent');
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['orders']));
    await agent.next();

    gate.close();
    const sent = Array.from({ length: 3 }, (_, i) => statementBatch('orders', [{ hash: `s${i}`, calls: 1 }], { seq: i + 1 }));
    for (const message of sent) agent.send(message);
    await until(() => t.server.ingestQueue.depth.batches === 3, 'three queued batches');

    const closing = t.server.close();
    // No longer listening: new requests and new agents are refused.
    const refused = await fetch(`${t.baseUrl}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).to.equal(true);
    const late = await connectRawAgent(t.wsUrl, agentKey).then(
      () => false,
      () => true,
    );
    expect(late).to.equal(true);
    // Still waiting on the store: nothing acknowledged, the socket still open.
    expect(agent.buffered()).to.equal(0);
    expect(agent.ws.readyState).to.equal(agent.ws.OPEN);

    gate.open();
    const { messages, code, reason } = await drainUntilClosed(agent);
    expect(messages.map((m) => m.ack?.batchId)).to.deep.equal(sent.map((m) => m.batch!.batchId));
    expect(code).to.equal(1001);
    expect(reason).to.equal('server shutting down');
    await closing;

    // Reopened from the same directory: the three batches are in the ledger.
    const dataDir = t.server.context.config.dataDir;
    const stores = await openStores(loadServerConfig({ VIGIL_DATA_DIR: dataDir, VIGIL_JWT_SECRET: 'x'.repeat(32) }));
    for (const message of sent) expect(await stores.meta.getIngestedBatch(message.batch!.batchId!)).to.include({ rows: 1 });
    await stores.meta.close();
    await stores.telemetry.close();
    await t.close();
  });

  it('gives up after VIGIL_SHUTDOWN_TIMEOUT_MS: cuts the sockets, acks nothing it did not write', async () => {
    const gate = new Gate();
    const t = await gatedServer(gate, { VIGIL_SHUTDOWN_TIMEOUT_MS: '300' });
    const agentKey = await t.createKey((await t.signup()).accessToken, 'agent');
    const agent = await connectRawAgent(t.wsUrl, agentKey);
    agent.send(hello(['orders']));
    await agent.next();
    gate.close();
    agent.send(statementBatch('orders', [{ hash: 'stuck', calls: 1 }]));
    await until(() => t.server.ingestQueue.depth.batches === 1, 'a queued batch');

    const started = performance.now();
    await t.server.close();
    expect(performance.now() - started).to.be.at.least(290);
    const { messages, code } = await drainUntilClosed(agent);
    expect(messages).to.deep.equal([]);
    // Cut without a close frame: the agent keeps the batch and re-sends it elsewhere.
    expect(code).to.equal(1006);
    await t.close();
  });

  it('runs on SIGTERM in the real server process: agents get 1001, the process exits 0', async function () {
    this.timeout(60_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-sigterm-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: { ...process.env, VIGIL_PORT: '0', VIGIL_HOST: '127.0.0.1', VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let output = '';
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /"port":(\d+).*"msg":"vigil server listening"/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        void exited.then((code) => reject(new Error(`server exited early (${code}): ${output}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const signup = await fetch(`${base}/api/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'sig@example.com', password: 'correct horse battery', name: 'S', org_name: 'Sig' }),
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const created = await fetch(`${base}/api/v1/api-keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signup.access_token}` },
        body: JSON.stringify({ name: 'agent', scope: 'agent' }),
      }).then((r) => r.json() as Promise<{ key: string }>);
      const agent = await connectRawAgent(`ws://127.0.0.1:${port}`, created.key);
      agent.send(hello(['orders']));
      await agent.next();
      const batch = statementBatch('orders', [{ hash: 'sig', calls: 1 }]);
      agent.send(batch);
      expect((await agent.next()).ack!.batchId).to.equal(batch.batch!.batchId);

      child.kill('SIGTERM');
      expect((await agent.closed).code).to.equal(1001);
      expect(await exited).to.equal(0);
      expect(output).to.contain('shutdown complete');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
