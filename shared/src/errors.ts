/**
 * One error type with stable codes for both the agent and the server (Fastify's lib/errors.js
 * pattern). Tests assert `code`, never the message. `expose` says whether the message may be
 * shown to a client (every 4xx, and 5xx entries marked so); unexposed errors reach clients as a generic 500.
 */

export const ERROR_CATALOG = {
  // Authentication and authorization
  AUTH_MISSING_CREDENTIALS: { status: 401, message: 'Authentication required: send Authorization: Bearer <token> or X-API-Key' },
  AUTH_INVALID_KEY: { status: 401, message: 'Invalid or revoked API key' },
  AUTH_INVALID_TOKEN: { status: 401, message: 'Invalid or expired token' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Invalid email or password' },
  AUTH_FORBIDDEN_SCOPE: { status: 403, message: 'This credential is not allowed to do that' },
  AUTH_EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists' },
  AUTH_CSRF_REJECTED: { status: 403, message: 'The session cookie was sent without the X-Vigil-Session header or from another site' },
  AUTH_FORBIDDEN_ROLE: { status: 403, message: 'Your role in this organization does not allow that' },
  AUTH_THROTTLED: { status: 429, message: 'Too many attempts: wait for the time Retry-After gives, then try again' },
  AUTH_NOT_MEMBER: { status: 403, message: 'This account is not a member of that organization' },
  // Organizations, members and invitations
  ORG_UNVERIFIED_LIMIT: { status: 403, message: 'An organization whose email is not verified can monitor one database: verify the email to add more' },
  ORG_LAST_OWNER: { status: 409, message: 'The last owner of an organization cannot leave it or stop being an owner: make another member owner first' },
  INVITATION_EMAIL_MISMATCH: { status: 403, message: 'This invitation was sent to another email address than the signed-in account' },
  // Requests
  VALIDATION_FAILED: { status: 400, message: 'Invalid request' },
  BODY_MALFORMED: { status: 400, message: 'Request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, message: 'Request body is too large' },
  BODY_UNSUPPORTED_ENCODING: { status: 415, message: 'Unsupported request body encoding: send identity, gzip, deflate or br with a utf-8 charset' },
  BODY_MISSING: { status: 400, message: 'This endpoint needs a request body: a JSON object sent with Content-Type: application/json' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported Content-Type: send the body as JSON with Content-Type: application/json' },
  PATH_MALFORMED: { status: 400, message: 'Request path is not valid percent-encoding' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such endpoint' },
  DATABASE_NAME_TAKEN: { status: 409, message: 'Another database of this organization has that name' },
  ALERT_RULE_BUILT_IN: { status: 409, message: 'Built-in alert rules cannot be deleted' },
  ENGINE_MISMATCH: { status: 400, message: 'This endpoint is for the other database engine' },
  UPGRADE_REQUIRED: { status: 426, message: 'This endpoint speaks WebSocket: open it with an Upgrade request' },
  RATE_LIMITED: { status: 429, message: 'Too many requests from this address: wait for Retry-After seconds' },
  // The public SQL optimizer and lineage
  SQL_TOO_LONG: { status: 413, message: 'The SQL is longer than 50,000 characters' },
  SQL_PARSE_ERROR: { status: 422, message: 'The SQL does not parse' },
  // Wire protocol and ingestion
  FRAME_MALFORMED: { status: 400, message: 'Frame could not be decoded' },
  FRAME_TOO_LARGE: { status: 413, message: 'Frame exceeds the size limit' },
  PROTOCOL_UNSUPPORTED_VERSION: { status: 400, message: 'Unsupported protocol version' },
  PROTOCOL_HELLO_REQUIRED: { status: 400, message: 'The first message must be Hello' },
  PROTOCOL_UNEXPECTED_MESSAGE: { status: 400, message: 'Unexpected message' },
  INGEST_UNKNOWN_DATABASE: { status: 400, message: 'Batch names a database that was not announced in Hello' },
  INGEST_BAD_BATCH: { status: 400, message: 'Batch is invalid' },
  INGEST_BATCH_IN_PROGRESS: { status: 409, message: 'Another server process is storing this batch right now; re-send it later' },
  // Operations: readiness and graceful shutdown
  SERVICE_UNAVAILABLE: { status: 503, message: 'The server cannot take this request now; retry, another server may answer' },
  // Monitored ClickHouse servers, as the agent reaches them over HTTP
  CLICKHOUSE_QUERY_FAILED: { status: 502, message: 'ClickHouse rejected a query' },
  CLICKHOUSE_BAD_RESPONSE: { status: 502, message: 'ClickHouse sent a response the agent cannot read' },
  CLICKHOUSE_TIMEOUT: { status: 504, message: 'ClickHouse did not answer in time' },
  // Commands from the server to an agent over its socket
  AGENT_NOT_CONNECTED: { status: 409, message: 'No agent serving this database is connected to any server process' },
  COMMAND_TIMEOUT: { status: 504, message: 'The agent did not answer the command in time', expose: true },
  COMMAND_UNKNOWN: { status: 400, message: 'The agent does not accept this command' },
  COMMAND_BAD_ARGS: { status: 400, message: 'The command arguments are invalid' },
  COMMAND_REFUSED: { status: 422, message: 'The agent refused the command' },
  COMMAND_NOT_SUPPORTED: { status: 422, message: 'The monitored database version does not support this command' },
  STATEMENT_NOT_FOUND: { status: 404, message: 'The agent found no statement with this query hash' },
  COMMAND_FAILED: { status: 502, message: 'The command failed on the monitored database', expose: true },
  // Alert notifications (Slack, webhooks)
  WEBHOOK_URL_REFUSED: { status: 400, message: 'This webhook URL is not allowed' },
  NOTIFY_NOT_CONFIGURED: { status: 400, message: 'No Slack webhook or webhook URL is configured' },
  NOTIFY_FAILED: { status: 502, message: 'The notification could not be delivered', expose: true },
  NOTIFY_TEST_THROTTLED: { status: 429, message: 'Too many test notifications for this organization: wait for the time Retry-After gives' },
  // Asking the telemetry in words (issue 17): the SQL guard, its execution and the LLM providers
  ASK_SQL_REFUSED: { status: 400, message: 'This SQL is not allowed: only one SELECT over the ask views (GET /api/v1/ask/schema) may run' },
  ASK_QUERY_FAILED: { status: 422, message: 'The query failed when it ran' },
  ASK_QUERY_LIMIT: { status: 422, message: 'The query hit a limit (time, memory or rows read): narrow it' },
  ASK_NO_PROVIDER: { status: 400, message: 'No LLM provider is configured for this organization: add one with POST /api/v1/providers' },
  ASK_PROVIDER_URL_REFUSED: { status: 400, message: 'This provider base URL is not allowed' },
  ASK_PROVIDER_FAILED: { status: 502, message: 'The language model provider failed or did not answer in time', expose: true },
  ASK_RATE_LIMITED: { status: 429, message: 'This organization asked too many questions this minute: wait for Retry-After seconds' },
  ASK_NOT_PENDING: { status: 409, message: 'This message is not waiting for approval' },
  // Configuration (agent and server start-up)
  CONFIG_INVALID: { status: 500, message: 'Invalid configuration' },
  // Anything unexpected
  INTERNAL: { status: 500, message: 'Internal server error' },
  // A route answered a code it does not declare: only with VIGIL_VALIDATE_RESPONSES on (tests), never in production
  ROUTE_UNDECLARED_ERROR: { status: 500, message: 'This endpoint answered an error code it does not declare', expose: true },
} as const satisfies Record<string, { status: number; message: string; expose?: boolean }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export class VigilError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Whether `message` is safe to show to a client (never true for unexpected failures). */
  readonly expose: boolean;
  /** Extra structured detail for clients, e.g. which param was wrong. Never holds secrets. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message?: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    const entry = ERROR_CATALOG[code];
    super(message ?? entry.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigilError';
    this.code = code;
    this.status = entry.status;
    // A 5xx is hidden unless its entry says the message is written for clients (an upstream's refusal).
    this.expose = entry.status < 500 || ('expose' in entry && entry.expose);
    this.details = options.details;
  }
}

/** True for errors raised on purpose by Vigil code (as opposed to bugs and library failures). */
export function isVigilError(err: unknown): err is VigilError {
  return err instanceof VigilError;
}
