import { expect } from 'chai';
import { uuidv7 } from '@vigil/shared';
import { sql } from '../../../server/src/storage/telemetry/clickhouse-sql.js';
import { connectRawAgent, hello, statementBatch, type RawAgent } from '../../helpers/raw-agent.js';
import type { TestServer } from '../../helpers/test-server.js';

/**
 * Shared by the fuzz suites: a seeded PRNG (failures reproduce with VIGIL_FUZZ_SEED), the SQL
 * injection strings, and a healthy agent that keeps sending batches while the fuzz runs.
 */

/** The seed of this run: VIGIL_FUZZ_SEED, or a fixed default so CI is deterministic. */
export const FUZZ_SEED = Number(process.env.VIGIL_FUZZ_SEED ?? 20261123);

/** mulberry32: small, fast, good enough to pick mutations; the same seed gives the same run. */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(n: number): Buffer {
    return Buffer.from(Array.from({ length: n }, () => this.int(256)));
  }

  /** A string of random code points (control characters, quotes, astral ones included). */
  text(maxLength: number): string {
    return Array.from({ length: this.int(maxLength + 1) }, () => String.fromCodePoint(this.pick([this.int(128), this.int(0x800), this.int(0xd7ff), 0x10000 + this.int(0xfffff)]))).join('');
  }
}

/** Classic injection attempts for PostgreSQL, SQLite and ClickHouse, plus path and encoding tricks. */
export const INJECTIONS = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  "'; DROP TABLE api_keys; --",
  '"; DROP TABLE statement_stats; --',
  "x' UNION ALL SELECT * FROM system.tables --",
  "1; SELECT pg_sleep(5)",
  "\\' OR 1=1 #",
  "') OR ('a'='a",
  '{x:String}',
  '$1',
  '%27%20OR%201%3D1',
  '../../etc/passwd',
  '%00',
  '\u0000',
  "'||(SELECT version())||'",
  'NULL',
  '-1',
  '1e309',
  'x'.repeat(5000),
];

/** An agent that sends one valid batch every `everyMs` and counts the acks; stop() checks every batch was acked and stored once. */
export class HealthyAgent {
  // Started and not yet stopped: a test that failed midway leaves its agent here for haltAll().
  static readonly #live = new Set<HealthyAgent>();
  readonly #server: TestServer;
  readonly #agent: RawAgent;
  readonly #databaseId: string;
  #timer: NodeJS.Timeout | undefined;
  #sent = 0;
  #acked = 0;
  #failure: string | undefined;

  private constructor(server: TestServer, agent: RawAgent, databaseId: string) {
    this.#server = server;
    this.#agent = agent;
    this.#databaseId = databaseId;
  }

  static async start(server: TestServer, apiKey: string, everyMs = 50): Promise<HealthyAgent> {
    const agent = await connectRawAgent(server.wsUrl, apiKey);
    agent.send(hello(['healthy'], undefined, 'healthy-host'));
    const welcome = await agent.next();
    const healthy = new HealthyAgent(server, agent, welcome.welcome!.databases![0]!.id!);
    void healthy.#collect();
    healthy.#timer = setInterval(() => {
      healthy.#sent += 1;
      agent.send(statementBatch('healthy', [{ hash: 'healthy', calls: 1 }], { batchId: uuidv7(), seq: healthy.#sent }));
    }, everyMs);
    HealthyAgent.#live.add(healthy);
    return healthy;
  }

  /** Stops every agent still sending (from a failed test) so its timer and socket cannot keep mocha from exiting. */
  static haltAll(): void {
    for (const healthy of HealthyAgent.#live) healthy.#halt();
  }

  #halt(): void {
    clearInterval(this.#timer);
    this.#agent.ws.close();
    HealthyAgent.#live.delete(this);
  }

  async #collect(): Promise<void> {
    for (;;) {
      const message = await this.#agent.next();
      if (message.kind === 'ack' && message.ack!.duplicate === false) this.#acked += 1;
      else this.#failure ??= `healthy agent got ${JSON.stringify(message)}`;
    }
  }

  get acked(): number {
    return this.#acked;
  }

  /** Stops sending, waits for the last acks, and checks the stored calls equal the acked batches. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    HealthyAgent.#live.delete(this);
    const deadline = Date.now() + 10_000;
    while (this.#acked < this.#sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(this.#failure).to.equal(undefined);
    expect(this.#acked, 'healthy batches acked').to.equal(this.#sent);
    expect(this.#agent.ws.readyState, 'healthy agent still connected').to.equal(this.#agent.ws.OPEN);
    expect(await statementRows(this.#server, this.#databaseId), 'healthy rows stored').to.equal(this.#sent);
    this.#agent.ws.close();
  }
}

/** Raw statement rows stored for a database (every one, whatever its time). */
export async function statementRows(server: TestServer, databaseId: string): Promise<number> {
  const rows = await server.server.context.telemetry.kindContext().client.select<{ n: number | string }>(sql`SELECT count() AS n FROM statement_stats WHERE database_id = ${databaseId}`);
  return Number(rows[0]?.n ?? 0);
}
