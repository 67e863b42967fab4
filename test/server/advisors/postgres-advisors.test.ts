import { expect } from 'chai';
import type { Finding } from '../../../server/src/engines/advisors/advisor.js';
import { autovacuumTuning, duplicateIndex, invalidIndex, missingIndex, POSTGRES_ADVISORS, sequenceExhaustion, settingTuning, tableBloat, unusedIndex } from '../../../server/src/engines/advisors/postgres-advisors.js';
import type { PgIndexInput, PgScanInput, PgTableInput } from '../../../server/src/engines/advisors/postgres-input.js';
import { filterColumns, indexShape, loadPgParser } from '../../../server/src/engines/advisors/postgres-sql.js';
import { reconcile, type StoredRecommendation } from '../../../server/src/engines/advisors/reconcile.js';

const NOW = Date.parse('2026-03-02T00:00:00Z');
const MB = 1024 * 1024;

function index(name: string, definition: string, over: Partial<PgIndexInput> = {}): PgIndexInput {
  return { database: 'shop', schema: 'public', table: 'orders', name, sizeBytes: 2 * MB, valid: true, unique: false, primary: false, backsConstraint: false, definition, scansSinceReset: 10, scansInWindow: 5, ...over };
}

function table(over: Partial<PgTableInput> = {}): PgTableInput {
  return { database: 'shop', schema: 'public', name: 'orders', liveTuples: 50_000, deadTuples: 0, totalBytes: 10 * MB, tableBytes: 8 * MB, seqScans: 100, seqTuplesRead: 5_000_000, idxScans: 10, lastVacuumMs: null, lastAutovacuumMs: null, ...over };
}

function input(over: Partial<PgScanInput> = {}): PgScanInput {
  return { window: { since: NOW - 86_400_000, until: NOW }, statsResetMs: null, indexes: [], tables: [table()], statements: [], sequences: [], settings: new Map(), tempFiles: null, tempBytes: null, tempWindow: null, ...over };
}

const def = (name: string, cols: string, extra = '') => `CREATE INDEX ${name} ON public.orders USING btree (${cols})${extra}`;

