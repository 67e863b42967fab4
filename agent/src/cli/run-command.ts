import v8 from 'node:v8';
import { loadAgentConfig } from '../config/agent-config.js';
import { createAgentLogger } from '../logging/agent-logger.js';
import { ReloadingAgent } from '../runner/reloading-agent.js';
import { CONFIG_OPTION, EXIT, configFile, parseOptions, type CliCommand } from './cli-command.js';

/**
 * V8 settings for the long-running agent, set from code because a single executable takes no node
 * flags. Only flags V8 reads as it goes take effect this late (heap size limits are fixed at start,
 * and turning off concurrent GC at run time crashes V8), so each was checked by measurement:
 * --semi-space-growth-factor=1 keeps the young generation at its initial size. Without it, every
 * statements interval (thousands of rows alive at once) grows it to 32 MB, which stays resident for
 * most of the minute; the price is more, smaller scavenges, within the benchmark's noise on CPU.
 */
const SERVICE_V8_FLAGS = '--semi-space-growth-factor=1';

async function run(file: string): Promise<number> {
  const config = loadAgentConfig(file);
  v8.setFlagsFromString(SERVICE_V8_FLAGS);
  // SIGHUP (systemctl reload) re-reads the file: a bad edit is refused and logged, the running config kept.
  const agent = new ReloadingAgent({ config, load: () => loadAgentConfig(file), logger: (c) => createAgentLogger(c.logLevel) });
  process.on('SIGHUP', () => {
    agent.logger.info({ signal: 'SIGHUP' }, 'reloading the config');
    void agent.reload();
  });
  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals): void => {
      if (stopping) {
        agent.logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(EXIT.failure);
      }
      stopping = true;
      agent.logger.info({ signal }, 'shutting down');
      void agent.stop().then(resolve);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await agent.start();
  await stopped;
  agent.logger.info('stopped');
  return EXIT.ok;
}

export const runCommand: CliCommand = {
  name: 'run',
  synopsis: '--config FILE',
  summary: 'Collect from every configured database and send to the server until SIGINT or SIGTERM',
  details: `Logs go to stderr as JSON lines (log_level in FILE). SIGHUP re-reads FILE: a config that does
not validate is refused with an error line and the running one kept.

  -c, --config FILE   the agent's YAML config (see vigil-agent.example.yaml)

Exit codes: 0 after a clean stop, 1 when the config is invalid or the agent cannot start, 2 on a
bad command line.`,
  run: (args) => run(configFile(parseOptions(args, { options: CONFIG_OPTION }))),
};
