import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { isVigilError } from '@vigil/shared';
import { complete, type LlmRequest } from '../../../server/src/ask/llm-providers.js';
import { FakeLlm } from '../../helpers/fake-llm.js';
import { AskService } from '../../../server/src/ask/ask-service.js';
import { createLogger } from '../../../server/src/logger.js';

const ANSWER = '```sql\nSELECT 1\n```\nOne.';

/**
 * The three provider kinds through their official clients against local servers speaking each
 * API's streaming format (Anthropic's Messages SSE, Ollama's NDJSON, the OpenAI-compatible fake),
 * and the timeout.
 */
describe('ask: LLM provider clients', function () {
  this.timeout(20_000);
  let server: Server;
  let base: string;
  const seen: { path: string; headers: Record<string, unknown>; body: any }[] = [];
  const openai = new FakeLlm();

  before(async () => {
    await openai.start();
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null });
        if (req.url === '/v1/messages') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
          send('message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'claude-test', stop_reason: null, stop_sequence: null, usage: { input_tokens: 42, output_tokens: 1 } } });
          send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
          for (const piece of ANSWER.match(/[\s\S]{1,5}/g)!) send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
          send('content_block_stop', { type: 'content_block_stop', index: 0 });
          send('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 9 } });
          send('message_stop', { type: 'message_stop' });
          res.end();
        } else if (req.url === '/api/chat') {
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          const at = new Date().toISOString();
          for (const piece of ANSWER.match(/[\s\S]{1,5}/g)!) res.write(JSON.stringify({ model: 'qwen', created_at: at, message: { role: 'assistant', content: piece }, done: false }) + '\n');
          res.end(JSON.stringify({ model: 'qwen', created_at: at, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 1, load_duration: 1, prompt_eval_count: 30, prompt_eval_duration: 1, eval_count: 8, eval_duration: 1 }) + '\n');
        }
        // Anything else (/slow) never answers: the timeout must end it.
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await openai.close();
  });

  const request = (over: Partial<LlmRequest>): LlmRequest => ({ kind: 'openai_compatible', baseUrl: openai.baseUrl, model: 'm', apiKey: 'k-123456789', timeoutMs: 5000, system: 'be brief', messages: [{ role: 'user', content: 'one?' }], ...over });

  it('streams from an OpenAI-compatible server and counts tokens', async () => {
    openai.answer(ANSWER);
    const deltas: string[] = [];
    const answer = await complete(request({ onDelta: (d) => deltas.push(d) }));
    expect(answer.text).to.equal(ANSWER);
    expect(deltas.length).to.be.greaterThan(1);
    expect(answer.tokens.total).to.equal(answer.tokens.prompt + answer.tokens.completion).and.be.greaterThan(0);
    expect(openai.requests.at(-1)!.body.messages[0]).to.deep.equal({ role: 'system', content: 'be brief' });
  });

  it('streams from the Anthropic Messages API with the key', async () => {
    const deltas: string[] = [];
    const answer = await complete(request({ kind: 'anthropic', baseUrl: base, model: 'claude-test', apiKey: 'sk-ant-test-key', onDelta: (d) => deltas.push(d) }));
    expect(answer.text).to.equal(ANSWER);
    expect(answer.tokens).to.deep.equal({ prompt: 42, completion: 9, total: 51 });
    expect(deltas.join('')).to.equal(ANSWER);
    const sent = seen.find((s) => s.path === '/v1/messages')!;
    // The official client decides the header (x-api-key, or Authorization: Bearer in the 1.x client): the key arrives either way.
    expect([sent.headers['x-api-key'], sent.headers.authorization]).to.include.oneOf(['sk-ant-test-key', 'Bearer sk-ant-test-key']);
    expect(sent.body).to.include({ model: 'claude-test', system: 'be brief', stream: true });
  });

  it("streams from Ollama's /api/chat", async () => {
    const answer = await complete(request({ kind: 'ollama', baseUrl: base, model: 'qwen', apiKey: undefined }));
    expect(answer.text).to.equal(ANSWER);
    expect(answer.tokens).to.deep.equal({ prompt: 30, completion: 8, total: 38 });
    expect(seen.find((s) => s.path === '/api/chat')!.body.messages[0]).to.deep.equal({ role: 'system', content: 'be brief' });
  });

  it('ends a provider that does not answer within its timeout as ASK_PROVIDER_FAILED', async () => {
    for (const kind of ['openai_compatible', 'anthropic'] as const) {
      const started = Date.now();
      const err = await complete(request({ kind, baseUrl: `${base}/slow`, timeoutMs: 400 })).catch((e) => e);
      expect(isVigilError(err) && err.code, kind).to.equal('ASK_PROVIDER_FAILED');
      expect(Date.now() - started, kind).to.be.lessThan(4000);
    }
  });

  it('refuses provider base URLs the webhook rules refuse, unless private addresses are allowed', async () => {
    const service = (allowPrivateWebhooks: boolean) =>
      new AskService({ meta: {} as never, telemetry: {} as never, sql: {} as never, config: { jwtSecret: 'a-test-secret-of-enough-length-0123', allowPrivateWebhooks }, logger: createLogger('silent') });
    for (const url of ['http://api.example.com/v1', 'https://127.0.0.1/v1', 'https://169.254.169.254/latest', 'https://[::1]:11434', 'https://user:pw@api.example.com', 'not a url']) {
      const err = await service(false).checkBaseUrl('base_url', url).catch((e) => e);
      expect(isVigilError(err) && [err.code, err.details?.body_field], url).to.deep.equal(['ASK_PROVIDER_URL_REFUSED', 'base_url']);
      expect(err.message, url).not.to.include('pw@');
    }
    await service(true).checkBaseUrl('base_url', 'http://127.0.0.1:11434');
  });
});
