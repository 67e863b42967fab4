import { isVigilError } from '@vigil/shared';
import { loadServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './app.js';

/** Signals closer together than this are one request to stop, delivered twice. */
const DUPLICATE_SIGNAL_MS = 1000;

/**
 * Entry point: `pnpm start`. Configuration comes from the environment (see README). The script
 * execs node with tsx's loader, with no shell or tsx launcher between pnpm and this process: pnpm
 * forwards SIGTERM to its child, and a shell would die of it and leave the server running.
 */
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
  let stoppingSince: number | undefined;
  const stop = (signal: string): void => {
    if (stoppingSince !== undefined) {
      // One stop request often arrives twice: a signal to the whole process group (Ctrl-C, systemd)
      // reaches this process directly and again through `pnpm start`, which forwards it. Only a
      // later one is someone asking to skip the drain.
      if (Date.now() - stoppingSince < DUPLICATE_SIGNAL_MS) return;
      // A second signal means "now": skip the rest of the drain (agents still hold unacked batches).
      logger.warn({ signal }, 'second signal: exiting without finishing the shutdown');
      process.exit(1);
    }
    stoppingSince = Date.now();
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
