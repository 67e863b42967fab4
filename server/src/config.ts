import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_FRAME_BYTES, VigilError } from '@vigil/shared';
import { ConnectionUrl } from './storage/connection-url.js';
import { CLUSTER_NAME_PATTERN } from './storage/telemetry/clickhouse/cluster-ddl.js';
import type { RetentionPolicy } from './storage/telemetry/telemetry-store.js';

/**
 * The server's whole configuration, parsed once from the environment at start. Nothing else
 * in the server reads process.env; a bad value fails start-up naming the variable.
 */
const EnvSchema = z.object({
  VIGIL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  VIGIL_HOST: z.string().min(1).default('0.0.0.0'),
  VIGIL_DATA_DIR: z.string().min(1).default('./.vigil'),
  VIGIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIL_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  VIGIL_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_FRAME_BYTES),
  VIGIL_HEARTBEAT_INTERVAL_S: z.coerce.number().int().min(1).max(3600).default(30),
  VIGIL_INGEST_QUEUE_MAX_BATCHES: z.coerce.number().int().min(1).default(5000),
  VIGIL_INGEST_QUEUE_MAX_BYTES: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  VIGIL_INGEST_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  VIGIL_INGEST_FLUSH_ROWS: z.coerce.number().int().min(1).default(50_000),
  VIGIL_INGEST_RATE_MESSAGES_PER_S: z.coerce.number().positive().default(100),
  VIGIL_INGEST_RATE_BYTES_PER_S: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  VIGIL_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
  VIGIL_VALIDATE_RESPONSES: z.enum(['true', 'false']).default('false'),
  VIGIL_ALERT_EVAL_INTERVAL_S: z.coerce.number().int().min(1).max(3600).default(15),
  // Advisor scans: each database is scanned this often (hours); 0 turns the schedule off (POST …/scan still runs one).
  VIGIL_SCAN_INTERVAL_H: z.coerce.number().min(0).max(24 * 30).default(6),
  VIGIL_SCAN_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  // Lower bounds: reads take whole days from the daily rollup, partial days from the hourly and
  // partial hours from raw rows, and raw rows back the last 2 days' detail; so raw is kept ≥ 2 days,
  // hourly ≥ 30 and daily at least as long as hourly (checked below).
  VIGIL_RETENTION_RAW_DAYS: z.coerce.number().int().min(2).max(3650).default(7),
  VIGIL_RETENTION_HOURLY_DAYS: z.coerce.number().int().min(30).max(3650).default(30),
  VIGIL_RETENTION_DAILY_DAYS: z.coerce.number().int().min(30).max(36500).default(365),
  // The address agents and browsers reach this server at, when it differs from what requests show (a proxy in front).
  VIGIL_PUBLIC_URL: z
    .string()
    .optional()
    .refine((text) => text === undefined || text === '' || publicUrlProblem(text) === undefined, { error: (issue) => publicUrlProblem(String(issue.input)) ?? 'invalid' }),
  // Alert notifications (README, "Notifications"): http and private webhook addresses, and delivery pacing.
  VIGIL_ALLOW_PRIVATE_WEBHOOKS: z.enum(['true', 'false']).default('false'),
  VIGIL_NOTIFY_MIN_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  VIGIL_NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(2000),
  VIGIL_NOTIFY_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(300_000),
  VIGIL_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  VIGIL_NOTIFY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  VIGIL_NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Account email (verification, password reset, invitations): README, "Accounts". Unset: no mail.
  VIGIL_SMTP_URL: z.string().optional(),
  VIGIL_MAIL_FROM: z.string().min(3).max(320).default('Vigil <vigil@localhost>'),
  // The public routes (SQL optimizer, lineage, connectivity catalogue): requests a minute per client address.
  VIGIL_PUBLIC_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // Questions a minute each organization may ask (POST /chat): each one spends the organization's own model tokens.
  VIGIL_ASK_QUESTIONS_PER_MIN: z.coerce.number().int().min(1).max(100_000).default(20),
  DATABASE_URL: z.string().optional(),
  CLICKHOUSE_URL: z.string().optional(),
  // With CLICKHOUSE_URL: the cluster (remote_servers) whose replicas hold the telemetry schema, created ON CLUSTER as Replicated*MergeTree.
  CLICKHOUSE_CLUSTER: z.string().regex(CLUSTER_NAME_PATTERN, 'must be a cluster name from remote_servers (letters, digits, underscores)').optional(),
});

