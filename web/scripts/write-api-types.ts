// `pnpm web:api-types`: regenerates web/src/api/openapi.ts from the OpenAPI document of this
// checkout's server, started embedded on a loopback port with a throwaway data directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/src/app.js';
import { loadServerConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
// @ts-expect-error: a plain ES module without declarations, shared with test/web/api-types.test.ts
import { API_TYPES_FILE, apiTypes } from './api-types.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'vigil-api-types-'));
const config = loadServerConfig({ VIGIL_PORT: '0', VIGIL_HOST: '127.0.0.1', VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'warn' });
const server = await startServer(config, createLogger(config.logLevel));
try {
  const res = await fetch(`http://127.0.0.1:${server.port()}/api/v1/openapi.json`);
  writeFileSync(API_TYPES_FILE, await apiTypes(await res.json()));
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
