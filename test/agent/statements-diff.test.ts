import { expect } from 'chai';
import { diffStatements, totalsAsDeltas } from '../../agent/src/diff/statements-diff.js';
import { ABSENT, COUNTERS, currentBaseline, type StatementCounters, type StatementRow, type StatementsBaseline } from '../../agent/src/state/postgres-statements-state.js';

const ZERO: StatementCounters = {
  calls: 0,
  totalExecTimeMs: 0,
  totalPlanTimeMs: 0,
  rows: 0,
  sharedBlksHit: 0,
  sharedBlksRead: 0,
  sharedBlksDirtied: 0,
  sharedBlksWritten: 0,
  tempBlksRead: 0,
  tempBlksWritten: 0,
  blkReadTimeMs: 0,
  blkWriteTimeMs: 0,
};

function row(queryid: string, counters: Partial<StatementCounters>, key: Partial<StatementRow> = {}): StatementRow {
  return {
    dbid: 5,
    userid: 10,
    queryid,
    toplevel: true,
    datname: 'app',
    rolname: 'app_user',
    query: `SELECT ${queryid}`,
    ...key,
    counters: values({ ...ZERO, ...counters }),
  };
}

/** A delta's counters without the optional ones it has no value for, to compare with a literal. */
function defined(counters: StatementCounters): Partial<StatementCounters> {
  return Object.fromEntries(Object.entries(counters).filter(([, value]) => value !== undefined));
}

/** Named counters as a row holds them; optional ones left out are absent. */
function values(counters: StatementCounters): number[] {
  return COUNTERS.map((name) => counters[name] ?? ABSENT);
}

/** Runs the diff over successive readings, one minute apart, returning each run's output. */
function runs(...readings: { rows: StatementRow[]; statsResetMs?: number | null }[]) {
  let baseline: StatementsBaseline | undefined;
  return readings.map((reading, i) => {
    const diff = diffStatements(baseline, { collectedAtMs: 60_000 * (i + 1), statsResetMs: reading.statsResetMs ?? null, rows: reading.rows });
    baseline = diff.baseline;
    return diff;
  });
}

