import PQueue from 'p-queue';
import { collectorStatus, type EngineName } from '@vigil/shared';
import type { AgentConfig, DatabaseConfig } from '../config/agent-config.js';
import { redactText } from '../config/secret-redaction.js';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import { taskStateKey, type TaskState } from '../state/persistent-state.js';
import type { RunToCommit } from './batch-committer.js';
import type { CollectorTask, TaskStatus } from './collector-task.js';
import { RunCancelledError, raceAbort, type DatabaseSession, type EngineDriver } from './database-session.js';
import { taskSchedule, type DatabaseSettings } from './server-settings-store.js';

// Task names become file names and config keys.
const TASK_NAME = /^[a-z][a-z0-9_]*$/;

export interface TaskSchedulerOptions {
  readonly config: Pick<AgentConfig, 'databases' | 'intervals' | 'queryTimeoutMs'>;
  readonly logger: Logger;
  readonly engines: Readonly<Partial<Record<EngineName, EngineDriver<unknown>>>>;
  /** Task runs in flight at once across every database. */
  readonly concurrency: number;
  /** Redacted from every error the scheduler logs or reports. */
  readonly secrets: readonly string[];
  /** Commits a finished run (runs' commits are the caller's: spool, state, connection). */
  readonly commit: (run: RunToCommit) => Promise<void>;
}

/** One collector on one database as the status report shows it. */
export interface CollectorReport {
  readonly database: string;
  readonly collector: string;
  readonly intervalMs: number;
  readonly disabled: boolean;
  /** When the task last committed and last failed (0: never), and why it failed (secrets redacted). */
  readonly lastSuccessMs: number;
  readonly lastErrorMs: number;
  readonly lastError: string;
  readonly statuses: readonly string[];
}

/** One monitored database as the status report shows it. */
export interface DatabaseReport {
  readonly serverVersion: string | undefined;
  readonly reachable: boolean;
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
  /** The run as the scheduler sees it: settles at completion, failure or cancellation. */
  job: Promise<void> | undefined;
  /** The last committed state: `previous` for the next run, and where its window starts. */
  state: TaskState | undefined;
  /** Status codes last reported, so an unchanged problem is reported once. */
  reportedStatuses: string;
  /** Whether the last run failed, so a persistent failure is logged once as a warning. */
  failing: boolean;
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
 * due is cancelled; one failing task or database never stops the others. Each finished run goes
 * to `commit`, one task's runs never overlapping.
 */
export class TaskScheduler {
  readonly #options: TaskSchedulerOptions;
  readonly #pool: PQueue;
  readonly #databases: MonitoredDatabase[] = [];
  readonly #slots: TaskSlot[] = [];
  #scheduling = false;
  #stopped = false;

  constructor(options: TaskSchedulerOptions) {
    this.#options = options;
    const { config, logger, engines } = options;
    this.#pool = new PQueue({ concurrency: options.concurrency });
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
  }

  /** How many tasks there are across every database. */
  get taskCount(): number {
    return this.#slots.length;
  }

