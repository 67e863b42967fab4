/**
 * Asking the telemetry in words (issue 17): providers, settings and the semantic model, examples,
 * chat sessions and messages, and the answer cache, per organization (migration 0011). Every read
 * and change takes the organization, so another organization's row is simply not found.
 */

export const PROVIDER_KINDS = ['openai_compatible', 'anthropic', 'ollama'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const EXECUTION_MODES = ['auto_execute', 'review_first', 'generate_only'] as const;
export type ExecutionMode = (typeof EXECUTION_MODES)[number];

export const MESSAGE_STATUSES = ['executed', 'cached', 'pending_approval', 'query_only', 'error'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface ProviderRow {
  readonly id: string;
  readonly org_id: string;
  readonly name: string;
  readonly kind: ProviderKind;
  readonly base_url: string | null;
  readonly model: string;
  /** SecretBox-sealed; never leaves the server. */
  readonly api_key_sealed: string | null;
  readonly timeout_s: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export type NewProvider = Omit<ProviderRow, 'created_at' | 'updated_at'>;
export type ProviderPatch = Partial<Pick<ProviderRow, 'name' | 'base_url' | 'model' | 'api_key_sealed' | 'timeout_s'>>;

export interface AskSettingsRow {
  readonly org_id: string;
  readonly execution_mode: ExecutionMode;
  readonly default_provider_id: string | null;
  readonly cache_ttl_s: number;
  readonly max_rows: number;
  /** JSON text. */
  readonly semantic_model: string;
  readonly cache_hits: number;
  readonly cache_misses: number;
}

export type AskSettingsPatch = Partial<Pick<AskSettingsRow, 'execution_mode' | 'default_provider_id' | 'cache_ttl_s' | 'max_rows' | 'semantic_model'>>;

export interface ExampleRow {
  readonly id: string;
  readonly org_id: string;
  readonly question: string;
  readonly sql: string;
  readonly created_at: string;
}

export interface SessionRow {
  readonly id: string;
  readonly org_id: string;
  readonly title: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface MessageRow {
  readonly id: string;
  readonly session_id: string;
  readonly org_id: string;
  readonly seq: number;
  readonly role: 'user' | 'assistant';
  /** The question (user) or the explanation (assistant). */
  readonly content: string;
  readonly query: string | null;
  readonly status: MessageStatus | null;
  readonly database_id: string | null;
  readonly provider_id: string | null;
  /** JSON text of the results object. */
  readonly results: string | null;
  readonly error: string | null;
  /** JSON text {prompt, completion, total}. */
  readonly tokens: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

export type NewMessage = Omit<MessageRow, 'seq' | 'updated_at'>;
export type MessagePatch = Partial<Pick<MessageRow, 'content' | 'query' | 'status' | 'results' | 'error' | 'tokens'>>;

export interface CacheEntry {
  readonly key: string;
  readonly question: string;
  /** JSON text of the cached answer. */
  readonly answer: string;
  readonly created_at: string;
  readonly expires_at: string;
}

export interface AskRepository {
  listProviders(orgId: string): Promise<ProviderRow[]>;
  getProvider(orgId: string, id: string): Promise<ProviderRow | undefined>;
  /** Throws VALIDATION_FAILED naming `name` when the organization has a provider of that name. */
  createProvider(provider: NewProvider, at: string): Promise<ProviderRow>;
  updateProvider(orgId: string, id: string, patch: ProviderPatch, at: string): Promise<ProviderRow | undefined>;
  /** Also clears it as the default provider. */
  deleteProvider(orgId: string, id: string): Promise<boolean>;

  getAskSettings(orgId: string): Promise<AskSettingsRow>;
  updateAskSettings(orgId: string, patch: AskSettingsPatch, at: string): Promise<AskSettingsRow>;

  listExamples(orgId: string): Promise<ExampleRow[]>;
  createExample(example: ExampleRow): Promise<ExampleRow>;
  deleteExample(orgId: string, id: string): Promise<boolean>;

  createSession(session: SessionRow): Promise<SessionRow>;
  getSession(orgId: string, id: string): Promise<SessionRow | undefined>;
  /** Newest activity first. */
  listSessions(orgId: string, limit: number): Promise<SessionRow[]>;
  /** Appends a message at the session's next seq and touches the session. */
  appendMessage(message: NewMessage): Promise<MessageRow>;
  updateMessage(orgId: string, id: string, patch: MessagePatch, at: string): Promise<MessageRow | undefined>;
  /** Sets `patch` only while the message has status `from` (an approval runs once); undefined when it had not. */
  transitionMessage(orgId: string, id: string, from: MessageStatus, patch: MessagePatch, at: string): Promise<MessageRow | undefined>;
  getMessage(orgId: string, id: string): Promise<MessageRow | undefined>;
  /** In order (seq). */
  listMessages(orgId: string, sessionId: string): Promise<MessageRow[]>;

  getCached(orgId: string, key: string, now: string): Promise<CacheEntry | undefined>;
  putCached(orgId: string, entry: CacheEntry): Promise<void>;
  countCacheHit(orgId: string, hit: boolean): Promise<void>;
  cacheEntries(orgId: string, now: string): Promise<number>;
  /** Removes every cached answer and resets the counters; returns how many answers were removed. */
  clearCache(orgId: string): Promise<number>;
}
