import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, one registry per server instance (tests run several servers
 * in one process). Labels only ever hold values from small fixed sets — results, route patterns,
 * status codes, error codes — never ids, paths or tokens, so series counts stay bounded.
 */

export const INGEST_RESULTS = ['stored', 'duplicate', 'rejected', 'failed'] as const;
export type IngestResultLabel = (typeof INGEST_RESULTS)[number];

// Ack latency spans a flush delay plus an insert; HTTP latency spans a cache hit to a slow query.
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FLUSH_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the metrics read from live state when scraped (queue depth, connected agents). */
export interface MetricSources {
  queueDepth(): { readonly batches: number; readonly bytes: number };
  connectedAgents(): number;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly ingestBatches: Counter<'result'>;
  readonly ingestRows: Counter;
  readonly ackLatency: Histogram;
  readonly flushDuration: Histogram;
  readonly backpressurePauses: Counter;
  readonly throttled: Counter;
  readonly agentErrors: Counter<'code'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  #sources: MetricSources | undefined;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.ingestBatches = new Counter({
      name: 'vigil_ingest_batches_total',
      help: 'Agent batches by outcome: stored, duplicate (already in the ledger), rejected (invalid), failed (storage error)',
      labelNames: ['result'],
      registers,
    });
    for (const result of INGEST_RESULTS) this.ingestBatches.inc({ result }, 0);
    this.ingestRows = new Counter({ name: 'vigil_ingest_rows_total', help: 'Statement rows written to the telemetry store', registers });
    this.ackLatency = new Histogram({
      name: 'vigil_ingest_ack_latency_seconds',
      help: 'From a batch frame received to its Ack sent (includes throttling, queueing and the durable write)',
      buckets: ACK_BUCKETS,
      registers,
    });
    this.flushDuration = new Histogram({
      name: 'vigil_ingest_flush_duration_seconds',
      help: 'One grouped write of queued batches: ledger check, telemetry insert, ledger record',
      buckets: FLUSH_BUCKETS,
      registers,
    });
    this.backpressurePauses = new Counter({
      name: 'vigil_ingest_backpressure_pauses_total',
      help: 'Times the ingest queue filled up and agent sockets stopped being read',
      registers,
    });
    this.throttled = new Counter({
      name: 'vigil_ingest_throttled_total',
      help: 'Agent messages delayed because their connection exceeded its message or byte rate',
      registers,
    });
    this.agentErrors = new Counter({
      name: 'vigil_agent_errors_total',
      help: 'Error messages sent to agents, by catalog code',
      labelNames: ['code'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'vigil_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    // Gauges read live state at scrape time instead of being kept in step by hand.
    const sources = (): MetricSources | undefined => this.#sources;
    new Gauge({
      name: 'vigil_ingest_queue_batches',
      help: 'Batches accepted and not yet acknowledged',
      registers,
      collect() {
        this.set(sources()?.queueDepth().batches ?? 0);
      },
    });
    new Gauge({
      name: 'vigil_ingest_queue_bytes',
      help: 'Frame bytes of batches accepted and not yet acknowledged',
      registers,
      collect() {
        this.set(sources()?.queueDepth().bytes ?? 0);
      },
    });
    new Gauge({
      name: 'vigil_agents_connected',
      help: 'Agent connections past Hello in this process',
      registers,
      collect() {
        this.set(sources()?.connectedAgents() ?? 0);
      },
    });
  }

  /** Connects the gauges to the live objects they describe (they exist after the metrics). */
  observe(sources: MetricSources): void {
    this.#sources = sources;
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
