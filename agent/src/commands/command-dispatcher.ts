import type { vigil } from '@vigil/proto';
import { VigilError, isVigilError } from '@vigil/shared';
import type { DatabaseConfig } from '../config/agent-config.js';
import { redactText } from '../config/secret-redaction.js';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import { raceAbort } from '../runner/database-session.js';
import type { CommandContext, CommandHandler } from './command-context.js';
import { explainCommand } from './explain-command.js';
import { statusCommand } from './status-command.js';
import { testConnectionCommand } from './test-connection-command.js';

/**
 * The only commands the agent runs for the server. A kind not listed here is refused, whatever
 * the server sends: the socket is authenticated, but the agent still decides what it does on
 * the database host.
 */
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  explain: explainCommand,
  test_connection: testConnectionCommand,
  status: statusCommand,
};

const DEFAULT_TIMEOUT_MS = 15_000;
const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60_000;
// Commands are interactive and rare; more than this at once is a misbehaving server, not a user.
const MAX_IN_FLIGHT = 4;
// A command's queries get this much less than the command, so the database's own timeout (a clearer error) fires first.
const QUERY_MARGIN_MS = 500;
// Far above any plan, far below the frame limit (a frame over it would cost the agent its connection).
const MAX_RESULT_BYTES = 1024 * 1024;
// The codes a result may carry; any other failure (a ClickHouse or network error) is reported as COMMAND_FAILED with its message.
const RESULT_CODES: ReadonlySet<string> = new Set(['COMMAND_UNKNOWN', 'COMMAND_BAD_ARGS', 'COMMAND_REFUSED', 'COMMAND_NOT_SUPPORTED', 'COMMAND_TIMEOUT', 'COMMAND_FAILED', 'STATEMENT_NOT_FOUND']);

export interface CommandDispatcherOptions {
  readonly databases: readonly DatabaseConfig[];
  /** collect_explain_plans of the database's current settings. */
  readonly explainAllowed: (database: string) => boolean;
  readonly status: () => unknown;
  /** Passwords and keys from the config: never in a result or a log line. */
  readonly secrets: readonly string[];
  readonly logger: Logger;
}

/** Runs commands from the server one request id at a time: arguments checked, a deadline, the answer as a CommandResult. */
export class CommandDispatcher {
  readonly #options: CommandDispatcherOptions;
  readonly #log: Logger;
  #inFlight = 0;

  constructor(options: CommandDispatcherOptions) {
    this.#options = options;
    this.#log = options.logger.child({ component: 'commands' });
  }

  /** The result for `command`; never rejects (every failure is an ok=false result with a catalog code). */
  async handle(command: vigil.v1.ICommand): Promise<vigil.v1.ICommandResult> {
    const requestId = command.requestId ?? '';
    const kind = command.kind ?? '';
    const started = performance.now();
    const result = await this.#run(kind, command);
    const ms = Math.round(performance.now() - started);
    if (result.ok) this.#log.info({ requestId, kind, ms }, 'command done');
    else this.#log.warn({ requestId, kind, ms, code: result.errorCode }, `command failed: ${result.error}`);
    return { requestId, ...result };
  }

  async #run(kind: string, command: vigil.v1.ICommand): Promise<vigil.v1.ICommandResult> {
    const handler = Object.hasOwn(COMMANDS, kind) ? COMMANDS[kind] : undefined;
    if (!handler) return this.#failure(new VigilError('COMMAND_UNKNOWN', `the agent does not accept "${kind.slice(0, 64)}" commands (it accepts ${Object.keys(COMMANDS).join(', ')})`));
    if (this.#inFlight >= MAX_IN_FLIGHT) return this.#failure(new VigilError('COMMAND_REFUSED', `the agent is already running ${MAX_IN_FLIGHT} commands; try again shortly`));
    let args: unknown;
    try {
      args = command.argsJson ? JSON.parse(command.argsJson) : {};
    } catch {
      return this.#failure(new VigilError('COMMAND_BAD_ARGS', 'args_json is not valid JSON'));
    }
    const timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, command.timeoutMs || DEFAULT_TIMEOUT_MS));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new VigilError('COMMAND_TIMEOUT', `the ${kind} command did not finish within ${timeoutMs} ms`)), timeoutMs);
    const ctx: CommandContext = {
      databases: this.#options.databases,
      explainAllowed: this.#options.explainAllowed,
      status: this.#options.status,
      signal: controller.signal,
      timeoutMs: Math.max(MIN_TIMEOUT_MS / 2, timeoutMs - QUERY_MARGIN_MS),
    };
    this.#inFlight++;
    try {
      const value = await raceAbort(handler(args, ctx), controller.signal);
      const resultJson = this.#redact(JSON.stringify(value ?? null));
      if (Buffer.byteLength(resultJson) > MAX_RESULT_BYTES) return this.#failure(new VigilError('COMMAND_FAILED', `the ${kind} result is larger than ${MAX_RESULT_BYTES} bytes`));
      return { ok: true, resultJson };
    } catch (err) {
      return this.#failure(err);
    } finally {
      clearTimeout(timer);
      this.#inFlight--;
    }
  }

  #failure(err: unknown): vigil.v1.ICommandResult {
    if (isVigilError(err)) return { ok: false, errorCode: RESULT_CODES.has(err.code) ? err.code : 'COMMAND_FAILED', error: this.#redact(err.message) };
    return { ok: false, errorCode: 'COMMAND_FAILED', error: this.#redact(describeError(err)) };
  }

  #redact(text: string): string {
    return redactText(text, this.#options.secrets);
  }
}