/** The ingest queue and per-connection limits (see README, "Operations"). */
export interface IngestConfig {
  /** Backpressure starts when the queue holds this many batches or bytes of frames. */
  readonly queueMaxBatches: number;
  readonly queueMaxBytes: number;
  /** Longest a received batch waits to be grouped with others into one insert. */
  readonly flushDelayMs: number;
  /** Rows that trigger an insert at once; also the most rows grouped into one insert. */
  readonly flushRows: number;
  /** Per-connection rates; a connection above them is slowed down, not dropped. */
  readonly rateMessagesPerSecond: number;
  readonly rateBytesPerSecond: number;
}

/** Alert notification delivery (notify/): what may be a webhook, and how the outbox paces and retries. */
export interface NotifyConfig {
  /** VIGIL_ALLOW_PRIVATE_WEBHOOKS: plain http and loopback/private addresses allowed (self-hosted, tests). */
  readonly allowPrivateWebhooks: boolean;
  /** Least time between two posts to one webhook (Slack allows about 1 per second). */
  readonly minIntervalMs: number;
  /** Backoff after a 5xx or network error: base * 2^(failures-1), capped, with jitter. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Failed attempts (429s not counted) before a notification is marked failed. */
  readonly maxAttempts: number;
  /** How often the outbox is checked for due notifications. */
  readonly pollMs: number;
  /** Longest one post may take. */
  readonly timeoutMs: number;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL for metadata instead of SQLite in dataDir. Prints redacted: it may hold a password. */
  readonly databaseUrl: ConnectionUrl | undefined;
  /** A ClickHouse server for telemetry instead of chDB in dataDir. Prints redacted too. */
  readonly clickhouseUrl: ConnectionUrl | undefined;
  /** CLICKHOUSE_CLUSTER: the telemetry schema is replicated over this cluster (only with clickhouseUrl). */
  readonly clickhouseCluster: string | undefined;
  readonly logLevel: z.infer<typeof EnvSchema>['VIGIL_LOG_LEVEL'];
  readonly jwtSecret: string;
  readonly maxFrameBytes: number;
  /** Access tokens live 15 minutes (Basira's expires_in: 900). */
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** How often agents send Heartbeat (told to them in Welcome) and the server pings each socket. */
  readonly heartbeatIntervalSeconds: number;
  readonly ingest: IngestConfig;
  /** Longest a graceful shutdown may take before remaining sockets are cut. */
  readonly shutdownTimeoutMs: number;
  /** Check every API response against its declared schema (on in tests; a mismatch is a 500). */
  readonly validateResponses: boolean;
  /** How often every database's alert rules are evaluated even without new batches (conditions of absence: an agent gone quiet). */
  readonly alertEvalIntervalSeconds: number;
  /** Advisor scans: the schedule (VIGIL_SCAN_INTERVAL_H, 0 = off) and how often queued scans are looked for (VIGIL_SCAN_POLL_MS). */
  readonly scans: { readonly intervalHours: number; readonly pollMs: number };
  /** Days each telemetry retention class is kept (ClusterSight's retention_raw_days 7, hourly 30, daily 365). */
  readonly retention: RetentionPolicy;
  /** http(s):// base URL the server is reached at from outside (VIGIL_PUBLIC_URL), without a trailing slash; undefined: taken from each request. */
  readonly publicUrl: string | undefined;
  readonly notify: NotifyConfig;
  /** Requests a minute each client address may make to the public routes (VIGIL_PUBLIC_RATE_LIMIT_PER_MIN). */
  readonly publicRateLimitPerMinute: number;
  /** Questions a minute each organization may ask through POST /chat (VIGIL_ASK_QUESTIONS_PER_MIN). */
  readonly askQuestionsPerMinute: number;
  /** Account email; `smtpUrl` undefined: no mail (the embedded single-machine default). */
  readonly mail: MailConfig;
}

/** How account emails leave: an SMTP server (nodemailer) and the sender; links use publicUrl, which SMTP requires. */
export interface MailConfig {
  /** smtp:// or smtps:// with any credentials; prints redacted. */
  readonly smtpUrl: ConnectionUrl | undefined;
  readonly from: string;
}

