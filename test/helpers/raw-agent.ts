import WebSocket from 'ws';
import { AGENT_CONNECT_PATH, PROTOCOL_MAJOR, decodeServerMessage, encodeAgentMessage, type AgentMessageInput, type ServerMessage } from '@vigil/shared';

/** A hand-driven agent socket for protocol tests: send frames, await server messages and the close. */
export interface RawAgent {
  readonly ws: WebSocket;
  send(message: AgentMessageInput): void;
  sendRaw(data: Buffer | string, binary?: boolean): void;
  next(): Promise<ServerMessage>;
  closed: Promise<{ code: number; reason: string }>;
}

export function connectRawAgent(wsUrl: string, apiKey: string): Promise<RawAgent> {
  const ws = new WebSocket(wsUrl + AGENT_CONNECT_PATH, { headers: { authorization: `Bearer ${apiKey}` } });
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
    ws.once('open', () =>
      resolve({
        ws,
        send: (message) => ws.send(encodeAgentMessage(message)),
        sendRaw: (data, binary = true) => ws.send(data, { binary }),
        next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((r) => waiters.push(r))),
        closed,
      }),
    );
  });
}

/** A Hello announcing `databases` (all PostgreSQL). */
export function hello(databases: string[], protocolMajor = PROTOCOL_MAJOR): AgentMessageInput {
  return { hello: { protocolMajor, protocolMinor: 0, agentVersion: 'test', hostname: 'test-host', databases: databases.map((name) => ({ name, engine: 1, serverVersion: '15.0' })) } };
}
