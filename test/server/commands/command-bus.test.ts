import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import type { CommandBus } from '../../../server/src/commands/command-bus.js';
import { LocalCommandBus } from '../../../server/src/commands/local/local-command-bus.js';
import { PostgresCommandBus } from '../../../server/src/commands/postgres/postgres-command-bus.js';
import { AgentRegistry, type CommandReply, type LiveAgent } from '../../../server/src/ingest/agent-registry.js';
import { createLogger } from '../../../server/src/logger.js';
import type { Database } from '../../../server/src/storage/meta/meta-store.js';
import { KyselyMetaStore } from '../../../server/src/storage/meta/kysely-meta-store.js';
import { createPostgresMetaDialect } from '../../../server/src/storage/meta/postgres/postgres-meta-dialect.js';
import { usePostgres } from '../../harness/postgres.js';

/** An agent connection as the registry sees it, answering commands the way the test says (the socket side is covered by the ingest and two-process suites). */
class ScriptedAgent implements LiveAgent {
  readonly apiKeyId = 'key';
  readonly agentId = 'agent';
  readonly agentVersion = 'test';
  readonly heartbeat = undefined;
  readonly databaseIds: ReadonlySet<string>;
  readonly commands: Array<{ kind: string; args: Readonly<Record<string, unknown>> }> = [];
  readonly pushed: string[] = [];
  answer: (kind: string, timeoutMs: number) => Promise<CommandReply> = async () => ({ ok: true, result: { fine: true } });

  constructor(databaseId: string) {
    this.databaseIds = new Set([databaseId]);
  }

  close(): void {}
  command(kind: string, args: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<CommandReply> {
    this.commands.push({ kind, args });
    return this.answer(kind, timeoutMs);
  }
  announcedName(): string {
    return 'announced';
  }
  async pushSettings(databaseId: string): Promise<void> {
    this.pushed.push(databaseId);
  }
}

interface Fixture {
  /** Where requests are made. */
  readonly requester: CommandBus;
  /** The registries of the processes that may hold the agent (the requester's own for the local bus). */
  readonly holders: readonly AgentRegistry[];
  /** Ends the buses' LISTEN connections as a server restart or network cut would (PostgreSQL only). */
  readonly cutListeners?: () => Promise<void>;
}

const logger = createLogger('silent');
const database = (id: string): Database => ({ id, name: 'registered', last_seen_at: null }) as unknown as Database;

const BUSES: ReadonlyArray<{ name: string; setup(): () => Promise<Fixture & { dispose(): Promise<void> }> }> = [
  {
    name: 'local',
    setup: () => async () => {
      const agents = new AgentRegistry();
      return { requester: new LocalCommandBus(agents, 1), holders: [agents], dispose: async () => undefined };
    },
  },
  {
    name: 'postgres',
    setup() {
      const postgres = usePostgres();
      return async () => {
        const name = `vigil_bus_${randomBytes(6).toString('hex')}`;
        await postgres().query(`CREATE DATABASE ${name}`);
        const url = new URL(postgres().superuserUrl);
        url.pathname = `/${name}`;
        const meta = new KyselyMetaStore(createPostgresMetaDialect(url.href, { maxConnections: 2 }));
        await meta.migrate();
        await meta.close();
        const registries = [new AgentRegistry(), new AgentRegistry(), new AgentRegistry()];
        const buses = registries.map((agents) => new PostgresCommandBus({ connectionString: url.href, agents, logger }));
        await Promise.all(buses.map((bus) => bus.start()));
        return {
          requester: buses[0]!,
          holders: registries.slice(1),
          async cutListeners() {
            await postgres().query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [name]);
          },
          async dispose() {
            await Promise.all(buses.map((bus) => bus.close()));
            await postgres().query(`DROP DATABASE ${name} WITH (FORCE)`);
          },
        };
      };
    },
  },
];

async function rejection(work: Promise<unknown>): Promise<VigilError> {
  const err = await work.then(() => undefined, (e: unknown) => e);
  expect(err, 'the call to fail').to.be.instanceOf(VigilError);
  return err as VigilError;
}

for (const bus of BUSES) {
  describe(`server/commands: the ${bus.name} command bus`, function () {
    this.timeout(30_000);
    const open = bus.setup();
    let fixture: Fixture & { dispose(): Promise<void> };
    let n = 0;
    before(async () => {
      fixture = await open();
    });
    after(async () => {
      await fixture?.dispose();
    });

    /** A database whose agent is connected to the last holder. */
    function held(): { db: Database; agent: ScriptedAgent } {
      const db = database(`db-${++n}`);
      const agent = new ScriptedAgent(db.id);
      fixture.holders.at(-1)!.add(agent);
      return { db, agent };
    }

    it('runs a command on the agent wherever it is held, under the name it announced, and brings its reply back', async () => {
      const { db, agent } = held();
      agent.answer = async () => ({ ok: true, result: { plan: 'x'.repeat(20_000) } });
      const reply = await fixture.requester.send(db, 'explain', { query_hash: '7' }, 5000);
      expect(reply).to.deep.equal({ ok: true, result: { plan: 'x'.repeat(20_000) } });
      expect(agent.commands).to.deep.equal([{ kind: 'explain', args: { query_hash: '7', database: 'announced' } }]);

      agent.answer = async () => ({ ok: false, code: 'STATEMENT_NOT_FOUND', error: 'none' });
      expect(await fixture.requester.send(db, 'explain', { query_hash: '8' }, 5000)).to.deep.equal({ ok: false, code: 'STATEMENT_NOT_FOUND', error: 'none' });
    });

    it('answers COMMAND_TIMEOUT when the agent does not answer in time, and AGENT_NOT_CONNECTED when no process holds it', async () => {
      const { db, agent } = held();
      agent.answer = (kind, timeoutMs) => new Promise((_resolve, reject) => setTimeout(() => reject(new VigilError('COMMAND_TIMEOUT', `no ${kind} answer`)), timeoutMs));
      expect(await rejection(fixture.requester.send(db, 'status', {}, 1000))).to.include({ code: 'COMMAND_TIMEOUT', status: 504 });
      expect(await rejection(fixture.requester.send(database('nobody'), 'status', {}, 1000))).to.include({ code: 'AGENT_NOT_CONNECTED', status: 409 });
    });

    it('pushes settings to the agent wherever it is held', async () => {
      const { db, agent } = held();
      await fixture.requester.pushSettings(db.id);
      const deadline = Date.now() + 5000;
      while (agent.pushed.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(agent.pushed).to.deep.equal([db.id]);
    });

    if (bus.name === 'postgres') {
      it('keeps relaying after the listening connections are cut', async () => {
        const { db } = held();
        await fixture.cutListeners!();
        // Until the holder listens again a request goes unclaimed (409); it reconnects within about a second.
        const deadline = Date.now() + 10_000;
        for (;;) {
          const reply = await fixture.requester.send(db, 'status', {}, 2000).catch((err: unknown) => err);
          if (!(reply instanceof VigilError)) break;
          expect(reply.code).to.equal('AGENT_NOT_CONNECTED');
          if (Date.now() > deadline) expect.fail('no process claimed a command 10 s after the listeners were cut');
        }
      });

      it('runs a command once when two processes hold a socket of the agent (a reconnect)', async () => {
        const { db, agent } = held();
        const twin = new ScriptedAgent(db.id);
        fixture.holders[0]!.add(twin);
        for (let i = 0; i < 5; i++) expect((await fixture.requester.send(db, 'status', {}, 5000)).ok).to.equal(true);
        expect(agent.commands.length + twin.commands.length).to.equal(5);
      });
    }
  });
}
