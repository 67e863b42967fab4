import type { Logger } from '../logger.js';
import type { DroppedPartition, RetentionPolicy, TelemetryStore } from '../storage/telemetry/telemetry-store.js';

/** Partitions are whole days, so an hourly pass drops each one within an hour of it expiring. */
const DEFAULT_INTERVAL_MS = 3600_000;
/** The first pass waits a little, so it does not compete with a start-up burst of reconnecting agents. */
const DEFAULT_FIRST_DELAY_MS = 60_000;

export interface RetentionJobOptions {
  readonly intervalMs?: number;
  readonly firstDelayMs?: number;
}

/**
 * Telemetry retention: on a timer, drops the day partitions each table no longer keeps. Every server
 * process runs it; that is safe (dropping a partition already gone is a no-op) and needs no leader.
 */
export class RetentionJob {
  readonly #telemetry: TelemetryStore;
  readonly #policy: RetentionPolicy;
  readonly #log: Logger;
  readonly #intervalMs: number;
  readonly #firstDelayMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<DroppedPartition[]> | undefined;
  #stopped = false;

  constructor(telemetry: TelemetryStore, policy: RetentionPolicy, logger: Logger, options: RetentionJobOptions = {}) {
    this.#telemetry = telemetry;
    this.#policy = policy;
    this.#log = logger.child({ component: 'retention-job' });
    this.#intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.#firstDelayMs = options.firstDelayMs ?? DEFAULT_FIRST_DELAY_MS;
  }

  /** Schedules the passes: the first after a short delay, then one per interval. */
  start(): void {
    this.#schedule(this.#firstDelayMs);
  }

  /** One pass now (or the one already running); never rejects: a failure is logged and the next pass tries again. */
  runOnce(now: number = Date.now()): Promise<DroppedPartition[]> {
    this.#running ??= this.#telemetry
      .dropExpiredPartitions(this.#policy, now)
      .then(
        (dropped) => {
          if (dropped.length > 0) this.#log.info({ dropped }, 'retention dropped expired partitions');
          return dropped;
        },
        (err: unknown) => {
          this.#log.error({ err }, 'retention pass failed; the next one retries');
          return [];
        },
      )
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  /** Stops scheduling and waits for a pass in progress (before the stores close). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.runOnce().then(() => this.#schedule(this.#intervalMs));
    }, delayMs);
    // A pending pass never keeps the process alive.
    this.#timer.unref();
  }
}
