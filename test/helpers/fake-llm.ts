import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat completion request as the fake received it. */
export interface FakeLlmRequest {
  readonly authorization: string | undefined;
  readonly body: { model: string; stream?: boolean; messages: { role: string; content: string }[] };
}

/**
 * A local HTTP server speaking the OpenAI-compatible chat completions API (POST /v1/chat/completions),
 * streaming included (`data:` chunks, a usage chunk, `[DONE]`), that answers with scripted text:
 * what a test queues with `answer()`, else what `script` returns for the request. No model runs here.
 */
export class FakeLlm {
  readonly requests: FakeLlmRequest[] = [];
  readonly #queue: string[] = [];
  #server: Server | undefined;
  #url = '';
  /** Fallback when nothing is queued. */
  script: (req: FakeLlmRequest) => string = () => 'I cannot answer that.';
  /** Status to answer instead of a completion (a provider refusing), once. */
  failNext: { status: number; message: string } | undefined;
  /** A pause between streamed chunks, so a client can be seen drawing the answer as it arrives. */
  chunkDelayMs = 0;

  get baseUrl(): string {
    return `${this.#url}/v1`;
  }

  /** Queues the next answer's text. */
  answer(text: string): void {
    this.#queue.push(text);
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
          return;
        }
        const body = JSON.parse(await text(req)) as FakeLlmRequest['body'];
        const request = { authorization: req.headers.authorization, body };
        this.requests.push(request);
        if (this.failNext) {
          const { status, message } = this.failNext;
          this.failNext = undefined;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
          return;
        }
        const reply = this.#queue.shift() ?? this.script(request);
        const usage = { prompt_tokens: 100 + body.messages.length, completion_tokens: reply.length, total_tokens: 100 + body.messages.length + reply.length };
        const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }], usage }));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        // Several chunks, split mid-word, as real servers do.
        const pieces = reply.match(/[\s\S]{1,7}/g) ?? [];
        res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`);
        for (const piece of pieces) {
          res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
          if (this.chunkDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.chunkDelayMs));
        }
        res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
        res.end('data: [DONE]\n\n');
      })();
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.#url = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a Server-Sent Events response as it streams, to its end: the events in order. */
export async function readSse(res: Response): Promise<{ event: string; data: any }[]> {
  const events: { event: string; data: any }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const take = (block: string) => {
    if (!block.trim()) return;
    const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => l.slice(6))
      .join('\n');
    events.push({ event, data: data ? JSON.parse(data) : null });
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      take(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
    }
  }
  take(buffered);
  return events;
}
