import { randomUUID } from 'node:crypto';
import { isVigilError, VigilError } from '@vigil/shared';
import type { Logger } from '../logger.js';
import { checkWebhookUrl } from '../notify/url-guard.js';
import { SecretBox } from '../notify/secret-box.js';
import type { AskSettingsRow, MessageRow, MessageStatus, ProviderRow } from '../storage/meta/ask-repository.js';
import type { Database, MetaStore } from '../storage/meta/meta-store.js';
import { askQueryTarget } from '../storage/telemetry/reads/ask-tables.js';
import type { TelemetryStore } from '../storage/telemetry/telemetry-store.js';
import { DEFAULT_ASK_LIMITS, runGuardedQuery, type AskResults } from './ask-executor.js';
import { cacheKey, fewShot, readAnswer, SemanticModel, STARTER_EXAMPLES, systemPrompt } from './ask-prompt.js';
import { askViews, type AskView, type LiteralRow } from './ask-views.js';
import { complete, type LlmMessage, type TokenUsage } from './llm-providers.js';
import { SqlGuard, type GuardParsers } from './sql-guard.js';

/**
 * The ask use cases: a question in words to SQL (through the organization's provider), the guard,
 * execution by the organization's mode, sessions, the cache; and SQL run as given (POST /execute).
 * Routes only resolve what the path names and shape the answer.
 */

export const QUERY_DIALECT = 'ClickHouse';
/** Rows an answer may carry at most, whatever the settings say. */
export const MAX_ROWS_CAP = 10_000;
const ALERT_WINDOW_MS = 30 * 24 * 3600_000;
const HISTORY_MESSAGES = 6;

export interface AskDeps {
  readonly meta: MetaStore;
  readonly telemetry: TelemetryStore;
  readonly sql: GuardParsers;
  readonly config: { readonly jwtSecret: string; readonly allowPrivateWebhooks: boolean };
  readonly logger: Logger;
}

export interface ChatOptions {
  readonly show_query: boolean;
  readonly max_rows?: number | undefined;
  readonly explain_results: boolean;
}

export interface ChatRequest {
  readonly message: string;
  readonly session_id?: string | null | undefined;
  readonly provider?: string | null | undefined;
  readonly database_id?: string | undefined;
  readonly options: ChatOptions;
}

/** seed 001's done payload, with seed 003's tokens. */
export interface DonePayload {
  session_id: string;
  message_id: string;
  query: string | null;
  query_dialect: string;
  explanation: string | null;
  results: Omit<AskResults, 'truncated'> & { truncated: boolean } | null;
  status: MessageStatus;
  cache_hit: boolean;
  error: { code: string; message: string; details?: Record<string, unknown> } | null;
  tokens: TokenUsage | null;
}

export type ChatEvent = 'progress' | 'delta' | 'sql' | 'rows' | 'explanation' | 'done' | 'error';
export type ChatEmit = (event: ChatEvent, data: unknown) => void;

/** What a chat needs resolved before its stream starts (so a bad id is a plain 404, not an event). */
export interface PreparedChat {
  readonly orgId: string;
  readonly request: ChatRequest;
  readonly provider: ProviderRow;
  readonly database: Database | undefined;
  readonly settings: AskSettingsRow;
  readonly sessionId: string | undefined;
}

interface CachedAnswer {
  readonly query: string;
  readonly explanation: string | null;
  readonly results: AskResults;
}

function errorOf(err: unknown): DonePayload['error'] {
  if (isVigilError(err) && err.expose) return { code: err.code, message: err.message, ...(err.details ? { details: { ...err.details } } : {}) };
  return { code: 'INTERNAL', message: 'Internal server error' };
}

export class AskService {
  readonly #deps: AskDeps;
  readonly #guard: SqlGuard;
  readonly #box: SecretBox;

  constructor(deps: AskDeps) {
    this.#deps = deps;
    this.#guard = new SqlGuard(deps.sql);
    this.#box = new SecretBox(deps.config.jwtSecret);
  }

  /** Seals an API key for storage (the notifier's SecretBox: the same server secret). */
  sealKey(key: string): string {
    return this.#box.seal(key);
  }

