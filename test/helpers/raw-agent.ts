import WebSocket from 'ws';
import { AGENT_CONNECT_PATH, PROTOCOL_MAJOR, decodeServerMessage, encodeAgentMessage, uuidv7, type AgentMessageInput, type ServerMessage } from '@vigil/shared';

/** A hand-driven agent socket for protocol tests: send frames, await server messages and the close. */
export interface RawAgent {
  readonly ws: WebSocket;
  send(message: AgentMessageInput): void;
  sendRaw(data: Buffer | string, binary?: boolean): void;
  next(): Promise<ServerMessage>;
  /** Messages received and not yet taken with next(). */
  buffered(): number;
  closed: Promise<{ code: number; reason: string }>;
}

export interface RawAgentOptions {
  /** false: never answer the server's pings (a dead peer, for heartbeat tests). */
  readonly autoPong?: boolean;
}

export function connectRawAgent(wsUrl: string, apiKey: string, options: RawAgentOptions = {}): Promise<RawAgent> {
  const ws = new WebSocket(wsUrl + AGENT_CONNECT_PATH, { headers: { authorization: `Bearer ${apiKey}` }, autoPong: options.autoPong ?? true });
  const inbox: ServerMessage[] = [];
  const waiters: Array<(m: ServerMessage) => void> = [];
  ws.on('message', (data: Buffer) => {
    const message = decodeServerMessage(data);
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
    ws.once('open', () => {
      // After open, a reset socket (the server cut it) shows up as 'close'; without a listener 'error' would throw.
      ws.on('error', () => undefined);
      resolve({
        ws,
        send: (message) => ws.send(encodeAgentMessage(message)),
        sendRaw: (data, binary = true) => ws.send(data, { binary }),
        next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((r) => waiters.push(r))),
        buffered: () => inbox.length,
        closed,
      });
    });
  });
}

/** A Hello announcing `databases` (all PostgreSQL). */
export function hello(databases: string[], protocolMajor = PROTOCOL_MAJOR, hostname = 'test-host'): AgentMessageInput {
  return { hello: { protocolMajor, protocolMinor: 0, agentVersion: 'test', hostname, databases: databases.map((name) => ({ name, engine: 1, serverVersion: '15.0' })) } };
}

/** A Batch of pg_stat_statements rows for `database`: `calls` each, with rows = calls and 9 hits + 1 read per statement. */
export function statementBatch(database: string, statements: ReadonlyArray<{ hash: string; calls: number; text?: string; datname?: string; username?: string }>, options: { batchId?: string; seq?: number; windowEndMs?: number } = {}): AgentMessageInput {
  const end = options.windowEndMs ?? Date.now();
  return {
    batch: {
      batchId: options.batchId ?? uuidv7(),
      seq: options.seq ?? 1,
      database,
      windowStartMs: end - 60_000,
      windowEndMs: end,
      statements: statements.map((s) => ({
        queryHash: s.hash,
        queryText: s.text ?? `SELECT * FROM t${s.hash} WHERE id = $1`,
        ...(s.datname === undefined ? {} : { datname: s.datname }),
        ...(s.username === undefined ? {} : { username: s.username }),
        calls: s.calls,
        totalTimeMs: s.calls * 2,
        rows: s.calls,
        sharedBlksHit: 9,
        sharedBlksRead: 1,
      })),
    },
  };
}
