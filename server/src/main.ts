import { isVigilError } from '@vigil/shared';
import { loadServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './app.js';

/** Entry point: `pnpm start`. Configuration comes from the environment (see README). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadServerConfig();
  } catch (err) {
    if (!isVigilError(err)) throw err;
    process.stderr.write(`vigil-server: invalid configuration: ${err.message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      // A second signal means "now": skip the rest of the drain (agents still hold unacked batches).
      logger.warn({ signal }, 'second signal: exiting without finishing the shutdown');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeout_ms: config.shutdownTimeoutMs }, 'shutting down: draining the ingest queue');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`vigil-server: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
