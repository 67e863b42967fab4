import { EventEmitter } from 'node:events';
import type { Logger } from '../logger.js';

/** New telemetry of one database is durable: its rows are written and its batch ids are in the ledger. */
export interface StoredEvent {
  readonly orgId: string;
  readonly databaseId: string;
  /** Which record kinds the batches carried rows of (`statements`, `statement_texts`, `pg_activity`, …), sorted. */
  readonly recordKinds: readonly string[];
  /** The batches stored, in arrival order; never a duplicate (a replay already in the ledger is not stored again). */
  readonly batchIds: readonly string[];
}

export interface IngestEventMap {
  /** One event per database per flush of the ingest queue, after the ledger recorded its batches. */
  stored: [event: StoredEvent];
}

/**
 * What ingestion tells the rest of the server (engines re-evaluating a database when its data
 * arrives, instead of polling). In-process only: each server process hears about the batches it
 * stored itself, so work that must happen once across processes also takes a lease (LeaseStore).
 */
export class IngestEvents extends EventEmitter<IngestEventMap> {
  readonly #log: Logger | undefined;

  constructor(logger?: Logger) {
    super();
    this.#log = logger?.child({ component: 'ingest-events' });
  }

  /**
   * Tells every `stored` listener. A listener that throws, or returns a promise that rejects, is
   * logged and skipped: it never fails the ingest that is reporting, nor the other listeners.
   */
  emitStored(event: StoredEvent): void {
    for (const listener of this.listeners('stored')) {
      try {
        const result: unknown = listener.call(this, event);
        if (result instanceof Promise) result.catch((err: unknown) => this.#failed(err, event));
      } catch (err) {
        this.#failed(err, event);
      }
    }
  }

  #failed(err: unknown, event: StoredEvent): void {
    this.#log?.error({ err, database_id: event.databaseId, batches: event.batchIds.length }, 'a stored-event listener failed');
  }
}