/** Parses the server configuration from `env`; throws CONFIG_INVALID naming the bad variable. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Never echo the received value: it may be a secret.
    throw new VigilError('CONFIG_INVALID', `${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  // Unset or empty means the embedded store; a bad URL fails naming the variable, never echoing it.
  const databaseUrl = e.DATABASE_URL ? new ConnectionUrl('DATABASE_URL', e.DATABASE_URL, ['postgres:', 'postgresql:']) : undefined;
  const clickhouseUrl = e.CLICKHOUSE_URL ? new ConnectionUrl('CLICKHOUSE_URL', e.CLICKHOUSE_URL, ['http:', 'https:']) : undefined;
  if (e.CLICKHOUSE_CLUSTER && !clickhouseUrl) throw new VigilError('CONFIG_INVALID', 'CLICKHOUSE_CLUSTER: requires CLICKHOUSE_URL (one replica of the cluster); the embedded chDB store is not clustered');
  const smtpUrl = e.VIGIL_SMTP_URL ? new ConnectionUrl('VIGIL_SMTP_URL', e.VIGIL_SMTP_URL, ['smtp:', 'smtps:']) : undefined;
  // Links in emails must not come from a request's Host header, which a caller chooses (reset-link poisoning).
  if (smtpUrl && !e.VIGIL_PUBLIC_URL) throw new VigilError('CONFIG_INVALID', 'VIGIL_PUBLIC_URL: required with VIGIL_SMTP_URL, for the links in account emails');
  if (e.VIGIL_RETENTION_DAILY_DAYS < e.VIGIL_RETENTION_HOURLY_DAYS) {
    throw new VigilError(
      'CONFIG_INVALID',
      `VIGIL_RETENTION_DAILY_DAYS: must be at least VIGIL_RETENTION_HOURLY_DAYS (${e.VIGIL_RETENTION_HOURLY_DAYS}); reads take whole days from the daily rollup`,
    );
  }
  const dataDir = resolve(e.VIGIL_DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return Object.freeze({
    port: e.VIGIL_PORT,
    host: e.VIGIL_HOST,
    dataDir,
    databaseUrl,
    clickhouseUrl,
    clickhouseCluster: e.CLICKHOUSE_CLUSTER,
    logLevel: e.VIGIL_LOG_LEVEL,
    jwtSecret: e.VIGIL_JWT_SECRET ?? persistedSecret(dataDir),
    maxFrameBytes: e.VIGIL_MAX_FRAME_BYTES,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    heartbeatIntervalSeconds: e.VIGIL_HEARTBEAT_INTERVAL_S,
    ingest: Object.freeze({
      queueMaxBatches: e.VIGIL_INGEST_QUEUE_MAX_BATCHES,
      queueMaxBytes: e.VIGIL_INGEST_QUEUE_MAX_BYTES,
      flushDelayMs: e.VIGIL_INGEST_FLUSH_MS,
      flushRows: e.VIGIL_INGEST_FLUSH_ROWS,
      rateMessagesPerSecond: e.VIGIL_INGEST_RATE_MESSAGES_PER_S,
      rateBytesPerSecond: e.VIGIL_INGEST_RATE_BYTES_PER_S,
    }),
    shutdownTimeoutMs: e.VIGIL_SHUTDOWN_TIMEOUT_MS,
    validateResponses: e.VIGIL_VALIDATE_RESPONSES === 'true',
    publicRateLimitPerMinute: e.VIGIL_PUBLIC_RATE_LIMIT_PER_MIN,
    askQuestionsPerMinute: e.VIGIL_ASK_QUESTIONS_PER_MIN,
    alertEvalIntervalSeconds: e.VIGIL_ALERT_EVAL_INTERVAL_S,
    scans: Object.freeze({ intervalHours: e.VIGIL_SCAN_INTERVAL_H, pollMs: e.VIGIL_SCAN_POLL_MS }),
    retention: Object.freeze({ rawDays: e.VIGIL_RETENTION_RAW_DAYS, hourlyDays: e.VIGIL_RETENTION_HOURLY_DAYS, dailyDays: e.VIGIL_RETENTION_DAILY_DAYS }),
    publicUrl: e.VIGIL_PUBLIC_URL ? e.VIGIL_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    notify: Object.freeze({
      allowPrivateWebhooks: e.VIGIL_ALLOW_PRIVATE_WEBHOOKS === 'true',
      minIntervalMs: e.VIGIL_NOTIFY_MIN_INTERVAL_MS,
      retryBaseMs: e.VIGIL_NOTIFY_RETRY_BASE_MS,
      retryMaxMs: e.VIGIL_NOTIFY_RETRY_MAX_MS,
      maxAttempts: e.VIGIL_NOTIFY_MAX_ATTEMPTS,
      pollMs: e.VIGIL_NOTIFY_POLL_MS,
      timeoutMs: e.VIGIL_NOTIFY_TIMEOUT_MS,
    }),
    mail: Object.freeze({ smtpUrl, from: e.VIGIL_MAIL_FROM }),
  });
}

/** Why `text` cannot be VIGIL_PUBLIC_URL, or undefined when it can: an http(s) base URL, nothing secret in it. */
function publicUrlProblem(text: string): string | undefined {
  if (!URL.canParse(text)) return 'must be a URL such as https://vigil.example.com';
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.search || url.hash) return 'must not contain a query string or fragment';
  return undefined;
}

/** A signing secret generated on first start and kept in the data dir, so tokens survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
