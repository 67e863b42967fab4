import { collectStatements } from '../collectors/postgres/statements-collector.js';
import type { AgentConfig, DatabaseConfig } from '../config/agent-config.js';
import { redactText, secretsInConfig } from '../config/secret-redaction.js';
import { diffStatements } from '../diff/statements-diff.js';
import type { Logger } from '../logging/agent-logger.js';
import { describeError } from '../logging/describe-error.js';
import { MemoryBatchQueue, type BatchQueue } from '../spool/batch-queue.js';
import { initialPersistentState, type PersistentState } from '../state/persistent-state.js';
import type { StatementsStatus } from '../state/postgres-statements-state.js';
import { statementsToWire } from '../transform/statements-transform.js';
import { AgentConnection, type ConnectionTiming } from '../transport/agent-connection.js';
import { buildStatementBatches } from './batch-builder.js';
import { buildHello } from './hello-builder.js';
import { PostgresSession } from './postgres-session.js';

export interface AgentRunnerOptions {
  readonly config: AgentConfig;
  readonly logger: Logger;
  readonly queue?: BatchQueue;
  readonly timing?: Partial<ConnectionTiming>;
}

interface MonitoredPostgres {
  readonly database: DatabaseConfig;
  readonly session: PostgresSession;
  readonly log: Logger;
  /** The run in progress, so a slow database skips a tick instead of piling up runs. */
  running: Promise<void> | undefined;
  /** Status codes last logged, so an unchanged problem is not logged every interval. */
  reportedStatuses: string;
  /** Whether the last run failed, so an outage is logged once as a warning rather than every interval. */
  failing: boolean;
}

/**
 * Runs the pipeline: every `intervals.statements`, aligned to the wall clock, each PostgreSQL
 * database is collected, diffed against its previous totals, transformed and queued, and the
 * connection delivers the queue. Each database fails on its own: a failure is logged against
 * that database and the others carry on.
 */
export class AgentRunner {
  readonly #config: AgentConfig;
  readonly #log: Logger;
  readonly #queue: BatchQueue;
  readonly #connection: AgentConnection;
  readonly #postgres: MonitoredPostgres[];
  readonly #secrets: readonly string[];
  #state: PersistentState;
  #tick: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: AgentRunnerOptions) {
    this.#config = options.config;
    this.#log = options.logger;
    this.#queue = options.queue ?? new MemoryBatchQueue();
    this.#secrets = secretsInConfig(options.config);
    this.#state = initialPersistentState(Date.now());
    this.#postgres = options.config.databases
      .filter((database) => database.engine === 'postgres')
      .map((database) => ({
        database,
        session: new PostgresSession(database),
        log: options.logger.child({ database: database.name }),
        running: undefined,
        reportedStatuses: '',
        failing: false,
      }));
    this.#connection = new AgentConnection({
      serverUrl: options.config.serverUrl,
      apiKey: options.config.apiKey,
      hello: () => buildHello(this.#config.databases, (name) => this.#postgres.find((m) => m.database.name === name)?.session.serverVersion),
      queue: this.#queue,
      logger: options.logger,
      timing: options.timing,
    });
  }

  /** Takes the first baseline (which also learns server versions for Hello), then connects and schedules collection. */
  async start(): Promise<void> {
    for (const database of this.#config.databases) {
      if (database.engine === 'clickhouse') {
        this.#log.info({ database: database.name }, 'ClickHouse collectors come in a later release; the database is announced to the server only');
      }
    }
    await Promise.all(this.#postgres.map((monitored) => this.#collect(monitored)));
    if (this.#stopped) return;
    this.#connection.start();
    this.#scheduleTick();
    this.#log.info({ databases: this.#config.databases.length, intervalMs: this.#config.intervals.statements }, 'agent running');
  }

  /** Stops collecting, lets runs in progress finish, then closes every connection. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#tick);
    await Promise.all(this.#postgres.map((monitored) => monitored.running));
    await this.#connection.close();
    await Promise.all(this.#postgres.map((monitored) => monitored.session.close()));
  }

  #scheduleTick(): void {
    const interval = this.#config.intervals.statements;
    // Aligned to the clock (10:00:00, 10:01:00, ...) so windows line up across databases and agents.
    const delay = interval - (Date.now() % interval);
    this.#tick = setTimeout(() => {
      if (this.#stopped) return;
      this.#scheduleTick();
      for (const monitored of this.#postgres) void this.#collect(monitored);
    }, delay);
  }

  #collect(monitored: MonitoredPostgres): Promise<void> {
    if (monitored.running) {
      monitored.log.warn('the previous collection is still running; skipping this interval');
      return monitored.running;
    }
    monitored.running = this.#collectStatements(monitored).finally(() => {
      monitored.running = undefined;
    });
    return monitored.running;
  }

  async #collectStatements(monitored: MonitoredPostgres): Promise<void> {
    const { database, session, log } = monitored;
    try {
      const client = await session.client();
      const collectedAtMs = Date.now();
      const snapshot = await collectStatements(client);
      if (monitored.failing) log.info('statements collection works again');
      monitored.failing = false;
      this.#reportStatuses(monitored, snapshot.statuses);
      if (snapshot.rows === null) return;
      const previous = this.#state.statements[database.name];
      const diff = diffStatements(previous, { collectedAtMs, statsResetMs: snapshot.statsResetMs, rows: snapshot.rows });
      if (diff.resetEntries > 0) log.info({ entries: diff.resetEntries }, 'statement counters were reset; skipping those entries for this interval');
      if (previous) {
        const statements = statementsToWire(diff.deltas);
        const window = { database: database.name, windowStartMs: previous.collectedAtMs, windowEndMs: collectedAtMs, statements };
        const batches = buildStatementBatches(window, () => this.#takeSeq());
        for (const batch of batches) {
          const dropped = await this.#queue.push(batch);
          if (dropped > 0) log.warn({ dropped }, 'the send queue is full; dropped the oldest unsent batches');
        }
        if (batches.length > 0) this.#connection.flush();
        log.debug({ statements: statements.length, batches: batches.length }, 'statements collected');
      } else {
        log.info({ statements: snapshot.rows.length }, 'statement baseline recorded; deltas follow from the next interval');
      }
      // Only now: if queueing failed, the next run diffs against the old totals and nothing is lost.
      this.#state = { ...this.#state, statements: { ...this.#state.statements, [database.name]: diff.baseline } };
    } catch (err) {
      session.reset();
      const reason = redactText(describeError(err), this.#secrets);
      if (monitored.failing) log.debug({ reason }, 'statements collection still failing');
      else log.warn({ reason }, 'statements collection failed; retrying every interval');
      monitored.failing = true;
    }
  }

  #takeSeq(): number {
    const seq = this.#state.nextSeq;
    this.#state = { ...this.#state, nextSeq: seq + 1 };
    return seq;
  }

  #reportStatuses(monitored: MonitoredPostgres, statuses: readonly StatementsStatus[]): void {
    const codes = statuses.map((status) => status.code).join(',');
    if (codes === monitored.reportedStatuses) return;
    monitored.reportedStatuses = codes;
    if (statuses.length === 0) monitored.log.info('pg_stat_statements is fully available again');
    for (const status of statuses) {
      monitored.log.warn({ status: status.code, fixSql: status.fixSql, restartRequired: status.restartRequired }, status.message);
    }
  }
}
