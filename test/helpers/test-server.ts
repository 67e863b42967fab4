import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer, type VigilServer } from '../../server/src/app.js';
import type { MetaStore } from '../../server/src/storage/meta/meta-store.js';
import { openStores } from '../../server/src/storage/open-stores.js';
import type { TelemetryStore } from '../../server/src/storage/telemetry/telemetry-store.js';

/** A real Vigil server on a loopback port 0 with embedded stores in a temp dir. */
export interface TestServer {
  readonly server: VigilServer;
  readonly baseUrl: string;
  readonly wsUrl: string;
  /** fetch against the server with JSON in and out. */
  request(method: string, path: string, options?: { token?: string; apiKey?: string; body?: unknown; rawBody?: string }): Promise<{ status: number; body: any }>;
  /** Signs up a fresh organization, verified; returns its access token. */
  signup(org?: string): Promise<{ accessToken: string; refreshToken: string; orgId: string }>;
  /** Creates an API key of `scope` with `token`'s user. */
  createKey(token: string, scope: 'agent' | 'read' | 'admin'): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** More server variables (VIGIL_INGEST_…, VIGIL_HEARTBEAT_INTERVAL_S, …) over the test defaults. */
  readonly env?: Readonly<Record<string, string>>;
  /** Where log lines go (at VIGIL_LOG_LEVEL, default silent), for tests that read them back. */
  readonly logStream?: Parameters<typeof createLogger>[1];
  /** Wraps the real embedded stores before the server uses them (a gate, a counter, a switchable fault). */
  readonly wrapStores?: (stores: { meta: MetaStore; telemetry: TelemetryStore }) => { meta: MetaStore; telemetry: TelemetryStore };
}

let counter = 0;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-server-'));
  const config = loadServerConfig({
    VIGIL_PORT: '0',
    VIGIL_HOST: '127.0.0.1',
    VIGIL_DATA_DIR: dataDir,
    VIGIL_LOG_LEVEL: process.env.VIGIL_TEST_LOG_LEVEL ?? 'silent',
    VIGIL_VALIDATE_RESPONSES: 'true',
    ...options.env,
  });
  const logger = createLogger(config.logLevel, options.logStream);
  const stores = options.wrapStores ? options.wrapStores(await openStores(config, logger)) : undefined;
  const server = await startServer(config, logger, stores ? { stores } : {});
  const baseUrl = `http://127.0.0.1:${server.port()}`;

  const request: TestServer['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    server,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${server.port()}`,
    request,
    async signup(org = `org-${++counter}`) {
      const email = `${org}-${Date.now()}@example.com`;
      const password = 'correct horse battery';
      let res = await request('POST', '/api/v1/auth/signup', { body: { email, password, name: 'Test User', org_name: org } });
      if (res.status !== 201 && res.status !== 202) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
      // Verified as an operator would (`vigil-server user verify`), so a test may register several databases; accounts tests sign up by hand.
      const user = await server.context.meta.findUserByEmail(email);
      await server.context.meta.markEmailVerified(user!.id, new Date().toISOString());
      // With mail (202) signup signs nobody in: the test signs in as the user would after the email.
      if (res.status === 202) res = await request('POST', '/api/v1/auth/login', { body: { email, password } });
      return { accessToken: res.body.access_token, refreshToken: res.body.refresh_token, orgId: user!.org_id };
    },
    async createKey(token, scope) {
      const res = await request('POST', '/api/v1/api-keys', { token, body: { name: `${scope} key`, scope } });
      if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.key as string;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
