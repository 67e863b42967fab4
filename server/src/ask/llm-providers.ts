import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { VigilError } from '@vigil/shared';
import type { ProviderKind } from '../storage/meta/ask-repository.js';

/**
 * The three provider kinds behind one call, each through its official client: `openai_compatible`
 * (OpenAI, Groq, vLLM, llama.cpp, Ollama's /v1), `anthropic` and `ollama`. Every call streams (the
 * deltas go to `onDelta`), has no retries of the client's own (a chat request is answered once, in
 * time) and ends within the provider's timeout. Failures are ASK_PROVIDER_FAILED with the provider's
 * status and words; the API key never appears in one.
 */

export interface LlmMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface LlmRequest {
  readonly kind: ProviderKind;
  /** Undefined: the client's default endpoint (api.openai.com, api.anthropic.com, localhost:11434). */
  readonly baseUrl: string | undefined;
  readonly model: string;
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
  readonly system: string;
  readonly messages: readonly LlmMessage[];
  readonly onDelta?: (text: string) => void;
}

export interface TokenUsage {
  readonly prompt: number;
  readonly completion: number;
  readonly total: number;
}

export interface LlmAnswer {
  readonly text: string;
  readonly tokens: TokenUsage;
}

const MAX_TOKENS = 2048;

function usage(prompt = 0, completion = 0): TokenUsage {
  return { prompt, completion, total: prompt + completion };
}

/** The provider's own words, short, with anything shaped like a key masked. */
function failure(kind: ProviderKind, err: unknown, apiKey: string | undefined): VigilError {
  const e = err as { status?: number; name?: string; message?: string };
  let words = (e.message ?? String(err)).slice(0, 300);
  if (apiKey) words = words.split(apiKey).join('***');
  words = words.replace(/\b(sk|key|gsk|xai)-[A-Za-z0-9_-]{8,}/g, '***');
  const timedOut = e.name === 'AbortError' || /timed? ?out|aborted/i.test(words);
  const status = e.status === undefined ? '' : ` (HTTP ${e.status})`;
  return new VigilError('ASK_PROVIDER_FAILED', timedOut ? `The ${kind} provider did not answer in time` : `The ${kind} provider failed${status}: ${words}`, { details: { provider_kind: kind, ...(e.status === undefined ? {} : { provider_status: e.status }) }, cause: err });
}

async function openaiCompatible(req: LlmRequest): Promise<LlmAnswer> {
  // apiKey is always given: the client would otherwise read OPENAI_API_KEY from the server's environment.
  const client = new OpenAI({ apiKey: req.apiKey ?? 'none', baseURL: req.baseUrl ?? 'https://api.openai.com/v1', timeout: req.timeoutMs, maxRetries: 0 });
  const stream = await client.chat.completions.create(
    {
      model: req.model,
      messages: [{ role: 'system', content: req.system }, ...req.messages.map((m) => ({ role: m.role, content: m.content }))],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: MAX_TOKENS,
      temperature: 0,
    },
    { signal: AbortSignal.timeout(req.timeoutMs) },
  );
  let text = '';
  let tokens = usage();
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) {
      text += delta;
      req.onDelta?.(delta);
    }
    if (chunk.usage) tokens = usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens);
  }
  return { text, tokens };
}

async function anthropic(req: LlmRequest): Promise<LlmAnswer> {
  const client = new Anthropic({ apiKey: req.apiKey ?? 'none', baseURL: req.baseUrl ?? 'https://api.anthropic.com', timeout: req.timeoutMs, maxRetries: 0 });
  const stream = client.messages.stream(
    { model: req.model, max_tokens: MAX_TOKENS, system: req.system, temperature: 0, messages: req.messages.map((m) => ({ role: m.role, content: m.content })) },
    { signal: AbortSignal.timeout(req.timeoutMs) },
  );
  stream.on('text', (delta) => req.onDelta?.(delta));
  const message = await stream.finalMessage();
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  return { text, tokens: usage(message.usage.input_tokens, message.usage.output_tokens) };
}

async function ollama(req: LlmRequest): Promise<LlmAnswer> {
  const client = new Ollama({ host: req.baseUrl ?? 'http://127.0.0.1:11434', ...(req.apiKey ? { headers: { authorization: `Bearer ${req.apiKey}` } } : {}) });
  const timer = setTimeout(() => client.abort(), req.timeoutMs);
  try {
    const stream = await client.chat({ model: req.model, stream: true, options: { temperature: 0 }, messages: [{ role: 'system', content: req.system }, ...req.messages] });
    let text = '';
    let tokens = usage();
    for await (const part of stream) {
      if (part.message?.content) {
        text += part.message.content;
        req.onDelta?.(part.message.content);
      }
      if (part.done) tokens = usage(part.prompt_eval_count, part.eval_count);
    }
    return { text, tokens };
  } finally {
    clearTimeout(timer);
  }
}

const CLIENTS: Record<ProviderKind, (req: LlmRequest) => Promise<LlmAnswer>> = { openai_compatible: openaiCompatible, anthropic, ollama };

/** One streamed completion from the provider; ASK_PROVIDER_FAILED on any failure or timeout. */
export async function complete(req: LlmRequest): Promise<LlmAnswer> {
  try {
    return await CLIENTS[req.kind](req);
  } catch (err) {
    throw failure(req.kind, err, req.apiKey);
  }
}
