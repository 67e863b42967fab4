import { GRANTS_USAGE, grantsCommand } from '../grants/grants-command.js';
import type { CliCommand } from './cli-command.js';
import { configCommand } from './config-check-command.js';
import { runCommand } from './run-command.js';
import { testCommand } from './test-command.js';
import { versionCommand } from './version-command.js';

const grantsEntry: CliCommand = {
  name: 'grants',
  synopsis: '--engine postgres|clickhouse [--user NAME] [--version N]',
  summary: "Print the least-privilege SQL for the agent's role",
  details: '',
  help: GRANTS_USAGE,
  run: (args, io) => grantsCommand(args, io),
};

/** Every `vigil-agent` command, in the order the help lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [runCommand, testCommand, configCommand, grantsEntry, versionCommand];

/** The command `name` runs (by name or alias); undefined for an unknown one. */
export function findCommand(name: string): CliCommand | undefined {
  return CLI_COMMANDS.find((command) => command.name === name || command.aliases?.includes(name));
}

/** `vigil-agent --help`: every command with its summary. */
export function usage(): string {
  const width = Math.max(...CLI_COMMANDS.map((command) => command.name.length));
  const lines = CLI_COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: vigil-agent <command> [options]

Commands:
${lines.join('\n')}
  ${'help'.padEnd(width)}  Print this help, or a command's: vigil-agent help <command>, vigil-agent <command> --help

Environment: VIGIL_SERVER_URL and VIGIL_API_KEY override server_url and api_key in the config;
HTTPS_PROXY (wss://) or HTTP_PROXY (ws://) and NO_PROXY choose an HTTP proxy for the server.
Exit codes: 0 success, 1 failure, 2 bad command line.
`;
}

