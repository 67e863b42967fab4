/**
 * Writes docs/errors.md from the error catalogue (shared/src/errors.ts): each code's HTTP status
 * and default message from the catalogue, what it means and what to do from ERROR_GUIDE below.
 * Run `pnpm docs:errors` after adding a code; test/server/errors-doc.test.ts fails while a code
 * has no guide entry or the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_CATALOG, type ErrorCode } from '@vigil/shared';

export interface ErrorGuide {
  /** When Vigil answers with this code, and who sees it (an API client, an agent, an operator's log). */
  readonly meaning: string;
  /** What the one who sees it should do next. */
  readonly action: string;
}

/** One entry per catalogue code: typed by ErrorCode, so a code without its entry fails the typecheck too. */
export const ERROR_GUIDE = {
  AUTH_MISSING_CREDENTIALS: {
    meaning: 'The request carried no credential: no `Authorization: Bearer` token and no `X-API-Key` header.',
    action: 'Send a user access token (`POST /api/v1/auth/login`) or an API key with the request.',
  },
  AUTH_INVALID_KEY: {
    meaning: 'The API key is unknown or was revoked. Agents get it as a 401 on the WebSocket upgrade.',
    action: 'Create a new key (`POST /api/v1/api-keys`) and put it in the client or the agent config (`api_key`).',
  },
  AUTH_INVALID_TOKEN: {
    meaning: 'The bearer token (access or refresh) is malformed, expired, or belongs to a revoked refresh family (a refresh token used twice revokes its family).',
    action: 'Refresh the access token with the refresh token; if that fails too, log in again.',
  },
  AUTH_INVALID_CREDENTIALS: {
    meaning: 'Login with an unknown email or a wrong password (the answer does not say which).',
    action: 'Check the email and password, or sign up.',
  },
  AUTH_FORBIDDEN_SCOPE: {
    meaning: 'The credential is valid but its scope does not allow this: a `read` key writing, an `agent` key reading the API, or anything but an `agent` key connecting as an agent.',
    action: 'Use a key of the scope the message names (`agent`, `read` or `admin`), or a user token.',
  },
  AUTH_CSRF_REJECTED: {
    meaning: 'A request carried the dashboard\'s session cookie but not the `X-Vigil-Session: cookie` header, or the browser marked it cross-site (`Sec-Fetch-Site`): it may be another site acting with the user\'s cookie.',
    action: 'Sign in again from the dashboard itself. API clients send `refresh_token` in the body instead of relying on the cookie.',
  },
  AUTH_EMAIL_TAKEN: {
    meaning: 'Sign-up with an email that already has an account, on a server without mail (no `VIGIL_SMTP_URL`: nothing else could tell the owner). With mail, signup answers 202 whether or not the email is taken and emails its owner instead; an invitation accepted as a new user by an email that has an account.',
    action: 'Log in with that email (or reset its password), or sign up with another.',
  },
  AUTH_FORBIDDEN_ROLE: {
    meaning: 'A signed-in user whose role in the organization is below what the route needs: a `member` managing keys, settings, alert rules or members, or an `admin` changing an owner. Each operation in `/api/v1/openapi.json` names its role (`x-vigil-role`).',
    action: 'Ask an owner or admin of the organization to do it, or to change your role (`PATCH /api/v1/org/members/{id}`).',
  },
  AUTH_THROTTLED: {
    meaning: 'Too many failed logins, password-reset requests or reset attempts for this account or from this address; each further failure doubles the wait. The same answer comes whether or not the account exists.',
    action: 'Wait the seconds the `Retry-After` header (and `retry_after_s`) gives, then try again; use `POST /api/v1/auth/forgot-password` if the password is lost.',
  },
  AUTH_NOT_MEMBER: {
    meaning: 'Login with an `org_id` the account does not belong to (the password was right).',
    action: 'Log in without `org_id` to get your default organization, or ask an admin of that organization for an invitation.',
  },
  ORG_UNVERIFIED_LIMIT: {
    meaning: "An organization whose owner has not verified their email may monitor one database; a second one registered by an agent's Hello or `POST /databases` is refused. The agent's first database sends as usual; the held one's batches are answered with this code, which the agent retries, so they stay in its spool and nothing is lost.",
    action: 'Follow the link in the verification email (`GET /api/v1/auth/verify-email`); on a server without mail, run `pnpm vigil-server user verify <email>` on its host. A database an agent announced then registers by itself on its next retry (within a minute, no restart) and its held batches are stored; register one added by `POST /databases` again.',
  },

  ORG_LAST_OWNER: {
    meaning: 'Removing or demoting the last owner of an organization would leave nobody able to manage it.',
    action: 'Make another member owner first (`PATCH /api/v1/org/members/{id}` with `{"role": "owner"}`).',
  },
  INVITATION_EMAIL_MISMATCH: {
    meaning: 'A signed-in user accepted an invitation that was sent to another email address.',
    action: 'Sign in with the invited email, or accept as a new user with `{name, password}`, or ask for an invitation to your own email.',
  },
  VALIDATION_FAILED: {
    meaning: 'A path param, query param or body field is missing, unknown or out of range; the message names the field and what it must be, and for programs `query_param` or `body_field` names it too.',
    action: 'Fix the named field; `/api/v1/openapi.json` has every route\'s schema.',
  },
  BODY_MALFORMED: {
    meaning: 'The body is not valid JSON, or does not decompress as its `Content-Encoding` says.',
    action: 'Send valid JSON, encoded as the header says.',
  },
  BODY_TOO_LARGE: {
    meaning: 'The body is over the API\'s 1 MB limit.',
    action: 'Send a smaller body; no route needs more.',
  },
  BODY_UNSUPPORTED_ENCODING: {
    meaning: 'The body\'s `Content-Encoding` or charset is one the server does not read.',
    action: 'Send the body uncompressed or as gzip, deflate or br, in UTF-8.',
  },
  BODY_MISSING: {
    meaning: 'The route needs a JSON body and none came.',
    action: 'Send a JSON object with `Content-Type: application/json`.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    meaning: 'The body came with a `Content-Type` other than JSON.',
    action: 'Send the body as JSON with `Content-Type: application/json`.',
  },
  PATH_MALFORMED: {
    meaning: 'The request path has invalid percent-encoding (e.g. a lone `%`).',
    action: 'Percent-encode path segments (`encodeURIComponent`).',
  },
  NOT_FOUND: {
    meaning: 'No such object in the caller\'s organization: a database, key, query or table id that does not exist or belongs to another organization (the two look the same on purpose).',
    action: 'Check the id, e.g. with `GET /api/v1/databases`; for readings, widen the time range.',
  },
  ROUTE_NOT_FOUND: {
    meaning: 'No endpoint has this method and path.',
    action: 'Check the method and path against `/api/v1/openapi.json` (or `/docs`).',
  },
  DATABASE_NAME_TAKEN: {
    meaning: 'Creating or renaming a database to a name another database of the organization has.',
    action: 'Choose another name, or update the existing database.',
  },
  ALERT_RULE_BUILT_IN: {
    meaning: '`DELETE /api/v1/alerts/rules/{id}` named a built-in rule (`builtin:<metric>:<level>`, `rule_type: "built_in"`): those come from the metric catalogue and cannot be deleted.',
    action: 'Turn it off instead with `PUT /api/v1/alerts/rules/{id}` and `{"enabled": false}`, or change its threshold, severity or cooldown there.',
  },
  ENGINE_MISMATCH: {
    meaning: 'A PostgreSQL-only endpoint was asked about a ClickHouse database, or the reverse.',
    action: 'Use the endpoint for the database\'s engine (the message names it).',
  },
  UPGRADE_REQUIRED: {
    meaning: 'A plain HTTP request reached an endpoint that only speaks WebSocket (the live activity stream).',
    action: 'Open it with a WebSocket client (an `Upgrade: websocket` request).',
  },
  RATE_LIMITED: {
    meaning: 'A public endpoint (the SQL optimizer, lineage, the connectivity catalogue) was called more often than the per-address limit (`VIGIL_PUBLIC_RATE_LIMIT_PER_MIN`, 60 a minute by default) allows. `Retry-After` and `retry_after_s` say when the next call is accepted.',
    action: 'Wait `Retry-After` seconds before the next call, and pace automated use below the limit.',
  },
  SQL_TOO_LONG: {
    meaning: 'The `sql` given to `POST /queries/optimize` or `/queries/lineage` is longer than 50,000 characters.',
    action: 'Send one statement at a time, and large literal lists as parameters instead of inline.',
  },
  SQL_PARSE_ERROR: {
    meaning: 'The `sql` does not parse in the chosen `dialect` (PostgreSQL\'s own parser, or ClickHouse\'s), holds more than one statement, or is a statement form the analysis cannot read. `line` and `column` point at the problem, `reason` has the parser\'s words.',
    action: 'Fix the SQL at the line and column given, check `dialect` (`clickhouse` is the default), and send one statement.',
  },
  FRAME_MALFORMED: {
    meaning: 'A WebSocket frame from the agent could not be decoded (not a Vigil frame, bad protobuf or bad deflate). Fatal: the server closes with 1007.',
    action: 'Agent and server versions may not match: upgrade the agent. Other agents are not affected.',
  },
  FRAME_TOO_LARGE: {
    meaning: 'A frame exceeds the size limit, before or after inflating (`VIGIL_MAX_FRAME_BYTES` on the server). The server closes with 1009.',
    action: 'Agents keep their batches below the default limit: if the server\'s `VIGIL_MAX_FRAME_BYTES` was set lower, raise it back.',
  },
  PROTOCOL_UNSUPPORTED_VERSION: {
    meaning: 'The agent speaks another protocol major version than the server. Fatal: close 1002.',
    action: 'Upgrade the agent or the server so both speak the same major version.',
  },
  PROTOCOL_HELLO_REQUIRED: {
    meaning: 'An agent sent something before its `Hello`.',
    action: 'A client bug: the first message on the socket must be `Hello`.',
  },
  PROTOCOL_UNEXPECTED_MESSAGE: {
    meaning: 'A message out of place on the agent socket (a second `Hello`), or a `Hello` with bad fields (hostname, too many databases, a bad database name); the message names which.',
    action: 'Fix the agent config (database names 1–200 characters) or upgrade the agent.',
  },
  INGEST_UNKNOWN_DATABASE: {
    meaning: 'A batch names a database its connection\'s `Hello` did not announce. Not fatal; the agent drops the batch (re-sending cannot succeed).',
    action: 'An agent bug or a config changed without a reconnect: restart the agent.',
  },
  INGEST_BAD_BATCH: {
    meaning: 'A batch failed validation; the message names the first bad field by its wire path (e.g. `pg_activity[0].sessions[3].pid`). Not fatal; the agent drops that batch.',
    action: 'Report it with the agent version: the agent sent data the server cannot store.',
  },
  INGEST_BATCH_IN_PROGRESS: {
    meaning: 'Another server process is storing this same batch right now (the agent re-sent it after reconnecting elsewhere). Not fatal.',
    action: 'Nothing: the agent keeps the batch and re-sends it, then gets a duplicate ack.',
  },
  SERVICE_UNAVAILABLE: {
    meaning: 'The server is shutting down or not ready (`/readyz` says which store does not answer).',
    action: 'Retry; behind a load balancer another server process answers. Agents reconnect on their own.',
  },
  CLICKHOUSE_QUERY_FAILED: {
    meaning: 'The monitored ClickHouse refused a query the agent sent (agent log; in a collector status or a command\'s answer).',
    action: 'Read ClickHouse\'s own error in the message: usually a missing grant for the agent\'s user.',
  },
  CLICKHOUSE_BAD_RESPONSE: {
    meaning: 'The monitored ClickHouse answered with something the agent cannot read (not JSON, no data array, or too large).',
    action: 'Check that the agent\'s `url` points at ClickHouse\'s HTTP port, not a proxy or another service.',
  },
  CLICKHOUSE_TIMEOUT: {
    meaning: 'The monitored ClickHouse did not answer a query in time.',
    action: 'Check the server\'s load and the network from the agent; the collector retries at its next interval.',
  },
  AGENT_NOT_CONNECTED: {
    meaning: 'A command (an EXPLAIN, a connection test) needs the database\'s agent and no server process holds its connection. With the metadata in PostgreSQL (`DATABASE_URL`) processes relay commands to the one the agent is connected to; with SQLite there is one process.',
    action: 'Check the agent is running (`GET /api/v1/databases/{id}/health`). Several server processes behind a load balancer must share PostgreSQL metadata to reach each other\'s agents.',
  },
  COMMAND_TIMEOUT: {
    meaning: 'The agent did not answer a command within its deadline.',
    action: 'Retry; a slow monitored database or a busy agent (at most 4 commands at once) is the usual cause.',
  },
  COMMAND_UNKNOWN: {
    meaning: 'The agent does not run this command kind (only `explain`, `test_connection` and `status`).',
    action: 'Upgrade the agent if the server is newer.',
  },
  COMMAND_BAD_ARGS: {
    meaning: 'A command\'s arguments are invalid, e.g. a database the agent does not monitor.',
    action: 'Fix the named argument.',
  },
  COMMAND_REFUSED: {
    meaning: 'The agent refused the command: explain plans are turned off for the database (`collect_explain_plans`), the statement is not a single SELECT-like one, or 4 commands are already running.',
    action: 'Do what the message says: enable `collect_explain_plans`, or retry shortly.',
  },
  COMMAND_NOT_SUPPORTED: {
    meaning: 'The monitored database\'s version cannot run this command (e.g. ClickHouse `EXPLAIN indexes = 1` needs 21.6).',
    action: 'Upgrade the monitored database to the version the message names.',
  },
  STATEMENT_NOT_FOUND: {
    meaning: 'The agent found no statement with this query hash on the monitored server (`pg_stat_statements` or `system.query_log` no longer has it).',
    action: 'Pick a statement seen recently, or run the query again so the server sees it.',
  },
  COMMAND_FAILED: {
    meaning: 'The command ran and the monitored database failed it (the message carries the database\'s error, e.g. a missing privilege for EXPLAIN).',
    action: 'Read the database\'s error; EXPLAIN needs `SELECT` on the tables the plan reads (`pg_read_all_data` on PostgreSQL 14+).',
  },
  ASK_SQL_REFUSED: {
    meaning: 'The SQL of `POST /api/v1/execute`, `POST /api/v1/chat` or an approved message is not one SELECT over the ask views: `details.reason` says why (`not_select`, `unknown_view`, `not_a_view` for `system.*` and other tables, `table_function`, `function` for dictionaries, files, settings and server functions, `in_table`, `settings`, `output_clause` for FORMAT and INTO OUTFILE, `unbound`, `unmodelled_source`, `readonly`, `too_long`) and `details.object` names the offending part. Nothing ran.',
    action: 'Read only the views `GET /api/v1/ask/schema` lists, in one SELECT without SETTINGS, FORMAT or INTO OUTFILE; the server binds them to your organization and applies the limits itself.',
  },
  ASK_QUERY_FAILED: {
    meaning: 'The guarded query ran and ClickHouse refused it (an unknown column, a type mismatch, a function the telemetry server lacks: Debian\'s 18.16 lacks many). The message has ClickHouse\'s reason and `details.clickhouse_code` its code.',
    action: 'Fix the SQL with the columns `GET /api/v1/ask/schema` lists, or ask again in other words.',
  },
  ASK_QUERY_LIMIT: {
    meaning: 'The guarded query hit one of the server\'s limits: time (10 s), memory (512 MiB) or rows read (100 million). `details.clickhouse_code` says which.',
    action: 'Narrow the time range (`ts > now() - INTERVAL 1 DAY`), focus on one database (`database_id`), or aggregate in fewer steps.',
  },
  ASK_NO_PROVIDER: {
    meaning: '`POST /api/v1/chat` named no `provider` and the organization has no default provider (`PUT /api/v1/ask/settings`), or has none at all.',
    action: 'Add a provider with `POST /api/v1/providers` (an admin), then name it in `provider` or make it the default.',
  },
  ASK_RATE_LIMITED: {
    meaning: 'The organization asked more questions through `POST /api/v1/chat` in the last minute than the server allows (`VIGIL_ASK_QUESTIONS_PER_MIN`, 20 by default): each question spends the tokens of the organization\'s own model. A burst up to the limit is allowed, then one question every 60/limit seconds.',
    action: 'Wait the `Retry-After` seconds (also in `details.retry_after_s`) and ask again; an operator can raise the limit with `VIGIL_ASK_QUESTIONS_PER_MIN`.',
  },
  ASK_PROVIDER_URL_REFUSED: {
    meaning: 'A provider\'s `base_url` is not https, holds credentials, or resolves to a loopback, private, link-local or cloud-metadata address: the same rules as webhook URLs. The URL is not echoed.',
    action: 'Use the provider\'s public https endpoint. A self-hosted model on this host or network (Ollama on loopback) needs the server started with `VIGIL_ALLOW_PRIVATE_WEBHOOKS=true`.',
  },
  ASK_PROVIDER_FAILED: {
    meaning: 'The LLM provider refused the request (a bad key, an unknown model, a rate limit), answered nothing usable, or did not answer within the timeout. The message has the provider\'s status and words, never the API key.',
    action: 'Check the provider\'s model and key (`PUT /api/v1/providers/{id}`), its base URL, and its status page; retry later on a rate limit.',
  },
  ASK_NOT_PENDING: {
    meaning: '`POST /api/v1/chat/execute/{message_id}` named a message that is not `pending_approval`: it already ran, was generate-only, or failed.',
    action: 'Run a message\'s SQL again with `POST /api/v1/execute`, or ask again.',
  },
  WEBHOOK_URL_REFUSED: {
    meaning: '`PUT /api/v1/settings` got a `slack_webhook_url` or `webhook_url` (named in the message and in `body_field`) that is not https, or whose host resolves to a loopback, private, link-local or cloud-metadata address. The URL is never echoed. A stored URL that resolves to such an address later fails its deliveries with this text too.',
    action: 'Use the https URL Slack (or the receiver) gave you, on a public address. A self-hosted server that must post inside its own network can start with `VIGIL_ALLOW_PRIVATE_WEBHOOKS=true`, which also allows plain http.',
  },
  NOTIFY_NOT_CONFIGURED: {
    meaning: '`POST /api/v1/settings/test-notification` with neither `slack_webhook_url` nor `webhook_url` set for the organization.',
    action: 'Set one with `PUT /api/v1/settings`, then send the test again.',
  },
  NOTIFY_FAILED: {
    meaning: 'The test notification was refused or could not be delivered; the message carries the receiver\'s own words (Slack\'s `no_service`, `channel_not_found`, `invalid_payload`, …) or the network error, and `details` the channel and HTTP status. Alert notifications that fail show the same text as `last_error` on the alert.',
    action: 'For Slack: `no_service` means the webhook was revoked (create a new one), `channel_not_found` / `channel_is_archived` that its channel is gone; `invalid_payload` is a Vigil bug worth reporting. A 5xx or network error is usually passing: try again.',
  },
  NOTIFY_TEST_THROTTLED: {
    meaning: '`POST /api/v1/settings/test-notification` more than 5 times in a minute for one organization (counted across every server process), so the server does not hammer a webhook on a caller\'s behalf.',
    action: 'Wait the seconds the `Retry-After` header (and `retry_after_s`) gives, then send the test again. Alert notifications are not affected.',
  },
  CONFIG_INVALID: {
    meaning: 'The agent or server configuration (file or environment) is invalid; the process does not start, and the message names the bad key.',
    action: 'Fix the named key and start again.',
  },
  INTERNAL: {
    meaning: 'An unexpected failure. The client gets only this code and a generic message; the server logs the error with the request id.',
    action: 'Retry; if it persists, report it with the time and the request\'s `x-request-id`.',
  },
  ROUTE_UNDECLARED_ERROR: {
    meaning: 'Only with `VIGIL_VALIDATE_RESPONSES=true` (the test suites): an endpoint answered an error code its route does not declare, so its OpenAPI responses would not list it. The message names the route and the code; the server logs the original error.',
    action: 'A Vigil bug in development: add the code to the route\'s `errors` (`server/src/api/route.ts`), or stop the handler from answering it.',
  },
} as const satisfies Record<ErrorCode, ErrorGuide>;

