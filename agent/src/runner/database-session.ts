import type { DatabaseConfig } from '../config/agent-config.js';
import type { CollectorTask } from './collector-task.js';

/**
 * How the runner reaches one engine: its task table and a session per configured database.
 * Engines are a registry (engine-drivers.ts), so ClickHouse is one more entry and tests can
 * inject fake tasks and sessions.
 */

/** What a session needs to know about the run a client is for. */
export interface RunContext {
  /** Aborted when the run overstays its interval; queries not yet sent are refused, and a pending one is abandoned. */
  readonly signal: AbortSignal;
  /** Server-side limit for each query of this run. */
  readonly statementTimeoutMs: number;
}

/** The agent's one connection to one monitored server, shared by every task on it. */
export interface DatabaseSession<Client> {
  /** The server's version as of the last connect; undefined before the first (or while unreachable). */
  readonly serverVersion: string | undefined;
  /** A client for one run, connecting first when there is no connection. */
  client(run: RunContext): Promise<Client>;
  /** Told about a run's failure, so a broken connection is dropped (and reopened on next use) while a failed query is not. */
  failed(err: unknown): void;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** statement_timeout for the session (config query_timeout); runs may ask for less. */
  readonly statementTimeoutMs: number;
}

export interface EngineDriver<Client> {
  readonly tasks: readonly CollectorTask<Client, unknown>[];
  openSession(database: DatabaseConfig, options: SessionOptions): DatabaseSession<Client>;
}

/** The reason a run's signal carries when it is cancelled for overstaying its interval. */
export class RunCancelledError extends Error {
  override readonly name = 'RunCancelledError';
}

/** `work`, or a rejection with the signal's reason as soon as `signal` aborts (the work itself carries on unobserved). */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      work.catch(() => undefined);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err as Error);
      },
    );
  });
}
