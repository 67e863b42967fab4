/**
 * One `vigil-agent <command>`: its name, its help, and what it does. Commands are listed in one
 * table (cli-commands.ts), from which the top-level help, `help <command>` and `<command> --help`
 * are all printed, so a new command is one file and one entry there.
 */

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Where a command writes: stdout for what it produces, stderr for diagnostics. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliCommand {
  readonly name: string;
  /** Other spellings that run it (--version, -v). */
  readonly aliases?: readonly string[];
  /** The usage line's arguments, e.g. "--config FILE [--verbose]". */
  readonly synopsis: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The rest of `<command> --help`: what it does, its options, its exit codes. */
  readonly details: string;
  /** The whole `<command> --help` text, for a command that keeps its own (it replaces the one built from the fields above). */
  readonly help?: string;
  /** Runs it with the arguments after the command name; resolves with the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

/** A bad command line: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** The full help text of `command`. */
export function commandHelp(command: CliCommand): string {
  if (command.help !== undefined) return command.help;
  return `Usage: vigil-agent ${command.name}${command.synopsis ? ` ${command.synopsis}` : ''}\n\n${command.summary}.\n${command.details ? `\n${command.details.trimEnd()}\n` : ''}`;
}

/** Options of a command: a flag takes no value, an option takes one. */
export interface OptionSpec {
  readonly flags?: Readonly<Record<string, readonly string[]>>;
  readonly options?: Readonly<Record<string, readonly string[]>>;
}

export interface ParsedOptions {
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
}

/**
 * Parses `args` against `spec` (keys are canonical names, values their spellings: --config, -c;
 * an option also takes --config=FILE). Throws UsageError naming the argument it cannot use.
 */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const find = (table: OptionSpec['flags'], spelling: string) => Object.entries(table ?? {}).find(([, spellings]) => spellings.includes(spelling))?.[0];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const spelling = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = find(spec.flags, spelling);
    if (flag && eq < 0) {
      flags.add(flag);
      continue;
    }
    const option = find(spec.options, spelling);
    if (!option) throw new UsageError(`unknown argument ${spelling}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${spelling} needs a value`);
    options.set(option, value);
  }
  return { flags, options };
}

/** The --config FILE every command that reads a config takes. */
export const CONFIG_OPTION = { config: ['--config', '-c'] } as const;

/** The --config value; UsageError when it is missing. */
export function configFile(parsed: ParsedOptions): string {
  const file = parsed.options.get('config');
  if (file === undefined) throw new UsageError('missing --config FILE');
  return file;
}
