import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { parseAgentConfig } from '../../agent/src/config/agent-config.js';
import { createAgentLogger } from '../../agent/src/logging/agent-logger.js';
import { AgentRunner } from '../../agent/src/runner/agent-runner.js';
import { usePostgres } from '../harness/postgres.ts';
import { MinimalServer, until } from './minimal-agent-server.ts';

const DOWN_PASSWORD = 'down-db-password-42';

describe('agent/runner/agent-runner', () => {
  const postgres = usePostgres();
  let server: MinimalServer;
  let runner: AgentRunner | undefined;
  let logLines: string[];

  beforeEach(async () => {
    server = new MinimalServer();
    logLines = [];
  });

  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await server.stop();
  });

  function statementsMatching(text: string): vigil.v1.StatementStat.$Properties[] {
    return server.connections.flat().flatMap((m) => (m.kind === 'batch' ? (m.batch!.statements ?? []) : [])).filter((s) => s.queryText?.includes(text));
  }

  it('collects, diffs and delivers every call exactly once, while a dead database only logs', async function () {
    this.timeout(20_000);
    const url = await server.start();
    const config = parseAgentConfig(
      {
        server_url: url,
        api_key: 'runner-test-key',
        spool_dir: mkdtempSync(join(tmpdir(), 'vigil-runner-spool-')),
        intervals: { statements: '1s' },
        databases: [
          { name: 'main', engine: 'postgres', url: postgres().monitorUrl },
          { name: 'down', engine: 'postgres', url: `postgres://vigil:${DOWN_PASSWORD}@127.0.0.1:1/postgres` },
          { name: 'events', engine: 'clickhouse', url: 'http://127.0.0.1:8123' },
        ],
      },
      { env: {} },
    );
    const logger = createAgentLogger(
      'debug',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      }),
    );
    runner = new AgentRunner({ config, logger, timing: { initialBackoffMs: 20 } });
    await runner.start();

    const hello = await until(() => server.connections[0]?.[0]?.hello, 'Hello');
    expect(hello!.databases!.map((db) => [db.name, db.engine, Boolean(db.serverVersion)])).to.deep.equal([
      ['main', vigil.v1.Engine.POSTGRES, true],
      ['down', vigil.v1.Engine.POSTGRES, false],
      ['events', vigil.v1.Engine.CLICKHOUSE, false],
    ]);

    // After the baseline: five calls of one statement, and a utility statement whose literal pg_stat_statements keeps.
    const marker = `runner_probe_${Date.now()}`;
    for (let i = 0; i < 5; i++) await postgres().query(`SELECT $1::int AS ${marker}`, [i]);
    await postgres().query(`SET vigil.${marker} = 'hunter2'`);

    await until(() => statementsMatching(`AS ${marker}`).reduce((sum, s) => sum + Number(s.calls), 0) >= 5, 'the five calls', 10_000);
    // Another interval must not count them again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const probes = statementsMatching(`AS ${marker}`);
    expect(probes.reduce((sum, s) => sum + Number(s.calls), 0)).to.equal(5);
    expect(probes[0]).to.deep.include({ queryText: `SELECT $1::int AS ${marker}`, username: 'postgres', toplevel: true });
    expect(statementsMatching(`SET vigil.${marker}`).map((s) => s.queryText)).to.deep.equal([`SET vigil.${marker} = ?`]);

    const batches = server.connections.flat().filter((m) => m.kind === 'batch').map((m) => m.batch!);
    for (const batch of batches) {
      expect(batch.database).to.equal('main');
      // A baseline run sends only statement texts, over an empty window.
      expect(Number(batch.windowEndMs)).to.be.at.least(Number(batch.windowStartMs));
    }
    const seqs = batches.map((b) => Number(b.seq));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).to.equal(seqs.length);

    const logged = logLines.join('');
    expect(logged).to.include('"database":"down"');
    expect(logged).to.include('connection refused');
    // ClickHouse is collected too: nothing listens at the events entry's URL, so it is reported unreachable.
    expect(logLines.some((line) => line.includes('"database":"events"') && line.includes('cannot connect to the database'))).to.equal(true);
    expect(logged).not.to.include(DOWN_PASSWORD);
    expect(logged).not.to.include('runner-test-key');
  });
});
