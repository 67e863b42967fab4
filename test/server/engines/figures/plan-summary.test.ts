import { expect } from 'chai';
import { summarizePlan } from '../../../../server/src/engines/figures/plan-summary.js';

describe('engines/figures: plan summary', () => {
  it('summarizes a PostgreSQL JSON plan: root cost and rows, scans by kind', () => {
    const plan = JSON.stringify([
      {
        Plan: {
          'Node Type': 'Hash Join',
          'Total Cost': 42.5,
          'Plan Rows': 10,
          Plans: [{ 'Node Type': 'Seq Scan' }, { 'Node Type': 'Hash', Plans: [{ 'Node Type': 'Index Only Scan' }, { 'Node Type': 'Bitmap Index Scan' }] }],
        },
      },
    ]);
    const s = summarizePlan('json', plan);
    expect(s).to.include({ total_cost: 42.5, rows_estimated: 10, rows_actual: null, actual_time_ms: null, seq_scans: 1, index_scans: 2 });
    expect(s.plan_hash).to.match(/^[0-9a-f]{16}$/);
    expect(summarizePlan('json', plan).plan_hash).to.equal(s.plan_hash);
  });

  it('keeps a text plan (ClickHouse) as text with no figures', () => {
    expect(summarizePlan('text', 'ReadFromMergeTree')).to.deep.include({ plan_json: { text: 'ReadFromMergeTree' }, total_cost: null, seq_scans: 0, index_scans: 0 });
  });
});
