import { readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import type { vigil } from '@vigil/proto';
import { collectorStatus, uuidv7, type EngineName } from '@vigil/shared';
import { AGENT_VERSION } from '../agent-version.js';
import { CommandDispatcher } from '../commands/command-dispatcher.js';
import type { AgentConfig, DatabaseConfig } from '../config/agent-config.js';
import { redactText, secretsInConfig } from '../config/secret-redaction.js';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import type { BatchQueue, QueuedBatch } from '../spool/batch-queue.js';
import { DiskBatchQueue, type SpoolOpenReport } from '../spool/disk-batch-queue.js';
import { FileStateStore } from '../state/file-state-store.js';
import { taskStateKey, type StateStore, type TaskState } from '../state/persistent-state.js';
import { AgentConnection, type ConnectionTiming, type HeartbeatReport } from '../transport/agent-connection.js';
import { buildBatches } from './batch-builder.js';
import type { CollectorTask, TaskResult, TaskStatus } from './collector-task.js';
import { RunCancelledError, raceAbort, type DatabaseSession, type EngineDriver } from './database-session.js';
import { ENGINE_DRIVERS } from './engine-drivers.js';
import { buildHello } from './hello-builder.js';

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
// Task names become file names and config keys.
const TASK_NAME = /^[a-z][a-z0-9_]*$/;
// What collect_replication=false turns off: PostgreSQL's replication task and ClickHouse's replica tasks.
const REPLICATION_TASKS = new Set(['replication', 'replicas', 'replication_queue']);
// The last settings the server sent, so a restart honours them before the next Welcome.
const SETTINGS_FILE = 'server-settings.json';

/** One database's collection settings from the server (PATCH /databases/{id}), applied without a restart. */
export interface DatabaseSettings {
  /** Every task's interval on this database, when set; otherwise config `intervals:` or the task's default. */
  readonly pollIntervalSeconds: number | undefined;
  readonly collectExplainPlans: boolean;
  readonly collectReplication: boolean;
  readonly disabledCollectors: ReadonlySet<string>;
}

const DEFAULT_SETTINGS: DatabaseSettings = { pollIntervalSeconds: undefined, collectExplainPlans: true, collectReplication: true, disabledCollectors: new Set() };

/** The wire message as plain settings (0 seconds: no override). */
function settingsFromWire(wire: vigil.v1.DatabaseSettings.$Properties): DatabaseSettings {
  const seconds = wire.pollIntervalSeconds ?? 0;
  return {
    pollIntervalSeconds: seconds > 0 ? seconds : undefined,
    collectExplainPlans: wire.collectExplainPlans ?? true,
    collectReplication: wire.collectReplication ?? true,
    disabledCollectors: new Set(wire.disabledCollectors ?? []),
  };
}

interface MonitoredDatabase {
  readonly database: DatabaseConfig;
  readonly session: DatabaseSession<unknown>;
  readonly log: Logger;
  /** Whether the last connect failed, so an outage is logged once rather than per task and interval. */
  unreachable: boolean;
}

/** One task on one database: its schedule, its run in progress and its committed state. */
interface TaskSlot {
  readonly monitored: MonitoredDatabase;
  readonly task: CollectorTask<unknown, unknown>;
  /** From config `intervals:` or the task's default; the server's poll_interval_seconds may override it. */
  readonly configuredIntervalMs: number;
  intervalMs: number;
  statementTimeoutMs: number;
  /** Turned off by the database's settings: not scheduled until turned on again. */
  disabled: boolean;
  readonly log: Logger;
  timer: NodeJS.Timeout | undefined;
  /** From launch until the run is over and the task's own promise has settled (a cancelled task may linger). */
  busy: boolean;
  controller: AbortController | undefined;
  /** The run as the runner sees it: settles at completion, failure or cancellation. */
  job: Promise<void> | undefined;
  /** The last committed state: `previous` for the next run, and where its window starts. */
  state: TaskState | undefined;
  /** Status codes last reported, so an unchanged problem is reported once. */
  reportedStatuses: string;
  /** Whether the last run failed, so a persistent failure is logged once as a warning. */
  failing: boolean;
  /** For heartbeats: when the task last committed and last failed, and why (secrets redacted). */
  lastSuccessMs: number;
  lastErrorMs: number;
  lastError: string;
}

/** Margin before the next due time by which a run must be over, so the next one starts on time. */
function cancelMarginMs(intervalMs: number): number {
  return Math.min(1000, intervalMs / 10);
}

/** Each query's limit: the config's query_timeout, but never past the run's own deadline. */
function statementTimeoutFor(queryTimeoutMs: number, intervalMs: number): number {
  return Math.min(queryTimeoutMs, intervalMs - cancelMarginMs(intervalMs));
}

/**
 * Runs every collector task on every database on its own interval, aligned to the wall clock
 * (a 60 s task runs on the minute), through a bounded pool. A run still going when its next is
 * due is cancelled; one failing task or database never stops the others.
 *
 * Each run's records become their own batches, windowed from that task's previous run: tasks on
 * one database have different intervals and windows, so they never share a batch. Commits are
 * serialized: stage the batches in the spool (durable, not yet sendable) → save the task's state
 * with the seq counter (the commit point) → publish the batches to the connection. A crash before
 * the state save leaves batches at or above the saved seq, which the spool deletes at start while
 * the task collects that window again from its older state; a crash after it leaves committed
 * batches that are replayed. Nothing is lost and nothing is counted twice.
 */
export class AgentRunner {
  readonly #config: AgentConfig;
  readonly #log: Logger;
  readonly #secrets: readonly string[];
  readonly #stateStore: StateStore;
  readonly #pool: PQueue;
  readonly #timing: Partial<ConnectionTiming> | undefined;
  readonly #databases: MonitoredDatabase[] = [];
  readonly #slots: TaskSlot[] = [];
  readonly #settings = new Map<string, DatabaseSettings>();
  readonly #commands: CommandDispatcher;
  readonly #startedMs = Date.now();
  #cpuMark = { at: performance.now(), usage: process.cpuUsage() };
  #cpuPercent = 0;
  // Settings writes run one at a time, so two quick updates cannot interleave on the temp file.
  #settingsSaves: Promise<void> = Promise.resolve();
  #queue: BatchQueue | undefined;
  #connection: AgentConnection | undefined;
  #nextSeq = 0;
  #commits: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(options: AgentRunnerOptions) {
    const { config, logger } = options;
    this.#config = config;
    this.#log = logger;
    this.#secrets = secretsInConfig(config);
    this.#queue = options.queue;
    this.#stateStore = options.stateStore ?? new FileStateStore(config.spoolDir);
    this.#timing = options.timing;
    this.#pool = new PQueue({ concurrency: options.concurrency ?? DEFAULT_CONCURRENCY });
    const engines = options.engines ?? ENGINE_DRIVERS;
    for (const database of config.databases) {
      const driver = engines[database.engine];
      const log = logger.child({ database: database.name });
      if (!driver) {
        log.info({ engine: database.engine }, `no ${database.engine} collectors in this agent version; the database is announced to the server only`);
        continue;
      }
      const monitored: MonitoredDatabase = { database, session: driver.openSession(database, { statementTimeoutMs: config.queryTimeoutMs }), log, unreachable: false };
      this.#databases.push(monitored);
      for (const task of driver.tasks) {
        if (!TASK_NAME.test(task.name)) throw new Error(`collector task name "${task.name}" must match ${TASK_NAME}`);
        const intervalMs = config.intervals[task.name] ?? task.defaultIntervalMs;
        this.#slots.push({
          monitored,
          task,
          configuredIntervalMs: intervalMs,
          intervalMs,
          statementTimeoutMs: statementTimeoutFor(config.queryTimeoutMs, intervalMs),
          disabled: false,
          log: log.child({ task: task.name }),
          timer: undefined,
          busy: false,
          controller: undefined,
          job: undefined,
          state: undefined,
          reportedStatuses: '',
          failing: false,
          lastSuccessMs: 0,
          lastErrorMs: 0,
          lastError: '',
        });
      }
    }
    this.#commands = new CommandDispatcher({
      databases: config.databases,
      explainAllowed: (name) => this.#settingsOf(name).collectExplainPlans,
      status: () => this.status(),
      secrets: this.#secrets,
      logger,
    });
  }

  /** Restores state and the spool, takes a first run of every task (baselines, server versions for Hello), then connects and schedules. */
  async start(): Promise<void> {
    const saved = await this.#stateStore.load();
    for (const { file, reason } of saved.quarantined) this.#log.error({ file, reason }, 'a collector state file was unreadable; moved it to quarantine (that collector starts from a fresh baseline)');
    const byKey = new Map(saved.tasks.map((state) => [taskStateKey(state.database, state.task), state]));
    for (const slot of this.#slots) slot.state = byKey.get(taskStateKey(slot.monitored.database.name, slot.task.name));
    await this.#restoreSettings();

    if (!this.#queue) {
      const { queue, report } = await DiskBatchQueue.open({
        dir: this.#config.spoolDir,
        maxBytes: this.#config.spoolMaxBytes,
        committedBelowSeq: saved.nextSeq,
        logger: this.#log,
      });
      this.#queue = queue;
      this.#reportSpool(report);
    }
    const lastSpooled = this.#queue.entries().at(-1)?.seq;
    // With no history at all, start from the clock: still above anything an earlier agent without state sent.
    this.#nextSeq = saved.nextSeq === undefined && lastSpooled === undefined ? Date.now() : Math.max(saved.nextSeq ?? 0, (lastSpooled ?? 0) + 1);

    await Promise.all(this.#slots.filter((slot) => !slot.disabled).map((slot) => this.#launch(slot, Date.now() + slot.intervalMs - cancelMarginMs(slot.intervalMs))));
    if (this.#stopped) return;
    this.#connection = new AgentConnection({
      serverUrl: this.#config.serverUrl,
      apiKey: this.#config.apiKey,
      hello: () => buildHello(this.#config.databases, (name) => this.#databases.find((m) => m.database.name === name)?.session.serverVersion),
      queue: this.#queue,
      logger: this.#log,
      timing: this.#timing,
      proxyUrl: this.#config.proxy?.url,
      tlsCa: this.#config.tlsCa,
      commands: (command) => this.#commands.handle(command),
      heartbeat: () => this.#heartbeat(),
    });
    this.#connection.on('settings', (settings) => void this.#applySettings(settings));
    this.#connection.start();
    for (const slot of this.#slots) if (!slot.disabled) this.#schedule(slot);
    this.#log.info({ databases: this.#config.databases.length, tasks: this.#slots.length, spoolDir: this.#config.spoolDir, proxy: this.#config.proxy?.source }, 'agent running');
  }

  /** Stops scheduling, cancels runs in progress (they commit nothing, so their windows are collected next start), then closes everything. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const slot of this.#slots) {
      clearTimeout(slot.timer);
      slot.controller?.abort(new RunCancelledError('the agent is shutting down'));
    }
    await Promise.all(this.#slots.map((slot) => slot.job));
    await this.#commits;
    await this.#settingsSaves;
    await this.#connection?.close();
    await Promise.all(this.#databases.map((monitored) => monitored.session.close()));
  }

  /** The agent's own report: what the status command answers and heartbeats summarize. */
  status(): unknown {
    const stats = this.#queue?.stats();
    return {
      agent_version: AGENT_VERSION,
      hostname: os.hostname(),
      uptime_s: Math.round((Date.now() - this.#startedMs) / 1000),
      rss_bytes: process.memoryUsage.rss(),
      cpu_percent: this.#cpuPercent,
      connected: this.#connection?.ready ?? false,
      spool: { batches: stats?.batches ?? 0, bytes: stats?.bytes ?? 0, evicted_batches: stats?.droppedBatches ?? 0 },
      databases: this.#config.databases.map((database) => {
        const monitored = this.#databases.find((m) => m.database === database);
        const settings = this.#settingsOf(database.name);
        return {
          name: database.name,
          engine: database.engine,
          server_version: monitored?.session.serverVersion ?? null,
          reachable: monitored ? !monitored.unreachable : null,
          settings: {
            poll_interval_seconds: settings.pollIntervalSeconds ?? null,
            collect_explain_plans: settings.collectExplainPlans,
            collect_replication: settings.collectReplication,
            disabled_collectors: [...settings.disabledCollectors],
          },
          collectors: this.#slots.filter((slot) => slot.monitored === monitored).map((slot) => ({
            collector: slot.task.name,
            interval_s: slot.intervalMs / 1000,
            disabled: slot.disabled,
            last_success_at: slot.lastSuccessMs ? new Date(slot.lastSuccessMs).toISOString() : null,
            last_error_at: slot.lastErrorMs ? new Date(slot.lastErrorMs).toISOString() : null,
            last_error: slot.lastError || null,
            statuses: slot.reportedStatuses ? slot.reportedStatuses.split(',') : [],
          })),
        };
      }),
    };
  }

  #heartbeat(): HeartbeatReport {
    // CPU since the previous heartbeat, as a share of one core: user + system time over wall time.
    const now = { at: performance.now(), usage: process.cpuUsage() };
    const cpuMs = (now.usage.user - this.#cpuMark.usage.user + now.usage.system - this.#cpuMark.usage.system) / 1000;
    const wallMs = now.at - this.#cpuMark.at;
    this.#cpuPercent = wallMs > 0 ? Math.round((cpuMs / wallMs) * 10_000) / 100 : 0;
    this.#cpuMark = now;
    return {
      agentVersion: AGENT_VERSION,
      uptimeS: (Date.now() - this.#startedMs) / 1000,
      rssBytes: process.memoryUsage.rss(),
      cpuPercent: this.#cpuPercent,
      collectors: this.#slots.map((slot) => ({
        database: slot.monitored.database.name,
        collector: slot.task.name,
        lastSuccessMs: slot.lastSuccessMs,
        lastErrorMs: slot.lastErrorMs,
        lastError: slot.lastError,
        statuses: slot.reportedStatuses ? slot.reportedStatuses.split(',') : [],
        disabled: slot.disabled,
        intervalS: Math.round(slot.intervalMs / 1000),
      })),
    };
  }

  #settingsOf(database: string): DatabaseSettings {
    return this.#settings.get(database) ?? DEFAULT_SETTINGS;
  }

  /** Applies the server's settings: reschedules tasks whose interval changed, stops and restarts those turned off and on. */
  async #applySettings(wire: readonly vigil.v1.DatabaseSettings.$Properties[], persist = true): Promise<void> {
    for (const entry of wire) {
      const name = entry.database ?? '';
      if (!this.#config.databases.some((db) => db.name === name)) continue;
      const settings = settingsFromWire(entry);
      this.#settings.set(name, settings);
      for (const slot of this.#slots) {
        if (slot.monitored.database.name !== name) continue;
        const intervalMs = settings.pollIntervalSeconds === undefined ? slot.configuredIntervalMs : settings.pollIntervalSeconds * 1000;
        const disabled = settings.disabledCollectors.has(slot.task.name) || (!settings.collectReplication && REPLICATION_TASKS.has(slot.task.name));
        if (intervalMs === slot.intervalMs && disabled === slot.disabled) continue;
        slot.log.info({ intervalMs, disabled }, disabled ? 'turned off by the server settings' : 'schedule changed by the server settings');
        slot.intervalMs = intervalMs;
        slot.statementTimeoutMs = statementTimeoutFor(this.#config.queryTimeoutMs, intervalMs);
        slot.disabled = disabled;
        clearTimeout(slot.timer);
        slot.timer = undefined;
        // Before start() schedules (settings restored from disk), scheduling is start()'s job.
        if (!disabled && this.#connection && !this.#stopped) this.#schedule(slot);
      }
    }
    if (persist) {
      this.#settingsSaves = this.#settingsSaves.then(() => this.#saveSettings(wire));
      await this.#settingsSaves;
    }
  }

  /** Remembers the server's settings in the spool dir (atomically), merged over what was saved before. */
  async #saveSettings(wire: readonly vigil.v1.DatabaseSettings.$Properties[]): Promise<void> {
    const file = path.join(this.#config.spoolDir, SETTINGS_FILE);
    const saved = new Map((await this.#readSavedSettings()).map((entry) => [entry.database, entry]));
    for (const entry of wire) saved.set(entry.database, entry);
    try {
      await writeFile(`${file}.tmp`, JSON.stringify([...saved.values()]));
      await rename(`${file}.tmp`, file);
    } catch (err) {
      this.#log.warn({ reason: describeError(err) }, 'could not save the server settings; they apply until the agent restarts');
    }
  }

  async #readSavedSettings(): Promise<vigil.v1.DatabaseSettings.$Properties[]> {
    try {
      const value: unknown = JSON.parse(await readFile(path.join(this.#config.spoolDir, SETTINGS_FILE), 'utf8'));
      return Array.isArray(value) ? (value as vigil.v1.DatabaseSettings.$Properties[]) : [];
    } catch {
      // No file yet (first start, or never told anything): defaults until Welcome.
      return [];
    }
  }

  async #restoreSettings(): Promise<void> {
    await this.#applySettings(await this.#readSavedSettings(), false);
  }

  #schedule(slot: TaskSlot): void {
    const delay = slot.intervalMs - (Date.now() % slot.intervalMs);
    slot.timer = setTimeout(() => {
      if (this.#stopped || slot.disabled) return;
      const dueMs = Date.now();
      this.#schedule(slot);
      void this.#launch(slot, dueMs + slot.intervalMs - cancelMarginMs(slot.intervalMs));
    }, delay);
  }

  /** Starts one run that must be over by `deadlineMs`; resolves when the run is (never rejects). */
  #launch(slot: TaskSlot, deadlineMs: number): Promise<void> {
    if (slot.busy) {
      slot.log.warn('the previous run is still going after being cancelled; skipping this interval');
      return Promise.resolve();
    }
    slot.busy = true;
    const controller = new AbortController();
    slot.controller = controller;
    const { signal } = controller;
    const timer = setTimeout(
      () => controller.abort(new RunCancelledError(`the run took longer than its ${slot.intervalMs / 1000}s interval allows`)),
      Math.max(0, deadlineMs - Date.now()),
    );
    let lingering: Promise<unknown> = Promise.resolve();
    const job = this.#pool
      .add(() => this.#execute(slot, signal, (running) => (lingering = running.catch(() => undefined))), { signal })
      .then(
        () => this.#succeeded(slot),
        (err: unknown) => this.#failed(slot, err, signal),
      )
      .finally(() => clearTimeout(timer));
    slot.job = job;
    void job
      .then(() => lingering)
      .then(() => {
        slot.busy = false;
        if (slot.controller === controller) slot.controller = undefined;
      });
    return job;
  }

  async #execute(slot: TaskSlot, signal: AbortSignal, track: (running: Promise<unknown>) => void): Promise<void> {
    const { monitored, task } = slot;
    let client: unknown;
    try {
      client = await monitored.session.client({ signal, statementTimeoutMs: slot.statementTimeoutMs });
    } catch (err) {
      if (signal.aborted) throw err;
      monitored.session.failed(err);
      const reason = redactText(describeError(err), this.#secrets);
      if (!monitored.unreachable) monitored.log.warn({ reason }, 'cannot connect to the database; retrying every interval');
      monitored.unreachable = true;
      throw new DatabaseUnreachable();
    }
    if (monitored.unreachable) monitored.log.info('the database is reachable again');
    monitored.unreachable = false;
    const nowMs = Date.now();
    const running = task.run({ client, previous: slot.state?.persisted, nowMs, signal });
    track(running);
    const result = await raceAbort(running, signal);
    this.#reportStatuses(slot, result.statuses);
    // Past this point the run is done; a commit is never interrupted halfway.
    await this.#commit(slot, nowMs, result);
  }

  #succeeded(slot: TaskSlot): void {
    if (slot.failing) slot.log.info('the collector works again');
    slot.failing = false;
    slot.lastSuccessMs = Date.now();
    slot.lastError = '';
  }

  #failed(slot: TaskSlot, err: unknown, signal: AbortSignal): void {
    if (this.#stopped) return;
    slot.lastErrorMs = Date.now();
    if (err instanceof DatabaseUnreachable) {
      slot.lastError = 'cannot connect to the database';
      return;
    }
    if (signal.aborted) {
      const reason = describeError(signal.reason);
      slot.lastError = `run cancelled: ${reason}`;
      if (slot.failing) slot.log.debug({ reason }, 'run cancelled again');
      else slot.log.warn({ reason, intervalMs: slot.intervalMs }, 'run cancelled; nothing from it is sent and its window is collected by the next run');
      slot.failing = true;
      return;
    }
    slot.monitored.session.failed(err);
    const reason = redactText(describeError(err), this.#secrets);
    slot.lastError = reason;
    if (slot.failing) slot.log.debug({ reason }, 'collector still failing');
    else slot.log.warn({ reason }, 'collector failed; retrying every interval');
    slot.failing = true;
  }

  /** Runs commits one at a time, in the order runs finish: seqs are handed out inside, so they follow commit order. */
  #commit(slot: TaskSlot, nowMs: number, result: TaskResult<unknown>): Promise<void> {
    const commit = this.#commits.then(() => this.#commitNow(slot, nowMs, result));
    this.#commits = commit.catch(() => undefined);
    return commit;
  }

  async #commitNow(slot: TaskSlot, nowMs: number, result: TaskResult<unknown>): Promise<void> {
    const queue = this.#queue!;
    const database = slot.monitored.database.name;
    const built = buildBatches({ database, windowStartMs: slot.state?.lastRunMs ?? nowMs, windowEndMs: nowMs }, result.records);
    if (built.oversized > 0) slot.log.error({ records: built.oversized }, 'left out records too large for any frame');
    const batches: QueuedBatch[] = built.batches.map((content) => ({ ...content, batchId: uuidv7(), seq: this.#nextSeq++ }));
    const state: TaskState = { database, task: slot.task.name, lastRunMs: nowMs, persisted: result.persisted };
    if (batches.length === 0 && result.persisted === undefined && slot.state?.persisted === undefined) {
      // Nothing to send and nothing to remember: skip the disk write (a stateless task on an idle server).
      slot.state = state;
      return;
    }
    const staged = await queue.stage(batches);
    try {
      await this.#stateStore.save(state, this.#nextSeq);
    } catch (err) {
      await queue.discard(staged).catch(() => undefined);
      throw err;
    }
    slot.state = state;
    const evicted = await queue.publish(staged);
    if (evicted > 0) {
      const stats = queue.stats();
      this.#log.warn(
        { evicted, droppedTotal: stats.droppedBatches, spoolBytes: stats.bytes, spoolMaxBytes: this.#config.spoolMaxBytes },
        'the spool is full; evicted the oldest unsent batches (raise spool_max_bytes to hold a longer outage)',
      );
    }
    if (batches.length > 0) this.#connection?.flush();
    slot.log.debug({ batches: batches.length }, 'collected');
  }

  #reportSpool(report: SpoolOpenReport): void {
    const spool = path.join(this.#config.spoolDir, 'batches');
    if (report.replayed > 0) this.#log.info({ batches: report.replayed, bytes: report.bytes, spool }, 'replaying batches spooled before the restart');
    if (report.discarded > 0) {
      this.#log.info({ batches: report.discarded }, 'deleted batches of a run interrupted before its state was saved; that window is collected again');
    }
    for (const { file, reason } of report.quarantined) this.#log.error({ file, reason }, 'a spooled batch is unreadable; moved it to quarantine (counted as dropped)');
    if (report.evicted > 0) this.#log.warn({ evicted: report.evicted, spoolMaxBytes: this.#config.spoolMaxBytes }, 'the spool was over spool_max_bytes; evicted the oldest batches');
  }

  #reportStatuses(slot: TaskSlot, statuses: readonly TaskStatus[]): void {
    const codes = statuses.map((status) => status.code).join(',');
    if (codes === slot.reportedStatuses) return;
    const hadStatuses = slot.reportedStatuses !== '';
    slot.reportedStatuses = codes;
    if (statuses.length === 0 && hadStatuses) slot.log.info('the collector is fully available again');
    for (const status of statuses) {
      // A source the release lacks is nothing to act on; anything else has a fix the operator should see.
      const level = collectorStatus(status.code)?.severity === 'info' ? 'info' : 'warn';
      slot.log[level]({ status: status.code, fixSql: status.fixSql, restartRequired: status.restartRequired }, status.message);
    }
  }
}

/** A run that could not start because its database is down: already logged per database. */
class DatabaseUnreachable extends Error {}
