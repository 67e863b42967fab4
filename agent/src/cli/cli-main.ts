import { isVigilError } from '@vigil/shared';
import { describeError } from '../logging/describe-error.js';
import { commandHelp, EXIT, UsageError, type CliIo } from './cli-command.js';
import { findCommand, usage } from './cli-commands.js';

const HELP = new Set(['--help', '-h']);

/** `vigil-agent …`: picks the command from the table (cli-commands.ts) and turns what it throws into an exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr(`vigil-agent: missing command\n\n${usage()}`);
    return EXIT.usage;
  }
  if (name === 'help' || HELP.has(name)) {
    const topic = name === 'help' ? args[0] : undefined;
    const command = topic === undefined ? undefined : findCommand(topic);
    if (topic !== undefined && !command) {
      io.stderr(`vigil-agent: unknown command ${topic}\n\n${usage()}`);
      return EXIT.usage;
    }
    io.stdout(command ? commandHelp(command) : usage());
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(`vigil-agent: unknown command ${name}\n\n${usage()}`);
    return EXIT.usage;
  }
  if (args.some((arg) => HELP.has(arg))) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`vigil-agent ${command.name}: ${err.message}\n\n${commandHelp(command)}`);
      return EXIT.usage;
    }
    if (isVigilError(err) && err.code === 'CONFIG_INVALID') {
      io.stderr(`vigil-agent: invalid configuration: ${err.message}\n`);
      return EXIT.failure;
    }
    io.stderr(`vigil-agent: ${describeError(err)}\n`);
    return EXIT.failure;
  }
}
