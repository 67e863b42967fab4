import type { EngineName } from '@vigil/shared';
import { CommandDispatcher } from '../commands/command-dispatcher.js';
import type { AgentConfig } from '../config/agent-config.js';
import { secretsInConfig } from '../config/secret-redaction.js';
import type { Logger } from '../logging/agent-logger.js';
import type { BatchQueue } from '../spool/batch-queue.js';
import { DiskBatchQueue } from '../spool/disk-batch-queue.js';
import { FileStateStore } from '../state/file-state-store.js';
import type { StateStore } from '../state/persistent-state.js';
import { AgentConnection, type ConnectionTiming } from '../transport/agent-connection.js';
import { AgentStatus } from './agent-status.js';
import { BatchCommitter, logSpoolReport } from './batch-committer.js';
import type { EngineDriver } from './database-session.js';
import { ENGINE_DRIVERS } from './engine-drivers.js';
import { buildHello } from './hello-builder.js';
import { ServerSettingsStore, type WireSettings } from './server-settings-store.js';
import { TaskScheduler } from './task-scheduler.js';

export interface AgentRunnerOptions {
  readonly config: AgentConfig;
  readonly logger: Logger;
  /** Task tables and sessions per engine; the real ones by default (tests inject their own). */
  readonly engines?: Readonly<Partial<Record<EngineName, EngineDriver<unknown>>>>;
  /** Where batches wait for their Ack; the disk spool under spool_dir by default. */
  readonly queue?: BatchQueue;
  /** Where task state persists; files under spool_dir/state by default. */
  readonly stateStore?: StateStore;
  readonly timing?: Partial<ConnectionTiming>;
  /** Task runs in flight at once across every database. */
  readonly concurrency?: number;
}

// Collector runs are mostly waiting on databases; a few at once keeps many databases current without bursts.
const DEFAULT_CONCURRENCY = 4;

/**
 * The agent for one config: the scheduler runs every collector task (task-scheduler.ts), the
 * committer turns runs into spooled batches (batch-committer.ts), the connection sends them and
 * brings commands and the server's settings (server-settings-store.ts), and one status report
 * (agent-status.ts) answers the status command and feeds heartbeats.
 */
export class AgentRunner {
  readonly #config: AgentConfig;
  readonly #log: Logger;
  readonly #stateStore: StateStore;
  readonly #timing: Partial<ConnectionTiming> | undefined;
  readonly #scheduler: TaskScheduler;
  readonly #settings: ServerSettingsStore;
  readonly #status: AgentStatus;
  readonly #commands: CommandDispatcher;
  #queue: BatchQueue | undefined;
  #committer: BatchCommitter | undefined;
  #connection: AgentConnection | undefined;
  #stopped = false;

  constructor(options: AgentRunnerOptions) {
    const { config, logger } = options;
    this.#config = config;
    this.#log = logger;
    const secrets = secretsInConfig(config);
    this.#queue = options.queue;
    this.#stateStore = options.stateStore ?? new FileStateStore(config.spoolDir);
    this.#timing = options.timing;
    this.#settings = new ServerSettingsStore(config.spoolDir, config.databases.map((db) => db.name), logger);
    this.#scheduler = new TaskScheduler({
      config,
      logger,
      engines: options.engines ?? ENGINE_DRIVERS,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      secrets,
      // Runs only start in start(), after the committer exists.
      commit: (run) => this.#committer!.commit(run),
    });
    this.#status = new AgentStatus({
      databases: config.databases,
      database: (name) => this.#scheduler.database(name),
      settings: (name) => this.#settings.of(name),
      collectors: () => this.#scheduler.collectors(),
      spool: () => this.#queue?.stats(),
      connected: () => this.#connection?.ready ?? false,
    });
    this.#commands = new CommandDispatcher({
      databases: config.databases,
      explainAllowed: (name) => this.#settings.of(name).collectExplainPlans,
      status: () => this.status(),
      secrets,
      logger,
    });
  }

  /** Restores state and the spool, takes a first run of every task (baselines, server versions for Hello), then connects and schedules. */
  async start(): Promise<void> {
    const saved = await this.#stateStore.load();
    for (const { file, reason } of saved.quarantined) this.#log.error({ file, reason }, 'a collector state file was unreadable; moved it to quarantine (that collector starts from a fresh baseline)');
    this.#scheduler.restore(saved.tasks);
    this.#scheduler.applySettings(this.#settings.apply(await this.#settings.readSaved()));

    if (!this.#queue) {
      const { queue, report } = await DiskBatchQueue.open({
        dir: this.#config.spoolDir,
        maxBytes: this.#config.spoolMaxBytes,
        committedBelowSeq: saved.nextSeq,
        logger: this.#log,
      });
      this.#queue = queue;
      logSpoolReport(this.#log, report, this.#config.spoolDir, this.#config.spoolMaxBytes);
    }
    this.#committer = new BatchCommitter({
      queue: this.#queue,
      stateStore: this.#stateStore,
      savedNextSeq: saved.nextSeq,
      spoolMaxBytes: this.#config.spoolMaxBytes,
      log: this.#log,
      published: () => this.#connection?.flush(),
    });

    await this.#scheduler.runAll();
    if (this.#stopped) return;
    this.#connection = new AgentConnection({
      serverUrl: this.#config.serverUrl,
      apiKey: this.#config.apiKey,
      hello: () => buildHello(this.#config.databases, (name) => this.#scheduler.database(name)?.serverVersion),
      queue: this.#queue,
      logger: this.#log,
      timing: this.#timing,
      proxyUrl: this.#config.proxy?.url,
      tlsCa: this.#config.tlsCa,
      commands: (command) => this.#commands.handle(command),
      heartbeat: () => this.#status.heartbeat(),
    });
    this.#connection.on('settings', (settings) => void this.#applySettings(settings));
    this.#connection.start();
    this.#scheduler.scheduleAll();
    this.#log.info({ databases: this.#config.databases.length, tasks: this.#scheduler.taskCount, spoolDir: this.#config.spoolDir, proxy: this.#config.proxy?.source }, 'agent running');
  }

  /** Stops scheduling, cancels runs in progress (they commit nothing, so their windows are collected next start), then closes everything. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#scheduler.stop();
    await this.#committer?.idle();
    await this.#settings.idle();
    await this.#connection?.close();
    await this.#scheduler.closeSessions();
  }

  /** The agent's own report: what the status command answers and heartbeats summarize. */
  status(): unknown {
    return this.#status.status();
  }

  /** Applies the server's settings to the schedule and remembers them for the next start. */
  async #applySettings(wire: readonly WireSettings[]): Promise<void> {
    this.#scheduler.applySettings(this.#settings.apply(wire));
    await this.#settings.save(wire);
  }
}
