import { loadAgentConfig } from '../config/agent-config.js';
import { redactUrl } from '../config/secret-redaction.js';
import { CONFIG_OPTION, EXIT, UsageError, configFile, parseOptions, type CliCommand } from './cli-command.js';

/** `vigil-agent config check`: the config validates (file, YAML, every key, env overrides) or the reason it does not; connects to nothing. */
function check(file: string, io: Parameters<CliCommand['run']>[1]): number {
  const config = loadAgentConfig(file);
  const databases = config.databases.map((db) => `  ${db.name}: ${db.engine} ${redactUrl(db.url)}${db.databases ? ` (databases: ${db.databases === 'all' ? 'all' : db.databases.join(', ')})` : ''}`);
  io.stdout(`ok   ${file}: valid; server ${config.serverUrl}, ${config.databases.length} database${config.databases.length === 1 ? '' : 's'}:\n${databases.join('\n')}\n`);
  return EXIT.ok;
}

export const configCommand: CliCommand = {
  name: 'config',
  synopsis: 'check --config FILE',
  summary: 'Validate a config file without connecting to anything',
  details: `Reads FILE and the environment overrides (VIGIL_SERVER_URL, VIGIL_API_KEY) exactly as run does,
and names every bad key. Nothing is connected to: use vigil-agent test for that.

  -c, --config FILE   the agent's YAML config

Exit codes: 0 valid, 1 invalid (each problem on stderr), 2 on a bad command line.`,
  run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'check') throw new UsageError(sub === undefined ? 'missing subcommand: config check --config FILE' : `unknown subcommand config ${sub}`);
    return check(configFile(parseOptions(rest, { options: CONFIG_OPTION })), io);
  },
};
