import { expect } from 'chai';
import pg from 'pg';
import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { statementsTask, type StatementsPersisted } from '../../agent/src/collectors/postgres/statements-task.js';
import { COUNTERS, statementKey } from '../../agent/src/state/postgres-statements-state.js';
import { usePostgres } from '../harness/postgres.js';

describe('agent/collectors/postgres/statements-task', () => {
  const postgres = usePostgres();
  let client: pg.Client;
  let nowMs = Date.now();
  // The harness server may outlive a test run, and queryids ignore aliases: tables of their own make new keys.
  const resumeProbe = `task_resume_probe_${nowMs}`;
  const legacyProbe = `task_legacy_probe_${nowMs}`;

  before(async () => {
    for (const table of [resumeProbe, legacyProbe]) await postgres().query(`CREATE TABLE ${table} (id int)`);
    client = new pg.Client({ connectionString: postgres().monitorUrl });
    await client.connect();
  });
  after(async () => {
    await client.end();
    for (const table of [resumeProbe, legacyProbe]) await postgres().query(`DROP TABLE ${table}`);
  });

  /** One run as the runner does it, with `previous` read back from disk (a JSON round trip). */
  async function run(previous: unknown) {
    nowMs += 60_000;
    const result = await statementsTask.run({ client, previous: previous as StatementsPersisted | undefined, nowMs, signal: new AbortController().signal });
    return { ...result, persisted: JSON.parse(JSON.stringify(result.persisted)) as StatementsPersisted };
  }

  type Records = Awaited<ReturnType<typeof run>>['records'];

  /** Query hashes whose text (sent once, the first time the agent reads it) holds `marker`. */
  const hashes = new Map<string, Set<string>>();
  function callsOf(records: Records, marker: string): number {
    const seen = hashes.get(marker) ?? new Set<string>();
    hashes.set(marker, seen);
    for (const text of records.statementTexts ?? []) if (text.queryText?.includes(marker)) seen.add(text.queryHash!);
    return (records.statements ?? []).filter((s) => seen.has(s.queryHash!)).reduce((sum, s) => sum + Number(s.calls), 0);
  }

  it('continues exactly from its persisted state: calls between runs counted once, texts sent once', async () => {
    const first = await run(undefined);
    expect(first.persisted.baseline.counters).to.deep.equal(COUNTERS);
    expect(first.persisted.baseline.totals).to.have.length(first.persisted.baseline.keys.length * COUNTERS.length);
    // The agent's own statements are remembered by key, not diffed.
    expect(first.persisted.own.length).to.be.greaterThan(0);
    for (let i = 0; i < 3; i++) await postgres().query(`SELECT count(*) FROM ${resumeProbe} WHERE id = $1`, [i]);
    const second = await run(first.persisted);
    expect(callsOf(second.records, resumeProbe)).to.equal(3);
    expect((second.records.statementTexts ?? []).filter((t) => t.queryText?.includes(resumeProbe))).to.have.length(1);
    for (let i = 0; i < 2; i++) await postgres().query(`SELECT count(*) FROM ${resumeProbe} WHERE id = $1`, [i]);
    const third = await run(second.persisted);
    expect(callsOf(third.records, resumeProbe)).to.equal(2);
    expect((third.records.statementTexts ?? []).filter((t) => t.queryText?.includes(resumeProbe))).to.deep.equal([]);
    expect(callsOf(third.records, 'vigil-agent')).to.equal(0);
  });

  it('continues from the state an earlier agent persisted (counter objects and a known map) without a lost or doubled interval', async () => {
    const current = (await run(undefined)).persisted;
    const { baseline } = current;
    const width = COUNTERS.length;
    const counters: Record<string, Record<string, number>> = {};
    const known: Record<string, 'own' | 'other'> = {};
    baseline.keys.forEach((key, entry) => {
      // An earlier agent collected no WAL counters: they must yield no delta rather than a total.
      counters[key] = Object.fromEntries(COUNTERS.slice(0, 21).map((name, i) => [name, baseline.totals[entry * width + i]!]));
      known[key] = 'other';
    });
    for (const key of current.own) known[key] = 'own';
    const legacy = { baseline: { collectedAtMs: baseline.collectedAtMs, statsResetMs: baseline.statsResetMs, counters }, known };

    for (let i = 0; i < 4; i++) await postgres().query(`SELECT count(*) FROM ${legacyProbe} WHERE id = $1`, [i]);
    const next = await run(legacy);
    expect(callsOf(next.records, legacyProbe)).to.equal(4);
    const probe = (next.records.statements ?? []).find((s) => s.queryText?.includes(legacyProbe));
    // Its text was read just now (a new key), so the delta carries it; the WAL counters of this new entry count from zero.
    expect(probe).to.not.equal(undefined);
    const legacyKeyed = (next.records.statements ?? []).filter((s) => counters[statementKey({ dbid: s.dbid!, userid: s.userid!, queryid: s.queryHash!, toplevel: s.toplevel! })]);
    expect(legacyKeyed.every((s) => s.walRecords === undefined), 'no WAL delta against a baseline without WAL totals').to.equal(true);
    expect([...next.persisted.own].sort()).to.deep.equal([...current.own].sort());
    expect(callsOf(next.records, 'vigil-agent')).to.equal(0);
    expect((next.records.statementTexts ?? []).filter((t) => t.queryText?.startsWith(AGENT_QUERY_MARKER))).to.deep.equal([]);
  });
});