describe('agent/diff/statements-diff', () => {
  it('emits nothing on the baseline run', () => {
    const [first] = runs({ rows: [row('1', { calls: 10, totalExecTimeMs: 50 }), row('2', { calls: 3 })] });
    expect(first!.deltas).to.deep.equal([]);
    expect(first!.baseline.keys).to.have.length(2);
  });

  it('emits the counter differences of entries that ran again', () => {
    const [, second] = runs(
      { rows: [row('1', { calls: 10, totalExecTimeMs: 50, rows: 100, sharedBlksHit: 7 })] },
      { rows: [row('1', { calls: 15, totalExecTimeMs: 80, rows: 150, sharedBlksHit: 9 })] },
    );
    expect(second!.deltas).to.have.length(1);
    const delta = second!.deltas[0]!;
    expect(delta).to.include({ queryid: '1', datname: 'app', rolname: 'app_user', query: 'SELECT 1' });
    expect(defined(delta.counters)).to.deep.equal({ ...ZERO, calls: 5, totalExecTimeMs: 30, rows: 50, sharedBlksHit: 2 });
  });

  it('counts an entry first seen after the baseline from zero', () => {
    const [, second] = runs({ rows: [row('1', { calls: 10 })] }, { rows: [row('1', { calls: 10 }), row('2', { calls: 4, totalExecTimeMs: 12 })] });
    expect(second!.deltas.map((d) => [d.queryid, d.counters.calls, d.counters.totalExecTimeMs])).to.deep.equal([['2', 4, 12]]);
  });

  it('omits entries with no new calls', () => {
    const [, second] = runs({ rows: [row('1', { calls: 10 }), row('2', { calls: 1 })] }, { rows: [row('1', { calls: 10 }), row('2', { calls: 2 })] });
    expect(second!.deltas.map((d) => d.queryid)).to.deep.equal(['2']);
  });

  it('keeps the older totals of an unchanged entry, so counters that moved without a call are not lost', () => {
    const [, , third] = runs(
      { rows: [row('1', { calls: 10, totalPlanTimeMs: 5 })] },
      { rows: [row('1', { calls: 10, totalPlanTimeMs: 6 })] },
      { rows: [row('1', { calls: 11, totalPlanTimeMs: 7 })] },
    );
    expect(third!.deltas[0]!.counters).to.include({ calls: 1, totalPlanTimeMs: 2 });
  });

  it('drops only the entry whose counters went down, and re-baselines it', () => {
    const [, second, third] = runs(
      { rows: [row('1', { calls: 10 }), row('2', { calls: 20 })] },
      { rows: [row('1', { calls: 3 }), row('2', { calls: 25 })] },
      { rows: [row('1', { calls: 5 }), row('2', { calls: 25 })] },
    );
    expect(second!.resetEntries).to.equal(1);
    expect(second!.deltas.map((d) => [d.queryid, d.counters.calls])).to.deep.equal([['2', 5]]);
    // Counted from the totals seen after the reset, not from zero and not from before it.
    expect(third!.deltas.map((d) => [d.queryid, d.counters.calls])).to.deep.equal([['1', 2]]);
  });

  it('treats any counter going down as a reset, even when calls went up', () => {
    const [, second] = runs({ rows: [row('1', { calls: 10, rows: 500 })] }, { rows: [row('1', { calls: 12, rows: 4 })] });
    expect(second!.deltas).to.deep.equal([]);
    expect(second!.resetEntries).to.equal(1);
  });

  it('counts every entry from zero after pg_stat_statements_reset()', () => {
    const [, second] = runs(
      { rows: [row('1', { calls: 10 }), row('2', { calls: 20 })], statsResetMs: 1000 },
      { rows: [row('1', { calls: 12 }), row('2', { calls: 3 })], statsResetMs: 90_000 },
    );
    expect(second!.resetEntries).to.equal(0);
    expect(second!.deltas.map((d) => [d.queryid, d.counters.calls])).to.deep.equal([
      ['1', 12],
      ['2', 3],
    ]);
  });

  it('does not take stats_reset appearing (an extension upgrade to 1.9) for a reset', () => {
    const [, second] = runs({ rows: [row('1', { calls: 10 })], statsResetMs: null }, { rows: [row('1', { calls: 12 })], statsResetMs: 5000 });
    expect(second!.deltas.map((d) => d.counters.calls)).to.deep.equal([2]);
  });

  it('keys entries by database, user, queryid and toplevel', () => {
    const [, second] = runs(
      { rows: [row('1', { calls: 1 }), row('1', { calls: 1 }, { toplevel: false }), row('1', { calls: 1 }, { userid: 11 }), row('1', { calls: 1 }, { dbid: 6 })] },
      { rows: [row('1', { calls: 2 }), row('1', { calls: 3 }, { toplevel: false }), row('1', { calls: 4 }, { userid: 11 }), row('1', { calls: 5 }, { dbid: 6 })] },
    );
    expect(second!.deltas.map((d) => d.counters.calls)).to.deep.equal([1, 2, 3, 4]);
  });

  it('forgets entries that left pg_stat_statements, and the baseline is plain JSON', () => {
    const [, second] = runs({ rows: [row('1', { calls: 1 }), row('2', { calls: 1 })], statsResetMs: 7 }, { rows: [row('2', { calls: 1 })], statsResetMs: 7 });
    expect(JSON.parse(JSON.stringify(second!.baseline))).to.deep.equal(second!.baseline);
    expect(second!.baseline.keys).to.deep.equal(['5/10/2/t']);
    expect(second!.baseline.totals).to.deep.equal(values({ ...ZERO, calls: 1 }));
    expect(second!.baseline).to.include({ collectedAtMs: 120_000, statsResetMs: 7 });
  });

  it('gives no delta for an optional counter one side lacks (an extension upgrade), and keeps the others', () => {
    const [, second, third] = runs(
      { rows: [row('1', { calls: 10 })] },
      { rows: [row('1', { calls: 12, walRecords: 40, plans: 12 })] },
      { rows: [row('1', { calls: 13, walRecords: 45, plans: 13 })] },
    );
    expect(defined(second!.deltas[0]!.counters)).to.deep.equal({ ...ZERO, calls: 2 });
    expect(defined(third!.deltas[0]!.counters)).to.deep.equal({ ...ZERO, calls: 1, walRecords: 5, plans: 1 });
  });

  it('diffs against a baseline persisted by an earlier agent (counter objects) or with its counters in another order', () => {
    const legacy = { collectedAtMs: 60_000, statsResetMs: 7, counters: { '5/10/1/t': { ...ZERO, calls: 10, rows: 100 } } };
    const reading = { collectedAtMs: 120_000, statsResetMs: 7, rows: [row('1', { calls: 15, rows: 160, walRecords: 3 })] };
    const fromLegacy = diffStatements(currentBaseline(legacy), reading);
    expect(fromLegacy.deltas.map((d) => defined(d.counters))).to.deep.equal([{ ...ZERO, calls: 5, rows: 60 }]);

    const reordered = [...COUNTERS].reverse();
    const current = diffStatements(undefined, { ...reading, collectedAtMs: 60_000, rows: [row('1', { calls: 10, rows: 100, walRecords: 1 })] }).baseline;
    const saved = { ...current, counters: reordered, totals: reordered.map((name) => current.totals[COUNTERS.indexOf(name)]!) };
    const fromReordered = diffStatements(currentBaseline(saved), reading);
    expect(fromReordered.deltas.map((d) => defined(d.counters))).to.deep.equal([{ ...ZERO, calls: 5, rows: 60, walRecords: 2 }]);
  });

  it('presents totals as deltas for a test run, skipping entries never called', () => {
    const deltas = totalsAsDeltas([row('1', { calls: 3 }), row('2', { calls: 0 })]);
    expect(deltas.map((d) => [d.queryid, d.counters.calls])).to.deep.equal([['1', 3]]);
  });
});