  /** Gives each task its state saved on disk. */
  restore(states: readonly TaskState[]): void {
    const byKey = new Map(states.map((state) => [taskStateKey(state.database, state.task), state]));
    for (const slot of this.#slots) slot.state = byKey.get(taskStateKey(slot.monitored.database.name, slot.task.name));
  }

  /** Reschedules tasks whose interval changed under new settings, stops and restarts those turned off and on. */
  applySettings(applied: ReadonlyArray<readonly [string, DatabaseSettings]>): void {
    for (const [name, settings] of applied) {
      for (const slot of this.#slots) {
        if (slot.monitored.database.name !== name) continue;
        const { intervalMs, disabled } = taskSchedule(settings, slot.task.name, slot.configuredIntervalMs);
        if (intervalMs === slot.intervalMs && disabled === slot.disabled) continue;
        slot.log.info({ intervalMs, disabled }, disabled ? 'turned off by the server settings' : 'schedule changed by the server settings');
        slot.intervalMs = intervalMs;
        slot.statementTimeoutMs = statementTimeoutFor(this.#options.config.queryTimeoutMs, intervalMs);
        slot.disabled = disabled;
        clearTimeout(slot.timer);
        slot.timer = undefined;
        // Before scheduleAll() (settings restored from disk), scheduling is its job.
        if (!disabled && this.#scheduling && !this.#stopped) this.#schedule(slot);
      }
    }
  }

  /** One run of every task that is on, now (baselines, and server versions for Hello). */
  runAll(): Promise<unknown> {
    return Promise.all(this.#slots.filter((slot) => !slot.disabled).map((slot) => this.#launch(slot, Date.now() + slot.intervalMs - cancelMarginMs(slot.intervalMs))));
  }

  /** Schedules every task that is on, from now on. */
  scheduleAll(): void {
    this.#scheduling = true;
    for (const slot of this.#slots) if (!slot.disabled) this.#schedule(slot);
  }

  /** Stops scheduling and cancels runs in progress (they commit nothing); resolves when they are over. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const slot of this.#slots) {
      clearTimeout(slot.timer);
      slot.controller?.abort(new RunCancelledError('the agent is shutting down'));
    }
    await Promise.all(this.#slots.map((slot) => slot.job));
  }

  async closeSessions(): Promise<void> {
    await Promise.all(this.#databases.map((monitored) => monitored.session.close()));
  }

  /** A monitored database's version and reachability; undefined when this agent has no collectors for its engine. */
  database(name: string): DatabaseReport | undefined {
    const monitored = this.#databases.find((m) => m.database.name === name);
    return monitored && { serverVersion: monitored.session.serverVersion, reachable: !monitored.unreachable };
  }

  /** Every task on every database, as the status report shows it. */
  collectors(): CollectorReport[] {
    return this.#slots.map((slot) => ({
      database: slot.monitored.database.name,
      collector: slot.task.name,
      intervalMs: slot.intervalMs,
      disabled: slot.disabled,
      lastSuccessMs: slot.lastSuccessMs,
      lastErrorMs: slot.lastErrorMs,
      lastError: slot.lastError,
      statuses: slot.reportedStatuses ? slot.reportedStatuses.split(',') : [],
    }));
  }

  /**
   * Arms the slot's timer for its next boundary on the wall clock. Node's timers keep a monotonic
   * clock and can fire a millisecond before the wall clock reaches the boundary; launching then and
   * counting the next boundary from that moment would give the same one again, a second launch of the
   * interval that finds the first busy. An early timer only re-arms: for the same boundary, or for the
   * next one after now if the wall clock was set back.
   */
  #schedule(slot: TaskSlot, now = Date.now()): void {
    const boundaryMs = now - (now % slot.intervalMs) + slot.intervalMs;
    slot.timer = setTimeout(() => {
      if (this.#stopped || slot.disabled) return;
      const dueMs = Date.now();
      this.#schedule(slot, dueMs);
      if (dueMs < boundaryMs) return;
      void this.#launch(slot, dueMs + slot.intervalMs - cancelMarginMs(slot.intervalMs));
    }, boundaryMs - now);
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
      const reason = redactText(describeError(err), this.#options.secrets);
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
    this.#logStatuses(slot, result.statuses);
    // Past this point the run is done; a commit is never interrupted halfway.
    await this.#options.commit({
      database: monitored.database.name,
      task: task.name,
      log: slot.log,
      previous: slot.state,
      nowMs,
      result,
      committed: (state) => (slot.state = state),
    });
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
    const reason = redactText(describeError(err), this.#options.secrets);
    slot.lastError = reason;
    if (slot.failing) slot.log.debug({ reason }, 'collector still failing');
    else slot.log.warn({ reason }, 'collector failed; retrying every interval');
    slot.failing = true;
  }

  /** Logs a task's statuses when they change, so an unchanged problem is reported once. */
  #logStatuses(slot: TaskSlot, statuses: readonly TaskStatus[]): void {
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
