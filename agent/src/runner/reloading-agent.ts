import { isDeepStrictEqual } from 'node:util';
import type { AgentConfig } from '../config/agent-config.js';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import { AgentRunner } from './agent-runner.js';

/** What a reload needs to swap: the runner's lifecycle only. */
export interface RunnerLike {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReloadingAgentOptions {
  readonly config: AgentConfig;
  /** Reads and validates the config file again; throws CONFIG_INVALID naming the bad key. */
  readonly load: () => AgentConfig;
  readonly logger: (config: AgentConfig) => Logger;
  /** The real runner by default (tests inject their own). */
  readonly runner?: (config: AgentConfig, logger: Logger) => RunnerLike;
}

/**
 * The agent as `vigil-agent run` keeps it: one runner, swapped for a new one when SIGHUP brings a
 * changed config. A config that does not parse is refused with a log line naming the bad key, and
 * the running one is kept. A swap stops the old runner the way a shutdown does (runs in progress
 * commit nothing, the spool and every task's state stay on disk) and starts the new one from that
 * disk state, so no batch is lost or counted twice and counters keep their baselines.
 */
export class ReloadingAgent {
  readonly #load: () => AgentConfig;
  readonly #logger: (config: AgentConfig) => Logger;
  readonly #newRunner: (config: AgentConfig, logger: Logger) => RunnerLike;
  #config: AgentConfig;
  #log: Logger;
  #runner: RunnerLike;
  // Reloads and the stop run one at a time, in the order they were asked for.
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: ReloadingAgentOptions) {
    this.#load = options.load;
    this.#logger = options.logger;
    this.#newRunner = options.runner ?? ((config, logger) => new AgentRunner({ config, logger }));
    this.#config = options.config;
    this.#log = this.#logger(options.config);
    this.#runner = this.#newRunner(this.#config, this.#log);
  }

  /** The logger of the config in force. */
  get logger(): Logger {
    return this.#log;
  }

  /** Starts the first runner; a reload asked for meanwhile waits for it. */
  start(): Promise<void> {
    const started = this.#runner.start();
    this.#queue = started.catch(() => undefined);
    return started;
  }

  /** Re-reads the config: applies it if it changed and is valid, keeps the running one otherwise. Never rejects. */
  reload(): Promise<void> {
    this.#queue = this.#queue
      .then(() => this.#reload())
      .catch((err: unknown) => this.#log.error({ reason: describeError(err) }, 'config reload failed'));
    return this.#queue;
  }

  stop(): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      this.#stopped = true;
      await this.#runner.stop();
    });
    return this.#queue;
  }

  async #reload(): Promise<void> {
    if (this.#stopped) return;
    let next: AgentConfig;
    try {
      next = this.#load();
    } catch (err) {
      // CONFIG_INVALID messages name the key and never echo its value.
      this.#log.error({ reason: describeError(err) }, 'config reload refused; still running with the previous config');
      return;
    }
    if (isDeepStrictEqual(next, this.#config)) {
      this.#log.info('config reloaded: nothing changed');
      return;
    }
    this.#log.info('config changed: restarting collection with it (the spool and collector state are kept)');
    await this.#runner.stop();
    const log = this.#logger(next);
    const runner = this.#newRunner(next, log);
    try {
      await runner.start();
    } catch (err) {
      log.error({ reason: describeError(err) }, 'could not start with the new config; going back to the previous one');
      await runner.stop().catch(() => undefined);
      this.#runner = this.#newRunner(this.#config, this.#log);
      await this.#runner.start();
      return;
    }
    this.#config = next;
    this.#log = log;
    this.#runner = runner;
    log.info('config reloaded');
  }
}
