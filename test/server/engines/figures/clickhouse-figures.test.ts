import { expect } from 'chai';
import {
  callsWeightedP99,
  compressionRatio,
  diskTotals,
  estimatedRemainingS,
  isStuckMutation,
  longestElapsedMs,
  meanMergeProgressPct,
  mergesCompletionS,
  perPart,
  usagePct,
  usedBytes,
} from '../../../../server/src/engines/figures/clickhouse-figures.js';

describe('engines/figures: ClickHouse', () => {
  it('callsWeightedP99 weighs each fingerprint by its calls, null without calls', () => {
    const rows = [
      { total_calls: 98, p99_time_ms: 10 },
      { total_calls: 1, p99_time_ms: 500 },
      { total_calls: 1, p99_time_ms: 2000 },
      { total_calls: 0, p99_time_ms: 99_999 },
    ];
    expect(callsWeightedP99(rows)).to.equal(500);
    expect(callsWeightedP99(rows, 0.5)).to.equal(10);
    expect(callsWeightedP99([{ total_calls: 0, p99_time_ms: 1 }])).to.equal(null);
  });

  it('merges: time left at the pace so far, mean progress, completion of the last one', () => {
    expect(estimatedRemainingS(30, 0.25)).to.equal(90);
    expect(estimatedRemainingS(30, 0)).to.equal(null);
    expect(meanMergeProgressPct([{ progress: 0.2 }, { progress: 0.6 }])).to.be.closeTo(40, 1e-9);
    expect(meanMergeProgressPct([])).to.equal(null);
    expect(mergesCompletionS([{ estimated_remaining_s: 90 }, { estimated_remaining_s: null }, { estimated_remaining_s: 12 }])).to.equal(90);
    expect(mergesCompletionS([{ estimated_remaining_s: null }])).to.equal(null);
  });

  it('isStuckMutation: a failed attempt or older than an hour', () => {
    expect(isStuckMutation({ age_s: 10, latest_fail_reason: 'Code: 241' })).to.equal(true);
    expect(isStuckMutation({ age_s: 3601, latest_fail_reason: '' })).to.equal(true);
    expect(isStuckMutation({ age_s: 3600, latest_fail_reason: '' })).to.equal(false);
  });

  it('parts and compression', () => {
    expect(compressionRatio(200, 1000)).to.equal(5);
    expect(compressionRatio(0, 1000)).to.equal(null);
    expect(perPart(1000, 4)).to.equal(250);
    expect(perPart(1000, 0)).to.equal(0);
  });

  it('disks: used never negative, usage null without a size, totals over disks', () => {
    expect(usedBytes(100, 130)).to.equal(0);
    expect(usagePct(25, 100)).to.equal(25);
    expect(usagePct(0, 0)).to.equal(null);
    expect(diskTotals([
      { total_bytes: 100, free_bytes: 60, used_bytes: 40 },
      { total_bytes: 300, free_bytes: 240, used_bytes: 60 },
    ])).to.deep.equal({ total_bytes: 400, free_bytes: 300, used_bytes: 100, usage_pct: 25 });
    expect(diskTotals([])).to.deep.equal({ total_bytes: 0, free_bytes: 0, used_bytes: 0, usage_pct: null });
  });

  it('longestElapsedMs is 0 with no query running', () => {
    expect(longestElapsedMs([{ elapsed_ms: 5 }, { elapsed_ms: 50 }])).to.equal(50);
    expect(longestElapsedMs([])).to.equal(0);
  });
});