describe('PostgreSQL advisors', () => {
  before(() => loadPgParser());

  it('reads an index definition and the columns a statement filters on with PostgreSQL\'s parser', () => {
    expect(indexShape('CREATE UNIQUE INDEX i ON public.t USING gin (a, lower(b)) WHERE (d > $1)')).to.deep.include({ method: 'gin', columns: ['a', ''], unique: true });
    expect(filterColumns('SELECT * FROM public.orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = $1 AND c.region IN ($2, $3) AND note IS NULL')).to.deep.equal([
      { schema: 'public', table: 'orders', column: 'status' },
      { schema: null, table: 'customers', column: 'region' },
    ]);
    expect(filterColumns('UPDATE orders SET x = $1 WHERE id = $2 OR (code = $3)')).to.deep.equal([{ schema: null, table: 'orders', column: 'id' }, { schema: null, table: 'orders', column: 'code' }]);
    expect(filterColumns('SELECT a FROM t WHERE b = (SELECT max(c) FROM u WHERE u.d = $1)')).to.deep.equal([{ schema: null, table: 'u', column: 'd' }]);
    expect(filterColumns('not sql at all')).to.deep.equal([]);
  });

  it('unused_index: no scans since the reset, ≥ 1 MB, never a primary, unique or constraint index', () => {
    const unused = index('orders_note_idx', def('orders_note_idx', 'note'), { scansSinceReset: 0, scansInWindow: 0 });
    const findings = unusedIndex.detect(
      input({
        statsResetMs: NOW - 7 * 86_400_000,
        indexes: [
          unused,
          index('small', def('small', 'a'), { scansSinceReset: 0, scansInWindow: 0, sizeBytes: MB - 1 }),
          index('pk', def('pk', 'id'), { scansSinceReset: 0, scansInWindow: 0, primary: true }),
          index('excl', def('excl', 'x'), { scansSinceReset: 0, scansInWindow: 0, backsConstraint: true }),
          index('used', def('used', 'b')),
          index('no_deltas_yet', def('no_deltas_yet', 'c'), { scansSinceReset: 0, scansInWindow: null }),
        ],
      }),
    );
    expect(findings.map((f) => f.object.name)).to.deep.equal(['orders_note_idx']);
    const f = findings[0]!;
    expect(f.runbook.sql).to.equal('DROP INDEX CONCURRENTLY "public"."orders_note_idx";');
    expect(f.evidence.figures).to.include({ size_bytes: 2 * MB, idx_scan_since_reset: 0 });
    expect(f.evidence.notes.join(' ')).to.match(/standby/).and.match(/reset at 2026-02-23/);
    expect(f.impact.bytes_reclaimed).to.equal(2 * MB);
  });

  it('duplicate_index: a leading prefix with the same method and predicate; of two equal ones, never the unique one', () => {
    const findings = duplicateIndex.detect(
      input({
        indexes: [
          index('by_customer', def('by_customer', 'customer_id')),
          index('by_customer_date', def('by_customer_date', 'customer_id, created_at')),
          index('by_customer_hash', 'CREATE INDEX by_customer_hash ON public.orders USING hash (customer_id)'),
          index('partial', def('partial', 'status', ' WHERE (status = $1)')),
          index('status_full', def('status_full', 'status, id')),
          index('code_uq', 'CREATE UNIQUE INDEX code_uq ON public.orders USING btree (code)', { unique: true }),
          index('code_plain', def('code_plain', 'code')),
          index('lower_email', def('lower_email', 'lower(email)')),
          index('lower_email2', def('lower_email2', 'lower(email), id')),
          index('upper_email', def('upper_email', 'upper(email)')),
        ],
      }),
    );
    expect(findings.map((f) => [f.object.name, f.evidence.figures.covered_by])).to.deep.equal([
      ['by_customer', 'by_customer_date'],
      ['code_plain', 'code_uq'],
      ['lower_email', 'lower_email2'],
    ]);
  });

  it('invalid_index: any invalid index, with the drop and the concurrent rebuild', () => {
    const [f] = invalidIndex.detect(input({ indexes: [index('orders_code_key', 'CREATE UNIQUE INDEX orders_code_key ON public.orders USING btree (code)', { valid: false, unique: true })] }));
    expect(f!.severity).to.equal('high');
    expect(f!.runbook.sql).to.equal('DROP INDEX CONCURRENTLY "public"."orders_code_key";\nCREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON public.orders USING btree (code);');
    expect(f!.runbook.steps[0]).to.match(/duplicate/);
  });

  it('missing_index: slow frequent statements filtering a big, mostly sequentially read table on a column no index leads with', () => {
    const statements = [
      { queryHash: 'a1', database: 'shop', text: 'SELECT * FROM orders WHERE customer_email = $1', calls: 120, meanMs: 45, totalMs: 5400 },
      { queryHash: 'a2', database: 'shop', text: 'SELECT * FROM orders WHERE customer_id = $1', calls: 500, meanMs: 30, totalMs: 15000 },
      { queryHash: 'a3', database: 'shop', text: 'SELECT * FROM orders WHERE status = $1', calls: 10, meanMs: 90, totalMs: 900 },
      { queryHash: 'a4', database: 'shop', text: 'SELECT * FROM orders WHERE region = $1', calls: 100, meanMs: 5, totalMs: 500 },
    ];
    const indexes = [index('by_customer', def('by_customer', 'customer_id')), index('by_region_email', def('by_region_email', 'region, customer_email'))];
    const findings = missingIndex.detect(input({ statements, indexes }));
    expect(findings.map((f) => f.object.name)).to.deep.equal(['customer_email']);
    expect(findings[0]!.runbook.sql).to.equal('CREATE INDEX CONCURRENTLY ON "public"."orders" ("customer_email");\nANALYZE "public"."orders";');
    expect(findings[0]!.evidence.figures).to.include({ live_tuples: 50_000, seq_scan: 100, idx_scan: 10, query_hashes: 'a1' });
    // A statement runs over its own database's tables: the same text in another database is not about shop's orders
    // (and one from an agent that did not say its database may be about any).
    const elsewhere = statements.map((st) => ({ ...st, database: 'billing' }));
    expect(missingIndex.detect(input({ statements: elsewhere, indexes }))).to.deep.equal([]);
    expect(missingIndex.detect(input({ statements: statements.map((st) => ({ ...st, database: '' })), indexes })).map((f) => f.object.name)).to.deep.equal(['customer_email']);
    // Mostly index reads already, or a small table: nothing.
    expect(missingIndex.detect(input({ statements, indexes, tables: [table({ idxScans: 10_000 })] }))).to.deep.equal([]);
    expect(missingIndex.detect(input({ statements, indexes, tables: [table({ liveTuples: 9_999 })] }))).to.deep.equal([]);
    // Credited once an index leads with the column, resolved otherwise.
    const prior = { object: findings[0]!.object, evidence: findings[0]!.evidence, firstSeenMs: NOW };
    expect(missingIndex.closure(prior, input({ indexes: [...indexes, index('by_email', def('by_email', 'customer_email'))] })).outcome).to.equal('applied');
    expect(missingIndex.closure(prior, input({ indexes })).outcome).to.equal('resolved');
  });

  it('table_bloat, autovacuum_tuning, sequence_exhaustion and setting_tuning', () => {
    const bloated = table({ liveTuples: 20_000, deadTuples: 30_000 });
    expect(tableBloat.detect(input({ tables: [bloated, table()] })).map((f) => [f.object.name, f.severity])).to.deep.equal([['orders', 'high']]);
    const big = table({ name: 'events', liveTuples: 2_000_000, deadTuples: 300_000, lastAutovacuumMs: NOW - 3 * 86_400_000 });
    const [av] = autovacuumTuning.detect(input({ tables: [big], settings: new Map([['autovacuum_vacuum_scale_factor', { setting: '0.2', unit: null, source: 'default' }]]) }));
    expect(av!.runbook.sql).to.match(/^ALTER TABLE "public"\."events" SET \(autovacuum_vacuum_scale_factor = 0\.01/);
    const seq = { database: 'shop', schema: 'public', name: 'orders_id_seq', dataType: 'bigint', usedFraction: 0.92, lastValue: 1.97e9, maxValue: 2147483647, ownedBy: 'public.orders.id', columnType: 'integer' };
    const [s] = sequenceExhaustion.detect(input({ sequences: [seq, { ...seq, name: 'low', usedFraction: 0.5 }] }));
    expect(s!.severity).to.equal('high');
    expect(s!.runbook.sql).to.equal('ALTER TABLE "public"."orders" ALTER COLUMN "id" TYPE bigint;\nALTER SEQUENCE "public"."orders_id_seq" AS bigint;');
    const prior = { object: s!.object, evidence: s!.evidence, firstSeenMs: NOW };
    expect(sequenceExhaustion.closure(prior, input({ sequences: [{ ...seq, columnType: 'bigint', usedFraction: 0.46 }] })).outcome).to.equal('applied');
    const settings = new Map([
      ['work_mem', { setting: '4096', unit: 'kB', source: 'default' }],
      ['shared_buffers', { setting: '16384', unit: '8kB', source: 'configuration file' }],
    ]);
    const tuning = settingTuning.detect(input({ settings, tempFiles: 40, tempBytes: 500 * MB, tempWindow: { since: NOW - 60_000, until: NOW } }));
    expect(tuning.map((f) => f.object.name)).to.deep.equal(['work_mem', 'shared_buffers']);
    expect(tuning[0]!.runbook.sql).to.equal("ALTER SYSTEM SET work_mem = '16MB';\nSELECT pg_reload_conf();");
    const changed = new Map(settings).set('work_mem', { setting: '16384', unit: 'kB', source: 'configuration file' });
    expect(settingTuning.closure({ object: tuning[0]!.object, evidence: tuning[0]!.evidence, firstSeenMs: NOW }, input({ settings: changed }))).to.deep.include({ outcome: 'applied' });
  });

  describe('reconcile across scans', () => {
    const unused = index('orders_note_idx', def('orders_note_idx', 'note'), { scansSinceReset: 0, scansInWindow: 0 });
    const dup = index('by_customer', def('by_customer', 'customer_id'));
    const cover = index('by_customer_date', def('by_customer_date', 'customer_id, created_at'));

    function stored(f: Finding, id: string, status: StoredRecommendation['status'] = 'open'): StoredRecommendation {
      return { id, type: f.type, objectKey: f.objectKey, status, snoozedUntilMs: null, object: f.object, evidence: f.evidence, firstSeenMs: NOW - 1000 };
    }

    it('keeps one recommendation per finding and object, credits a fix the telemetry shows, resolves the rest', () => {
      const first = reconcile(POSTGRES_ADVISORS, input({ indexes: [unused, dup, cover] }), [], NOW);
      expect(first.created.map((f) => f.type)).to.deep.equal(['unused_index', 'duplicate_index']);
      expect(first.summary).to.deep.equal({ findings: 2, new: 2, resolved: 0, applied: 0 });
      const [u, d] = first.created as [Finding, Finding];
      const again = reconcile(POSTGRES_ADVISORS, input({ indexes: [unused, dup, cover] }), [stored(u, 'r1'), stored(d, 'r2', 'dismissed')], NOW);
      expect(again.created).to.deep.equal([]);
      expect(again.seen.map((s) => [s.id, s.status, s.reopened])).to.deep.equal([['r1', 'open', false], ['r2', 'dismissed', false]]);
      // The unused index dropped (applied, auto_evidence); the duplicate's cover dropped instead (resolved).
      const later = reconcile(POSTGRES_ADVISORS, input({ indexes: [dup] }), [stored(u, 'r1'), stored(d, 'r2')], NOW);
      expect(later.closed.map((c) => [c.id, c.closure.outcome])).to.deep.equal([['r1', 'applied'], ['r2', 'resolved']]);
      expect(later.summary).to.deep.include({ applied: 1, resolved: 1 });
      // A closed finding that comes back reopens the same recommendation.
      const back = reconcile(POSTGRES_ADVISORS, input({ indexes: [unused] }), [stored(u, 'r1', 'applied')], NOW);
      expect(back.seen.map((s) => [s.id, s.status, s.reopened])).to.deep.equal([['r1', 'open', true]]);
      expect(back.summary.new).to.equal(1);
    });

    it('wakes a snooze that ran out and leaves another engine\'s types alone', () => {
      const [u] = unusedIndex.detect(input({ indexes: [unused] }));
      const snoozed = { ...stored(u!, 'r1', 'snoozed'), snoozedUntilMs: NOW - 1 };
      expect(reconcile(POSTGRES_ADVISORS, input({ indexes: [unused] }), [snoozed], NOW).seen[0]!.status).to.equal('open');
      expect(reconcile(POSTGRES_ADVISORS, input({ indexes: [unused] }), [{ ...snoozed, snoozedUntilMs: NOW + 1000 }], NOW).seen[0]!.status).to.equal('snoozed');
      const foreign = { ...stored(u!, 'r9'), type: 'too_many_parts' as const, objectKey: 'x' };
      expect(reconcile(POSTGRES_ADVISORS, input(), [foreign], NOW).closed).to.deep.equal([]);
    });
  });
});
