import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import { AGENT_VERSION } from '../../../agent/src/agent-version.js';
import { parseAgentConfig } from '../../../agent/src/config/agent-config.js';
import { createAgentLogger } from '../../../agent/src/logging/agent-logger.js';
import { AgentRunner } from '../../../agent/src/runner/agent-runner.js';
import { databaseAgentHealth, type DatabaseAgentHealth } from '../../../server/src/ingest/agent-registry.js';
import { explainStatement, sendCommand } from '../../../server/src/commands/command-broker.js';
import type { CommandKind } from '../../../server/src/commands/command-bus.js';
import type { CollectorHealth, Database } from '../../../server/src/storage/meta/meta-store.js';
import { usePostgres } from '../../harness/postgres.js';
import { connectRawAgent, hello } from '../../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function rejection(work: Promise<unknown>): Promise<VigilError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'the call to fail').to.be.instanceOf(VigilError);
  return err as VigilError;
}

/**
 * Commands, settings and heartbeats over a real WebSocket: the real agent runner against the real
 * PostgreSQL, or a hand-driven raw agent where the agent must misbehave (never answer).
 */
describe('server/ingest: commands, settings and heartbeats', function () {
  this.timeout(60_000);
  const postgres = usePostgres();
  let t: TestServer;
  let orgId: string;
  let ownerToken: string;
  let agentKey: string;
  let runner: AgentRunner | undefined;
  let spoolDir: string;
  let db: Database;

  const ctx = () => t.server.context;
  const collector = (health: DatabaseAgentHealth, name: string): CollectorHealth | undefined =>
    health.agent?.heartbeat?.collectors.find((c) => c.database === 'main' && c.collector === name);

  before(async () => {
    t = await startTestServer({ env: { VIGIL_HEARTBEAT_INTERVAL_S: '1' } });
    const signup = await t.signup();
    orgId = signup.orgId;
    ownerToken = signup.accessToken;
    agentKey = await t.createKey(signup.accessToken, 'agent');
    spoolDir = mkdtempSync(join(tmpdir(), 'vigil-commands-'));
    await postgres().query(`
      CREATE TABLE broker_items (id int PRIMARY KEY, owner int NOT NULL);
      INSERT INTO broker_items SELECT g, g % 10 FROM generate_series(1, 1000) g;
      GRANT SELECT ON broker_items TO vigil_monitor;
    `);
    await postgres().query('SELECT * FROM broker_items WHERE owner = $1', [3]);
    const config = parseAgentConfig(
      {
        server_url: t.wsUrl,
        api_key: agentKey,
        spool_dir: spoolDir,
        intervals: { statements: '1s', activity: '1s' },
        databases: [{ name: 'main', engine: 'postgres', url: postgres().monitorUrl }],
      },
      { env: {} },
    );
    runner = new AgentRunner({ config, logger: createAgentLogger('silent'), timing: { initialBackoffMs: 50 } });
    await runner.start();
    db = await until('the database registered and connected', async () => {
      const found = (await ctx().meta.listDatabases(orgId)).find((d) => d.name === 'main');
      return found && ctx().agents.isDatabaseConnected(found.id) ? found : undefined;
    });
  });

  after(async () => {
    await runner?.stop();
    await t?.close();
    rmSync(spoolDir, { recursive: true, force: true });
  });

  it('asks the connected agent for a plan and gets it back (explain round trip)', async () => {
    const { rows } = await postgres().query("SELECT queryid::text AS id FROM pg_stat_statements WHERE query = 'SELECT * FROM broker_items WHERE owner = $1'");
    const plan = (await explainStatement(ctx(), db, rows[0].id)) as Record<string, unknown>;
    expect(plan).to.include({ engine: 'postgres', database: 'main', query_hash: rows[0].id, query_text: 'SELECT * FROM broker_items WHERE owner = $1' });
    expect(JSON.stringify(plan.plan_json)).to.include('broker_items');

    const missing = await rejection(explainStatement(ctx(), db, '42'));
    expect(missing).to.include({ code: 'STATEMENT_NOT_FOUND', status: 404 });
    const status = (await sendCommand(ctx(), db, 'status', {})) as { agent_version: string; connected: boolean };
    expect(status).to.include({ agent_version: AGENT_VERSION, connected: true });
  });

  it('tests the connection through the agent: version, replicas and slots (POST /databases/{id}/test)', async () => {
    await postgres().query("SELECT pg_create_physical_replication_slot('vigil_commands_test')");
    try {
      const { accessToken } = await t.signup();
      expect((await t.request('POST', `/api/v1/databases/${db.id}/test`, { token: accessToken })).status, 'another organization').to.equal(404);
      const res = await t.request('POST', `/api/v1/databases/${db.id}/test`, { token: ownerToken });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ database_id: db.id, engine: 'postgres', reachable: true, error: null, pg_stat_statements: true, in_recovery: false });
      expect(res.body.server_version).to.match(/^\d+/);
      expect(res.body.replicas).to.deep.equal([]);
      expect(res.body.replication_slots).to.deep.include({ slot_name: 'vigil_commands_test', slot_type: 'physical', database: null, active: false, retained_bytes: null });
    } finally {
      await postgres().query("SELECT pg_drop_replication_slot('vigil_commands_test')");
    }
  });

  it('has a command the agent does not know refused by the agent', async () => {
    const refused = await rejection(sendCommand(ctx(), db, 'shell' as CommandKind, { command: 'id' }));
    expect(refused).to.include({ code: 'COMMAND_UNKNOWN', status: 400 });
    expect(refused.message).to.include('shell');
  });

  it('keeps the latest heartbeat in memory and in the metadata store', async () => {
    const health = await until('a heartbeat with collector results', async () => {
      const h = await databaseAgentHealth(ctx(), db);
      return collector(h, 'statements')?.last_success_at ? h : undefined;
    });
    expect(health).to.deep.include({ status: 'connected' });
    expect(health.agent).to.include({ version: AGENT_VERSION });
    const heartbeat = health.agent!.heartbeat!;
    expect(heartbeat.rss_bytes).to.be.greaterThan(10 * 1024 * 1024);
    expect(heartbeat.uptime_s).to.be.greaterThan(0);
    expect(heartbeat.cpu_percent).to.be.a('number');
    expect(heartbeat).to.include({ agent_version: AGENT_VERSION, evicted_batches: 0 });
    expect(heartbeat.spool_batches).to.be.a('number');
    expect(heartbeat.spool_bytes).to.be.a('number');
    expect(collector(health, 'statements')).to.include({ disabled: false, interval_s: 1, last_error: null });

    const stored = await until('the heartbeat written to the metadata store', async () => {
      const agent = await ctx().meta.getAgent(orgId, health.agent!.id);
      return agent?.last_heartbeat ? agent : undefined;
    });
    expect(stored.last_heartbeat).to.include({ agent_version: AGENT_VERSION });
    expect(stored.last_heartbeat!.collectors.map((c) => c.collector)).to.include('statements');
    expect(stored.last_heartbeat_at).to.be.a('string');
  });

  it('pushes changed settings to the agent, which applies them without a restart', async () => {
    await ctx().meta.updateDatabase(orgId, db.id, { disabled_collectors: ['statements'], poll_interval_seconds: 2 });
    expect(await ctx().agents.pushDatabaseSettings(db.id)).to.equal(true);
    const applied = await until('the agent to report statements disabled', async () => {
      const h = await databaseAgentHealth(ctx(), db);
      return collector(h, 'statements')?.disabled ? h : undefined;
    });
    // poll_interval_seconds overrides every collector's interval, including those the config set.
    expect(collector(applied, 'activity')).to.include({ interval_s: 2, disabled: false });

    // A disabled collector stops: its last success no longer moves while the others' do. (One more
    // heartbeat first: a run launched just before the change may still have been committing.)
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const settled = await databaseAgentHealth(ctx(), db);
    const before = collector(settled, 'statements')!.last_success_at;
    const activityBefore = collector(settled, 'activity')!.last_success_at;
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const later = await databaseAgentHealth(ctx(), db);
    expect(collector(later, 'statements')!.last_success_at).to.equal(before);
    expect(collector(later, 'activity')!.last_success_at).not.to.equal(activityBefore);
    // Remembered for the next start, before the server says anything.
    expect(existsSync(join(spoolDir, 'server-settings.json'))).to.equal(true);

    await ctx().meta.updateDatabase(orgId, db.id, { disabled_collectors: [], poll_interval_seconds: null });
    await ctx().agents.pushDatabaseSettings(db.id);
    await until('statements collecting again on its own interval', async () => {
      const h = await databaseAgentHealth(ctx(), db);
      const statements = collector(h, 'statements');
      return statements && !statements.disabled && statements.interval_s === 1 && statements.last_success_at !== before;
    });
  });

  it('sends settings in Welcome, answers 504 when the agent never replies and 409 once it is gone', async () => {
    const raw = await connectRawAgent(t.wsUrl, agentKey);
    raw.send(hello(['silent'], undefined, 'raw-host'));
    const first = await raw.next();
    const silentDb = (await ctx().meta.getDatabase(orgId, first.welcome!.databases![0]!.id!))!;
    expect(first.welcome!.settings![0]).to.deep.include({ database: 'silent', collectExplainPlans: true, collectReplication: true, pollIntervalSeconds: 0 });
    await ctx().meta.updateDatabase(orgId, silentDb.id, { collect_explain_plans: false, disabled_collectors: ['locks'] });
    expect(await ctx().agents.pushDatabaseSettings(silentDb.id)).to.equal(true);
    const update = await raw.next();
    expect(update.settingsUpdate!.settings![0]).to.deep.include({ database: 'silent', collectExplainPlans: false, disabledCollectors: ['locks'] });

    const started = Date.now();
    const timedOut = rejection(sendCommand(ctx(), silentDb, 'status', {}, { timeoutMs: 1000 }));
    const command = await raw.next();
    expect(command.command).to.include({ kind: 'status', timeoutMs: 1000 });
    expect(JSON.parse(command.command!.argsJson!)).to.deep.equal({ database: 'silent' });
    const err = await timedOut;
    expect(err).to.include({ code: 'COMMAND_TIMEOUT', status: 504, expose: true });
    expect(Date.now() - started).to.be.below(6000);

    raw.ws.close();
    await raw.closed;
    await until('the raw agent to be gone', () => !ctx().agents.isDatabaseConnected(silentDb.id));
    // Its disconnect counts as a sighting, recorded at the next pass of the last-seen recorder.
    const seen = await until('the disconnect recorded as last seen', async () => {
      const row = await ctx().meta.getDatabase(orgId, silentDb.id);
      return row && row.last_seen_at! > silentDb.last_seen_at! ? row : undefined;
    });
    const gone = await rejection(sendCommand(ctx(), seen, 'status', {}));
    expect(gone).to.include({ code: 'AGENT_NOT_CONNECTED', status: 409 });
    // Seen moments ago: maybe connected to another server process, which this one cannot reach.
    expect(gone.message).to.include('another server process');
    const never = await rejection(sendCommand(ctx(), { ...seen, last_seen_at: null }, 'status', {}));
    expect(never).to.include({ code: 'AGENT_NOT_CONNECTED', status: 409 });
    expect(never.message).not.to.include('another server process');

    // On the next connection the stored settings come in Welcome.
    const again = await connectRawAgent(t.wsUrl, agentKey);
    again.send(hello(['silent'], undefined, 'raw-host'));
    expect((await again.next()).welcome!.settings![0]).to.deep.include({ database: 'silent', collectExplainPlans: false, disabledCollectors: ['locks'] });
    again.ws.close();
  });
});
