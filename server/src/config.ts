import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_FRAME_BYTES, VigilError } from '@vigil/shared';

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
  VIGIL_VALIDATE_RESPONSES: z.enum(['true', 'false']).default('false'),
  DATABASE_URL: z.string().optional(),
  CLICKHOUSE_URL: z.string().optional(),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly logLevel: z.infer<typeof EnvSchema>['VIGIL_LOG_LEVEL'];
  readonly jwtSecret: string;
  readonly maxFrameBytes: number;
  /** Access tokens live 15 minutes (Basira's expires_in: 900). */
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** How often agents send Heartbeat, told to them in Welcome. */
  readonly heartbeatIntervalSeconds: number;
  /** Check every API response against its declared schema (on in tests; a mismatch is a 500). */
  readonly validateResponses: boolean;
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
  for (const [name, purpose] of [
    ['DATABASE_URL', 'PostgreSQL metadata storage'],
    ['CLICKHOUSE_URL', 'ClickHouse telemetry storage'],
  ] as const) {
    if (e[name]) {
      throw new VigilError('CONFIG_INVALID', `${name}: ${purpose} is not available in this version yet; unset it to use the embedded store`);
    }
  }
  const dataDir = resolve(e.VIGIL_DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return Object.freeze({
    port: e.VIGIL_PORT,
    host: e.VIGIL_HOST,
    dataDir,
    logLevel: e.VIGIL_LOG_LEVEL,
    jwtSecret: e.VIGIL_JWT_SECRET ?? persistedSecret(dataDir),
    maxFrameBytes: e.VIGIL_MAX_FRAME_BYTES,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    heartbeatIntervalSeconds: 30,
    validateResponses: e.VIGIL_VALIDATE_RESPONSES === 'true',
  });
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
