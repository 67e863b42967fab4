import os from 'node:os';
import { AGENT_VERSION } from '../agent-version.js';
import type { DatabaseConfig } from '../config/agent-config.js';
import type { QueueStats } from '../spool/batch-queue.js';
import type { HeartbeatReport } from '../transport/agent-connection.js';
import type { DatabaseSettings } from './server-settings-store.js';
import type { CollectorReport, DatabaseReport } from './task-scheduler.js';

/** Where the status report's figures come from. */
export interface AgentStatusSources {
  readonly databases: readonly DatabaseConfig[];
  database(name: string): DatabaseReport | undefined;
  settings(name: string): DatabaseSettings;
  collectors(): readonly CollectorReport[];
  spool(): QueueStats | undefined;
  connected(): boolean;
}

/**
 * The agent's one report on itself: the `status` command answers it in full, and each heartbeat
 * carries its summary (resources and collectors). CPU is measured per heartbeat, as a share of one
 * core since the previous one; the status command shows the last measurement.
 */
export class AgentStatus {
  readonly #sources: AgentStatusSources;
  readonly #startedMs = Date.now();
  #cpuMark = { at: performance.now(), usage: process.cpuUsage() };
  #cpuPercent = 0;

  constructor(sources: AgentStatusSources) {
    this.#sources = sources;
  }

  /** The full report, as the status command answers it. */
  status(): unknown {
    const stats = this.#sources.spool();
    const collectors = this.#sources.collectors();
    return {
      agent_version: AGENT_VERSION,
      hostname: os.hostname(),
      uptime_s: Math.round(this.#uptimeS()),
      rss_bytes: process.memoryUsage.rss(),
      cpu_percent: this.#cpuPercent,
      connected: this.#sources.connected(),
      spool: { batches: stats?.batches ?? 0, bytes: stats?.bytes ?? 0, evicted_batches: stats?.droppedBatches ?? 0 },
      databases: this.#sources.databases.map((database) => {
        const monitored = this.#sources.database(database.name);
        const settings = this.#sources.settings(database.name);
        return {
          name: database.name,
          engine: database.engine,
          server_version: monitored?.serverVersion ?? null,
          reachable: monitored ? monitored.reachable : null,
          settings: {
            poll_interval_seconds: settings.pollIntervalSeconds ?? null,
            collect_explain_plans: settings.collectExplainPlans,
            collect_replication: settings.collectReplication,
            disabled_collectors: [...settings.disabledCollectors],
          },
          collectors: collectors.filter((c) => c.database === database.name).map((c) => ({
            collector: c.collector,
            interval_s: c.intervalMs / 1000,
            disabled: c.disabled,
            last_success_at: c.lastSuccessMs ? new Date(c.lastSuccessMs).toISOString() : null,
            last_error_at: c.lastErrorMs ? new Date(c.lastErrorMs).toISOString() : null,
            last_error: c.lastError || null,
            statuses: c.statuses,
          })),
        };
      }),
    };
  }

  /** The summary a heartbeat carries; measures CPU since the previous heartbeat. */
  heartbeat(): HeartbeatReport {
    const now = { at: performance.now(), usage: process.cpuUsage() };
    // User + system time over wall time.
    const cpuMs = (now.usage.user - this.#cpuMark.usage.user + now.usage.system - this.#cpuMark.usage.system) / 1000;
    const wallMs = now.at - this.#cpuMark.at;
    this.#cpuPercent = wallMs > 0 ? Math.round((cpuMs / wallMs) * 10_000) / 100 : 0;
    this.#cpuMark = now;
    return {
      agentVersion: AGENT_VERSION,
      uptimeS: this.#uptimeS(),
      rssBytes: process.memoryUsage.rss(),
      cpuPercent: this.#cpuPercent,
      collectors: this.#sources.collectors().map((c) => ({
        database: c.database,
        collector: c.collector,
        lastSuccessMs: c.lastSuccessMs,
        lastErrorMs: c.lastErrorMs,
        lastError: c.lastError,
        statuses: [...c.statuses],
        disabled: c.disabled,
        intervalS: Math.round(c.intervalMs / 1000),
      })),
    };
  }

  #uptimeS(): number {
    return (Date.now() - this.#startedMs) / 1000;
  }
}