  /** A provider base URL under the webhook address rules; ASK_PROVIDER_URL_REFUSED naming `field`. */
  async checkBaseUrl(field: string, url: string): Promise<void> {
    try {
      await checkWebhookUrl(field, url, { allowPrivate: this.#deps.config.allowPrivateWebhooks });
    } catch (err) {
      if (isVigilError(err) && err.code === 'WEBHOOK_URL_REFUSED') throw new VigilError('ASK_PROVIDER_URL_REFUSED', err.message.replace('must be a URL such as https://hooks.slack.com/services/…', 'must be a URL such as https://api.openai.com/v1'), { details: { body_field: field } });
      throw err;
    }
  }

  /** The semantic model as stored (defaults filled in). */
  async semanticModel(orgId: string): Promise<SemanticModel> {
    const settings = await this.#deps.meta.ask.getAskSettings(orgId);
    return SemanticModel.parse(JSON.parse(settings.semantic_model));
  }

  /** The metadata views' rows for the organization (and the focused database). */
  #metadataRows(orgId: string, databaseId: string | undefined) {
    return async (view: AskView): Promise<readonly LiteralRow[]> => {
      if (view.name === 'databases') {
        const dbs = (await this.#deps.meta.listDatabases(orgId)).filter((d) => databaseId === undefined || d.id === databaseId);
        return dbs.map((d) => [d.id, d.name, d.engine, d.engine_version ?? '']);
      }
      const now = Date.now();
      const { alerts } = await this.#deps.meta.alerts.listAlerts(orgId, { since: new Date(now - ALERT_WINDOW_MS).toISOString(), now: new Date(now).toISOString(), databaseId, limit: 1000, offset: 0 });
      const time = (iso: string) => iso.slice(0, 19).replace('T', ' ');
      return alerts.map((a) => [a.id, a.database_id, a.rule_name, a.metric_key, a.severity, a.status, a.value, a.threshold, a.object_label, time(a.opened_at), a.resolved_at ? time(a.resolved_at) : null]);
    };
  }

  /** Guards and runs `sql` for the organization: the canonical SQL and its results. */
  async execute(orgId: string, sql: string, databaseId: string | undefined, maxRows: number): Promise<{ query: string; results: AskResults }> {
    const target = askQueryTarget(this.#deps.telemetry);
    const guarded = await this.#guard.guard(sql, { orgId, databaseId }, target.schema.time, this.#metadataRows(orgId, databaseId));
    const results = await runGuardedQuery(target.client, guarded.executable, { ...DEFAULT_ASK_LIMITS, maxRows });
    return { query: guarded.canonical, results };
  }

  /** Rows an answer may return: the request's, within the organization's setting and the cap. */
  static maxRows(settings: AskSettingsRow, requested: number | undefined): number {
    return Math.min(requested ?? settings.max_rows, settings.max_rows, MAX_ROWS_CAP);
  }

  /** Resolves the chat's provider, session and database; 404 / ASK_NO_PROVIDER before any stream starts. */
  async prepareChat(orgId: string, request: ChatRequest, database: Database | undefined): Promise<PreparedChat> {
    const ask = this.#deps.meta.ask;
    if (request.session_id && !(await ask.getSession(orgId, request.session_id))) throw new VigilError('NOT_FOUND', 'No such chat session', { details: { body_field: 'session_id' } });
    const settings = await ask.getAskSettings(orgId);
    const providerId = request.provider ?? settings.default_provider_id ?? (await ask.listProviders(orgId))[0]?.id;
    if (!providerId) throw new VigilError('ASK_NO_PROVIDER');
    const provider = await ask.getProvider(orgId, providerId);
    if (!provider) throw new VigilError('NOT_FOUND', 'No such provider', { details: { body_field: 'provider' } });
    return { orgId, request, provider, database, settings, sessionId: request.session_id ?? undefined };
  }

  /** The whole pipeline for a prepared chat; failures end as status `error` in the payload, never a throw. */
  async runChat(chat: PreparedChat, emit: ChatEmit): Promise<DonePayload> {
    const { orgId, request, settings } = chat;
    const ask = this.#deps.meta.ask;
    const now = () => new Date().toISOString();
    const sessionId = chat.sessionId ?? (await ask.createSession({ id: randomUUID(), org_id: orgId, title: request.message.slice(0, 120), created_at: now(), updated_at: now() })).id;
    const history = (await ask.listMessages(orgId, sessionId)).slice(-HISTORY_MESSAGES);
    await ask.appendMessage({ id: randomUUID(), session_id: sessionId, org_id: orgId, role: 'user', content: request.message, query: null, status: null, database_id: chat.database?.id ?? null, provider_id: chat.provider.id, results: null, error: null, tokens: null, created_at: now() });
    const messageId = randomUUID();
    const payload: DonePayload = { session_id: sessionId, message_id: messageId, query: null, query_dialect: QUERY_DIALECT, explanation: null, results: null, status: 'error', cache_hit: false, error: null, tokens: null };
    const maxRows = AskService.maxRows(settings, request.options.max_rows);
    let stored = payload.query;
    try {
      const key = cacheKey(orgId, chat.database?.id, request.message);
      if (settings.execution_mode === 'auto_execute') {
        emit('progress', { stage: 'cache', message: 'Looking for a cached answer' });
        const hit = await ask.getCached(orgId, key, now());
        await ask.countCacheHit(orgId, hit !== undefined);
        if (hit) {
          const answer = JSON.parse(hit.answer) as CachedAnswer;
          stored = answer.query;
          Object.assign(payload, { query: answer.query, explanation: answer.explanation, results: cut(answer.results, maxRows), status: 'cached', cache_hit: true });
          this.#emitAnswer(payload, request.options, emit);
          return await this.#finish(chat, payload, stored);
        }
      }
      emit('progress', { stage: 'generating', message: `Asking ${chat.provider.name} (${chat.provider.model})` });
      // The model's text holds the SQL: it streams only to a client that asked to see the query.
      const answer = await this.#generate(chat, history, request.options.show_query ? (delta) => emit('delta', { text: delta }) : () => undefined);
      payload.tokens = answer.tokens;
      payload.explanation = answer.explanation || null;
      if (!answer.sql) throw new VigilError('ASK_SQL_REFUSED', 'The model answered without SQL', { details: { reason: 'no_sql' } });
      emit('progress', { stage: 'validating', message: 'Checking the SQL' });
      const target = askQueryTarget(this.#deps.telemetry);
      const binding = { orgId, databaseId: chat.database?.id };
      stored = answer.sql;
      const guarded = await this.#guard.guard(answer.sql, binding, target.schema.time, this.#metadataRows(orgId, binding.databaseId));
      stored = payload.query = guarded.canonical;
      if (request.options.show_query) emit('sql', { query: guarded.canonical, query_dialect: QUERY_DIALECT });
      if (settings.execution_mode === 'generate_only') {
        payload.status = 'query_only';
      } else if (settings.execution_mode === 'review_first') {
        payload.status = 'pending_approval';
        emit('progress', { stage: 'pending_approval', message: 'Held for an admin to approve (POST /chat/execute/{message_id})' });
      } else {
        emit('progress', { stage: 'executing', message: 'Running the query' });
        payload.results = await runGuardedQuery(target.client, guarded.executable, { ...DEFAULT_ASK_LIMITS, maxRows });
        payload.status = 'executed';
        emit('rows', payload.results);
        if (request.options.explain_results) payload.explanation = (await this.#explainResults(chat, payload)) ?? payload.explanation;
        await ask.putCached(orgId, { key, question: request.message, answer: JSON.stringify({ query: payload.query, explanation: payload.explanation, results: payload.results } satisfies CachedAnswer), created_at: now(), expires_at: new Date(Date.now() + settings.cache_ttl_s * 1000).toISOString() });
      }
      if (payload.explanation) emit('explanation', { explanation: payload.explanation });
    } catch (err) {
      if (!isVigilError(err)) this.#deps.logger.error({ err, orgId }, 'ask chat failed');
      payload.status = 'error';
      payload.error = errorOf(err);
    }
    return this.#finish(chat, payload, stored);
  }

  #emitAnswer(payload: DonePayload, options: ChatOptions, emit: ChatEmit): void {
    if (options.show_query && payload.query) emit('sql', { query: payload.query, query_dialect: QUERY_DIALECT });
    if (payload.results) emit('rows', payload.results);
    if (payload.explanation) emit('explanation', { explanation: payload.explanation });
  }

  /** Stores the assistant message and shapes what the client sees (show_query=false hides the SQL). */
  async #finish(chat: PreparedChat, payload: DonePayload, query: string | null): Promise<DonePayload> {
    await this.#deps.meta.ask.appendMessage({
      id: payload.message_id,
      session_id: payload.session_id,
      org_id: chat.orgId,
      role: 'assistant',
      content: payload.explanation ?? '',
      query,
      status: payload.status,
      database_id: chat.database?.id ?? null,
      provider_id: chat.provider.id,
      results: payload.results ? JSON.stringify(payload.results) : null,
      error: payload.error ? JSON.stringify(payload.error) : null,
      tokens: payload.tokens ? JSON.stringify(payload.tokens) : null,
      created_at: new Date().toISOString(),
    });
    return chat.request.options.show_query ? payload : { ...payload, query: null };
  }

  async #generate(chat: PreparedChat, history: readonly MessageRow[], onDelta: (text: string) => void): Promise<{ sql: string | undefined; explanation: string; tokens: TokenUsage }> {
    const model = await this.semanticModel(chat.orgId);
    const examples = [...STARTER_EXAMPLES, ...(await this.#deps.meta.ask.listExamples(chat.orgId))];
    const views = askViews().filter((v) => !chat.database || v.engine === 'any' || v.engine === (chat.database.engine === 'postgres' ? 'postgresql' : 'clickhouse'));
    const system = systemPrompt(views, model, chat.database ? { name: chat.database.name, engine: chat.database.engine } : undefined);
    const past: LlmMessage[] = history.map((m) => ({ role: m.role, content: m.role === 'user' ? m.content : m.query ? '```sql\n' + m.query + '\n```\n' + m.content : m.content || '(no answer)' }));
    const answer = await this.#complete(chat.provider, system, [...fewShot(examples), ...past, { role: 'user', content: chat.request.message }], onDelta);
    return { ...readAnswer(answer.text), tokens: answer.tokens };
  }

  async #complete(provider: ProviderRow, system: string, messages: LlmMessage[], onDelta?: (text: string) => void) {
    if (provider.base_url) await this.checkBaseUrl('base_url', provider.base_url);
    const apiKey = provider.api_key_sealed ? this.#box.open(provider.api_key_sealed) : undefined;
    return complete({ kind: provider.kind, baseUrl: provider.base_url ?? undefined, model: provider.model, apiKey, timeoutMs: provider.timeout_s * 1000, system, messages, ...(onDelta ? { onDelta } : {}) });
  }

  /** explain_results: a second, short call describing the rows (the first 20) in words. */
  async #explainResults(chat: PreparedChat, payload: DonePayload): Promise<string | undefined> {
    const sample = JSON.stringify({ columns: payload.results?.columns, rows: payload.results?.rows.slice(0, 20), row_count: payload.results?.row_count });
    const answer = await this.#complete(chat.provider, 'You explain query results to a database administrator in two or three plain sentences. No SQL.', [{ role: 'user', content: `Question: ${chat.request.message}\nSQL: ${payload.query}\nResults: ${sample}` }]);
    if (payload.tokens) payload.tokens = { prompt: payload.tokens.prompt + answer.tokens.prompt, completion: payload.tokens.completion + answer.tokens.completion, total: payload.tokens.total + answer.tokens.total };
    return answer.text.trim() || undefined;
  }