const GUIDE: Readonly<Partial<Record<string, ErrorGuide>>> = ERROR_GUIDE;

/** Table cells hold one line, and a `|` would end the cell. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** Plain text (a catalogue message) in a cell: `<token>` would otherwise render as an HTML tag. */
function plain(text: string): string {
  return cell(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The catalogue codes ERROR_GUIDE has no entry for (the doc would say "undocumented"). */
export function undocumentedCodes(): string[] {
  return Object.keys(ERROR_CATALOG).filter((code) => !GUIDE[code]);
}

/** docs/errors.md as the catalogue and the guide make it now. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(ERROR_CATALOG).map(([code, entry]) => {
    const guide = GUIDE[code];
    const status = entry.status >= 500 && !('expose' in entry && entry.expose) ? `${entry.status} (generic message)` : String(entry.status);
    return `| \`${code}\` | ${status} | ${plain(entry.message)} | ${cell(guide?.meaning ?? 'UNDOCUMENTED')} | ${cell(guide?.action ?? 'UNDOCUMENTED')} |`;
  });
  return [
    '# Error codes',
    '',
    '<!-- Generated by `pnpm docs:errors` from shared/src/errors.ts and server/scripts/errors-doc.ts: edit those, not this file. -->',
    '',
    'Every error Vigil reports carries a stable code from one catalogue (`shared/src/errors.ts`); match on the',
    'code, never on the message. The API answers `{"error": "<message>", "code": "<CODE>"}` with the HTTP status',
    'below, plus a field naming what was wrong where there is one (`query_param`, `body_field`). A 5xx marked',
    '"generic message" reaches clients only as `INTERNAL`\'s message; its detail is in the server log. On the',
    'agent socket the same codes travel in `Error` messages; the default message is what is said when nothing',
    'more specific is known.',
    '',
    '| Code | HTTP | Default message | Meaning | What to do |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));
  writeFileSync(target, renderErrorsDoc());
  const missing = undocumentedCodes();
  if (missing.length > 0) {
    process.stderr.write(`docs/errors.md written; no guide entry in server/scripts/errors-doc.ts for: ${missing.join(', ')}\n`);
    process.exitCode = 1;
  }
}
