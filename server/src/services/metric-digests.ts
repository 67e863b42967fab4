import { deriveMetrics, type DerivedMetrics, type MetricInput } from '../engines/catalogue/index.js';
import { digestMetrics, digestResults, digestUsable, type MetricDigest } from '../engines/catalogue/metric-digest.js';
import type { Logger } from '../logger.js';
import type { AlertsRepository, StoredMetricDigest } from '../storage/meta/alerts-repository.js';
import { agedInputs, agentFacts, type InputAgentSource, type InputDatabase, type MetricInputs } from '../storage/telemetry/reads/metric-inputs.js';

/**
 * Each database's metric digest (engines/catalogue/metric-digest.ts), kept in the metadata store
 * (`metric_digests`) so every server process and a restart see it. A digest is written wherever a
 * database's MetricInput is read: the evaluation of its stored batches (and of a stale read) already
 * reads it, so deriving the digest there costs no read of its own. The evaluation tick then judges
 * digests (one bulk metadata read per chunk) instead of reading every database's telemetry again;
 * a database without a usable digest (none yet, another catalogue) is read the full way once, which
 * writes its digest.
 */
export interface MetricDigests extends MetricInputs {
  /** Every metric's result at `now` for each of `dbs`, by database id: from digests, reading only the databases that have none. */
  derivedMany(dbs: readonly InputDatabase[], now: number): Promise<Map<string, DerivedMetrics>>;
}

export interface MetricDigestsDeps {
  readonly inputs: MetricInputs;
  readonly digests: Pick<AlertsRepository, 'putMetricDigests' | 'metricDigests'>;
  readonly agents: InputAgentSource;
  readonly logger: Logger;
}

function stored(db: InputDatabase, input: MetricInput): StoredMetricDigest {
  const digest = digestMetrics(input, agedInputs(input));
  return { org_id: db.org_id, database_id: db.id, derived_at: digest.derived_at, body: JSON.stringify(digest) };
}

export function metricDigests(deps: MetricDigestsDeps): MetricDigests {
  const log = deps.logger.child({ component: 'metric-digests' });
  // The evaluator and the alert job share one in-flight read per database (MetricInputs.forDatabase): digest it once.
  const digested = new WeakSet<Promise<MetricInput>>();

  async function put(rows: readonly StoredMetricDigest[]): Promise<void> {
    // A digest that fails to store is derived again from the next read: never fail the evaluation for it.
    await deps.digests.putMetricDigests(rows).catch((err: unknown) => log.warn({ err, databases: rows.length }, 'could not store metric digests'));
  }

  async function forDatabases(dbs: readonly InputDatabase[], now?: number): Promise<Map<string, MetricInput>> {
    const inputs = await deps.inputs.forDatabases(dbs, now);
    await put(dbs.flatMap((db) => (inputs.has(db.id) ? [stored(db, inputs.get(db.id)!)] : [])));
    return inputs;
  }

  return {
    forDatabase(db, now) {
      const read = deps.inputs.forDatabase(db, now);
      if (digested.has(read)) return read;
      digested.add(read);
      return read.then(async (input) => {
        await put([stored(db, input)]);
        return input;
      });
    },
    forDatabases,
    async derivedMany(dbs, now) {
      const [rows, facts] = await Promise.all([deps.digests.metricDigests(dbs.map((d) => d.id)), agentFacts(deps.agents, dbs)]);
      const out = new Map<string, DerivedMetrics>();
      const missing: InputDatabase[] = [];
      for (const db of dbs) {
        const row = rows.get(db.id);
        const digest = row ? (JSON.parse(row.body) as MetricDigest) : undefined;
        if (!digest || !digestUsable(digest, db.engine)) {
          missing.push(db);
          continue;
        }
        const f = facts.get(db.id)!;
        out.set(db.id, digestResults(digest, { engine: db.engine, now_ms: now, server_version: db.engine_version, agent_last_seen_ms: f.lastSeenMs, collector_statuses: f.statuses }));
      }
      if (missing.length > 0) for (const [id, input] of await forDatabases(missing, now)) out.set(id, deriveMetrics(input));
      return out;
    },
  };
}
