import net from 'node:net';
import { expect } from 'chai';
import type { vigil } from '@vigil/proto';
import { CommandDispatcher } from '../../../agent/src/commands/command-dispatcher.js';
import type { DatabaseConfig } from '../../../agent/src/config/agent-config.js';
import { createAgentLogger } from '../../../agent/src/logging/agent-logger.js';
import { usePostgres } from '../../harness/postgres.ts';

const DOWN_PASSWORD = 'never-leaves-42';

describe('agent/commands against PostgreSQL', () => {
  const postgres = usePostgres();
  let dispatcher: CommandDispatcher;
  let databases: DatabaseConfig[];
  const explainOff = new Set<string>();

  async function queryId(text: string): Promise<string> {
    const { rows } = await postgres().query('SELECT queryid::text AS id FROM pg_stat_statements WHERE query = $1', [text]);
    expect(rows, `pg_stat_statements entry for ${text}`).to.have.length.greaterThan(0);
    return rows[0].id;
  }

  async function run(kind: string, args: Record<string, unknown>, timeoutMs = 10_000): Promise<vigil.v1.ICommandResult & { result?: any }> {
    const answer = await dispatcher.handle({ requestId: `r-${kind}`, kind, argsJson: JSON.stringify(args), timeoutMs });
    expect(answer.requestId).to.equal(`r-${kind}`);
    return { ...answer, result: answer.ok ? JSON.parse(answer.resultJson!) : undefined };
  }

  before(async () => {
    const pg = postgres();
    await pg.query(`
      CREATE TABLE cmd_orders (id int PRIMARY KEY, customer int NOT NULL, note text);
      CREATE INDEX cmd_orders_customer ON cmd_orders (customer);
      INSERT INTO cmd_orders SELECT g, g % 100, 'n' || g FROM generate_series(1, 5000) g;
      ANALYZE cmd_orders;
      CREATE VIEW cmd_vip AS SELECT * FROM cmd_orders WHERE note = 'vip-4242';
      CREATE TABLE cmd_hidden (id int);
      GRANT SELECT ON cmd_orders, cmd_vip TO vigil_monitor;
    `);
    await pg.query('SELECT * FROM cmd_orders WHERE customer = $1', [7]);
    await pg.query('SELECT * FROM cmd_vip WHERE id = $1', [7]);
    await pg.query('UPDATE cmd_orders SET note = $1 WHERE id = $2', ['x', 1]);
    await pg.query('SELECT count(*) FROM cmd_hidden');
    databases = [
      { name: 'main', engine: 'postgres', url: postgres().monitorUrl },
      { name: 'down', engine: 'postgres', url: `postgres://vigil:${DOWN_PASSWORD}@127.0.0.1:1/postgres` },
    ];
    dispatcher = new CommandDispatcher({
      databases,
      explainAllowed: (name) => !explainOff.has(name),
      status: () => ({ agent_version: 'test' }),
      secrets: [DOWN_PASSWORD],
      logger: createAgentLogger('silent'),
    });
  });

  it('explains a statement by queryid with a generic plan, its literals stripped', async () => {
    const hash = await queryId('SELECT * FROM cmd_orders WHERE customer = $1');
    const { ok, result, error } = await run('explain', { database: 'main', query_hash: hash });
    expect(ok, error ?? '').to.equal(true);
    expect(result).to.include({ engine: 'postgres', database: 'main', query_hash: hash, query_text: 'SELECT * FROM cmd_orders WHERE customer = $1' });
    expect(result.method).to.equal(postgres().version >= 160000 ? 'generic_plan' : 'prepared_generic');
    expect(result.total_cost).to.be.a('number').greaterThan(0);
    expect(result.plan_hash).to.match(/^[0-9a-f]{16}$/);
    const plan = JSON.stringify(result.plan_json);
    // A generic plan keeps the parameter: the NULL it was prepared with never folded into a constant.
    expect(plan).to.include('cmd_orders').and.include('$1');
    expect(plan).not.to.include('One-Time Filter');

    const view = await run('explain', { database: 'main', query_hash: await queryId('SELECT * FROM cmd_vip WHERE id = $1') });
    expect(view.ok, view.error ?? '').to.equal(true);
    // The view's own literal is in the plan's filter; it never leaves the host.
    expect(JSON.stringify(view.result.plan_json)).not.to.include('4242');
  });

  it('refuses statements that are not reads, and says why it cannot find or plan others', async () => {
    const update = await run('explain', { database: 'main', query_hash: await queryId('UPDATE cmd_orders SET note = $1 WHERE id = $2') });
    expect(update).to.include({ ok: false, errorCode: 'COMMAND_REFUSED' });
    expect(update.error).to.include('UPDATE');

    expect(await run('explain', { database: 'main', query_hash: '123456789' })).to.include({ ok: false, errorCode: 'STATEMENT_NOT_FOUND' });
    const denied = await run('explain', { database: 'main', query_hash: await queryId('SELECT count(*) FROM cmd_hidden') });
    expect(denied).to.include({ ok: false, errorCode: 'COMMAND_FAILED' });
    expect(denied.error).to.include('GRANT SELECT');

    expect(await run('explain', { database: 'main', query_hash: 'drop table' })).to.include({ ok: false, errorCode: 'COMMAND_BAD_ARGS' });
    expect(await run('explain', { database: 'nowhere', query_hash: '1' })).to.include({ ok: false, errorCode: 'COMMAND_BAD_ARGS' });
    explainOff.add('main');
    try {
      expect(await run('explain', { database: 'main', query_hash: '1' })).to.include({ ok: false, errorCode: 'COMMAND_REFUSED' });
    } finally {
      explainOff.delete('main');
    }
  });

  it('refuses any kind it does not know', async () => {
    for (const kind of ['shell', 'sql', '__proto__', 'constructor']) {
      const answer = await run(kind, { command: 'rm -rf /' });
      expect(answer).to.include({ ok: false, errorCode: 'COMMAND_UNKNOWN' });
    }
  });

  it('re-tests a connection, reporting an unreachable database as an answer without its password', async () => {
    const up = await run('test_connection', { database: 'main' });
    expect(up.ok).to.equal(true);
    expect(up.result).to.include({ database: 'main', engine: 'postgres', reachable: true, error: null, pg_stat_statements: true });
    expect(up.result.server_version).to.match(/^\d+/);

    const down = await run('test_connection', { database: 'down' });
    expect(down.ok).to.equal(true);
    expect(down.result).to.include({ database: 'down', reachable: false, server_version: null });
    expect(down.result.error).to.include('connection refused');
    expect(JSON.stringify(down)).not.to.include(DOWN_PASSWORD);
  });

  it('answers status, and COMMAND_TIMEOUT when a command overruns its deadline', async () => {
    expect((await run('status', {})).result).to.deep.equal({ agent_version: 'test' });

    // A server that accepts connections and never answers.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    databases.push({ name: 'silent-pg', engine: 'postgres', url: `postgres://vigil@127.0.0.1:${port}/postgres` });
    databases.push({ name: 'silent-ch', engine: 'clickhouse', url: `http://127.0.0.1:${port}` });
    try {
      // PostgreSQL's connect gives up within the command's time: an answer, not a timeout.
      const pgAnswer = await run('test_connection', { database: 'silent-pg' }, 1000);
      expect(pgAnswer.result).to.include({ reachable: false });
      // ClickHouse's HTTP client waits longer than the command may: the dispatcher's deadline answers.
      const started = Date.now();
      expect(await run('test_connection', { database: 'silent-ch' }, 1000)).to.include({ ok: false, errorCode: 'COMMAND_TIMEOUT' });
      expect(Date.now() - started).to.be.below(3000);
    } finally {
      databases.splice(-2);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
