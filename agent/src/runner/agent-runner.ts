import path from 'node:path';
import PQueue from 'p-queue';
import { uuidv7, type EngineName } from '@vigil/shared';
import type { AgentConfig, DatabaseConfig } from '../config/agent-config.js';
import { redactText, secretsInConfig } from '../config/secret-redaction.js';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import type { BatchQueue, QueuedBatch } from '../spool/batch-queue.js';
import { DiskBatchQueue, type SpoolOpenReport } from '../spool/disk-batch-queue.js';
import { FileStateStore } from '../state/file-state-store.js';
import { taskStateKey, type StateStore, type TaskState } from '../state/persistent-state.js';
import { AgentConnection, type ConnectionTiming } from '../transport/agent-connection.js';
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
  readonly intervalMs: number;
  readonly statementTimeoutMs: number;
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
}

/** Margin before the next due time by which a run must be over, so the next one starts on time. */
function cancelMarginMs(intervalMs: number): number {
  return Math.min(1000, intervalMs / 10);
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
          intervalMs,
          statementTimeoutMs: Math.min(config.queryTimeoutMs, intervalMs - cancelMarginMs(intervalMs)),
          log: log.child({ task: task.name }),
          timer: undefined,
          busy: false,
          controller: undefined,
          job: undefined,
          state: undefined,
          reportedStatuses: '',
          failing: false,
        });
      }
    }
  }

  /** Restores state and the spool, takes a first run of every task (baselines, server versions for Hello), then connects and schedules. */
  async start(): Promise<void> {
    const saved = await this.#stateStore.load();
    for (const { file, reason } of saved.quarantined) this.#log.error({ file, reason }, 'a collector state file was unreadable; moved it to quarantine (that collector starts from a fresh baseline)');
    const byKey = new Map(saved.tasks.map((state) => [taskStateKey(state.database, state.task), state]));
    for (const slot of this.#slots) slot.state = byKey.get(taskStateKey(slot.monitored.database.name, slot.task.name));

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

    await Promise.all(this.#slots.map((slot) => this.#launch(slot, Date.now() + slot.intervalMs - cancelMarginMs(slot.intervalMs))));
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
    });
    this.#connection.start();
    for (const slot of this.#slots) this.#schedule(slot);
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
    await this.#connection?.close();
    await Promise.all(this.#databases.map((monitored) => monitored.session.close()));
  }

  #schedule(slot: TaskSlot): void {
    const delay = slot.intervalMs - (Date.now() % slot.intervalMs);
    slot.timer = setTimeout(() => {
      if (this.#stopped) return;
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
  }

  #failed(slot: TaskSlot, err: unknown, signal: AbortSignal): void {
    if (err instanceof DatabaseUnreachable) return;
    if (signal.aborted) {
      if (this.#stopped) return;
      const reason = describeError(signal.reason);
      if (slot.failing) slot.log.debug({ reason }, 'run cancelled again');
      else slot.log.warn({ reason, intervalMs: slot.intervalMs }, 'run cancelled; nothing from it is sent and its window is collected by the next run');
      slot.failing = true;
      return;
    }
    slot.monitored.session.failed(err);
    const reason = redactText(describeError(err), this.#secrets);
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
      slot.log.warn({ status: status.code, fixSql: status.fixSql, restartRequired: status.restartRequired }, status.message);
    }
  }
}

/** A run that could not start because its database is down: already logged per database. */
class DatabaseUnreachable extends Error {}