  /** POST /chat/execute/{message_id}: runs a pending message's SQL once; ASK_NOT_PENDING otherwise. */
  async approve(orgId: string, messageId: string): Promise<DonePayload> {
    const ask = this.#deps.meta.ask;
    const message = await ask.getMessage(orgId, messageId);
    if (!message || message.role !== 'assistant') throw new VigilError('NOT_FOUND', 'No such message');
    const at = () => new Date().toISOString();
    // Claimed before it runs: of two approvals, one runs it.
    const claimed = await ask.transitionMessage(orgId, messageId, 'pending_approval', { status: 'executed' }, at());
    if (!claimed) throw new VigilError('ASK_NOT_PENDING', `This message is ${message.status ?? 'not an answer'}, not pending_approval`);
    const settings = await ask.getAskSettings(orgId);
    const payload: DonePayload = { session_id: message.session_id, message_id: messageId, query: message.query, query_dialect: QUERY_DIALECT, explanation: message.content || null, results: null, status: 'executed', cache_hit: false, error: null, tokens: message.tokens ? (JSON.parse(message.tokens) as TokenUsage) : null };
    try {
      const { results } = await this.execute(orgId, message.query ?? '', message.database_id ?? undefined, AskService.maxRows(settings, undefined));
      payload.results = results;
      await ask.updateMessage(orgId, messageId, { results: JSON.stringify(results) }, at());
    } catch (err) {
      payload.status = 'error';
      payload.error = errorOf(err);
      await ask.updateMessage(orgId, messageId, { status: 'error', error: JSON.stringify(payload.error) }, at());
    }
    return payload;
  }
}

function cut(results: AskResults, maxRows: number): AskResults {
  if (results.rows.length <= maxRows) return results;
  return { ...results, rows: results.rows.slice(0, maxRows), row_count: maxRows, truncated: true };
}
