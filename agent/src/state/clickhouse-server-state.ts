import type { CounterDeltas } from '../diff/counter-diff.js';
import type { TaskStatus } from '../runner/collector-task.js';

/**
 * Server-wide essentials (system.metrics, asynchronous_metrics, events) in their state kinds:
 * - a reading lives for one run (gauges, and event counters cumulative since the server started);
 * - a baseline persists between runs: the counters and uptime the next run diffs against;
 * - a diffed reading pairs the reading with its deltas, ready for the transform.
 * An event the server never counted is absent from system.events and reads as 0.
 */

// ---------------------------------------------------------------- one run

export interface ServerGauges {
  readonly queriesRunning: number;
  readonly mergesRunning: number;
  readonly tcpConnections: number;
  readonly httpConnections: number;
  readonly interserverConnections: number;
  /** The server's allocator accounting (metric MemoryTracking). */
  readonly memoryTrackingBytes: number;
  /** Resident memory: MemoryResident, or jemalloc's resident bytes on releases without it; 0 before the first asynchronous update. */
  readonly memoryResidentBytes: number;
  readonly readonlyReplicas: number;
  readonly maxPartsInPartition: number;
  /** The server's memory limit (max_server_memory_usage as applied, else 0.9 × the host's RAM); 0 where the release tells neither (18.x). */
  readonly memoryLimitBytes: number;
}

/** Cumulative system.events counters, by the wire's names. */
export type ServerCounters = {
  readonly queries: number;
  readonly selectQueries: number;
  readonly insertQueries: number;
  readonly failedQueries: number;
  readonly failedSelectQueries: number;
  readonly failedInsertQueries: number;
  readonly insertedRows: number;
  readonly insertedBytes: number;
  readonly delayedInserts: number;
  readonly rejectedInserts: number;
};

export interface ServerReading {
  readonly statuses: readonly TaskStatus[];
  readonly gauges: ServerGauges;
  /** Null when system.events cannot be read. */
  readonly counters: ServerCounters | null;
}

// ---------------------------------------------------------------- between runs

/** When a counter reading was taken and how long the server had been up then: together, when the server started. */
export interface ServerClock {
  readonly collectedAtMs: number;
  readonly uptimeS: number;
}

export interface ServerBaseline extends ServerClock {
  readonly counters: ServerCounters | null;
}

// ---------------------------------------------------------------- diffed

export interface DiffedServer {
  readonly reading: ServerReading;
  readonly collectedAtMs: number;
  readonly uptimeS: number;
  /** The previous reading's time; null on the first. */
  readonly windowStartMs: number | null;
  /** Undefined on the first reading and after a server restart. */
  readonly deltas: CounterDeltas<ServerCounters> | undefined;
}
