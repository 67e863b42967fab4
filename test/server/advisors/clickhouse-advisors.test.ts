import { expect } from 'chai';
import { CLICKHOUSE_ADVISORS, finalUsage, keywords, partitionGranularity, selectStarHeavy, smallInserts, tooManyParts } from '../../../server/src/engines/advisors/clickhouse-advisors.js';
import type { ChQueryInput, ChScanInput, ChTableInput, ChTableSchemaInput } from '../../../server/src/engines/advisors/clickhouse-input.js';
import { codecAdvice, lowCardinality, missingTtl, orderByMismatch } from '../../../server/src/engines/advisors/clickhouse-schema-advisors.js';
import { reconcile } from '../../../server/src/engines/advisors/reconcile.js';

const NOW = Date.parse('2026-03-02T00:00:00Z');
const GB = 1024 ** 3;

function table(over: Partial<ChTableInput> = {}): ChTableInput {
  return { database: 'app', name: 'events', partitions: 12, activeParts: 40, maxPartsInPartition: 5, rows: 50_000_000, bytesOnDisk: 20 * GB, ...over };
}

function query(text: string, over: Partial<ChQueryInput> = {}): ChQueryInput {
  return { queryHash: text.slice(0, 12), text, calls: 100, meanMs: 800, readRows: 500_000_000, readBytes: 50 * GB, resultRows: 100, ...over };
}

const schema: ChTableSchemaInput = {
  database: 'app',
  name: 'events',
  engine: 'MergeTree',
  partitionKey: 'toYYYYMM(ts)',
  sortingKey: 'tenant_id, ts',
  hasTtl: false,
  columns: [
    { name: 'tenant_id', type: 'UInt32', codec: '', distinctEstimate: 0, sampledRows: 0 },
    { name: 'ts', type: 'DateTime', codec: '', distinctEstimate: 0, sampledRows: 0 },
    { name: 'user_id', type: 'UInt64', codec: '', distinctEstimate: 0, sampledRows: 0 },
    { name: 'status', type: 'String', codec: '', distinctEstimate: 12, sampledRows: 100_000 },
    { name: 'url', type: 'Nullable(String)', codec: '', distinctEstimate: 95_000, sampledRows: 100_000 },
  ],
};

function input(over: Partial<ChScanInput> = {}): ChScanInput {
  return { window: { since: NOW - 86_400_000, until: NOW }, serverVersion: '24.8.4.13', tables: [table()], queries: [], schemas: [schema], ...over };
}

describe('ClickHouse advisors', () => {
  it('reads keywords outside literals, quoted names and comments', () => {
    expect(keywords("SELECT * FROM t FINAL WHERE s = 'SELECT * FINAL' -- FINAL\n AND `FINAL` = 1")).to.deep.equal(['SELECT', '*', 'FROM', 'T', 'FINAL', 'WHERE', 'S', 'AND']);
  });

  it('too_many_parts from 150 parts in a partition (high from 300), credited once merged; partition_granularity on too many or too fine partitions', () => {
    const crowded = table({ maxPartsInPartition: 320, activeParts: 400 });
    const [f] = tooManyParts.detect(input({ tables: [crowded, table({ name: 'ok' })] }));
    expect(f).to.deep.include({ severity: 'high', objectKey: 'table/app//events/events' });
    expect(f!.runbook.sql).to.equal('OPTIMIZE TABLE `app`.`events` FINAL;');
    expect(tooManyParts.closure({ object: f!.object, evidence: f!.evidence, firstSeenMs: NOW }, input()).outcome).to.equal('applied');
    expect(tooManyParts.closure({ object: f!.object, evidence: f!.evidence, firstSeenMs: NOW }, input({ tables: [] })).outcome).to.equal('resolved');
    expect(partitionGranularity.detect(input({ tables: [table({ partitions: 1500 }), table({ name: 'fine', partitions: 200, rows: 100_000 }), table({ name: 'fine_ok', partitions: 200, rows: 1e9 })] })).map((x) => x.object.name)).to.deep.equal(['events', 'fine']);
  });

  it('small_inserts, select_star_heavy and final_usage from the query log, clean queries raising nothing', () => {
    const inserts = query('INSERT INTO app.events (ts, status) VALUES', { calls: 24 * 500, resultRows: 24 * 500 * 3, readBytes: 0 });
    const batched = query('INSERT INTO app.batched VALUES', { calls: 24, resultRows: 24 * 100_000 });
    expect(smallInserts.detect(input({ queries: [inserts, batched] })).map((f) => f.object.name)).to.deep.equal([inserts.queryHash]);
    const star = query('SELECT * FROM app.events WHERE tenant_id = ?');
    const final = query('SELECT tenant_id, count() FROM app.events FINAL GROUP BY tenant_id');
    const clean = query("SELECT tenant_id, count() FROM app.events WHERE status = 'FINAL' GROUP BY tenant_id");
    expect(selectStarHeavy.detect(input({ queries: [star, final, clean] })).map((f) => f.object.name)).to.deep.equal([star.queryHash]);
    expect(finalUsage.detect(input({ queries: [star, final, clean] })).map((f) => f.object.name)).to.deep.equal([final.queryHash]);
    expect(selectStarHeavy.detect(input({ queries: [query('SELECT * FROM app.events', { calls: 2 })] }))).to.deep.equal([]);
  });

  it('order_by_mismatch: heavy queries filtering on columns outside the sorting key prefix; credited when the key changes', () => {
    const q = [
      query('SELECT count() FROM app.events WHERE user_id = ? AND status = ?'),
      query('SELECT count() FROM events WHERE tenant_id = ? AND user_id = ?', { queryHash: 'keyed' }),
      query('SELECT count() FROM app.events WHERE user_id = ?', { queryHash: 'light', calls: 2 }),
    ];
    const [f] = orderByMismatch.detect(input({ queries: q }));
    expect(f!.evidence.figures).to.include({ sorting_key: 'tenant_id, ts', filter_columns: 'user_id,status' });
    expect(f!.runbook.sql).to.match(/^ALTER TABLE `app`\.`events` ADD INDEX `user_id_idx` `user_id` TYPE minmax/);
    expect(orderByMismatch.detect(input({ queries: q.slice(1) }))).to.deep.equal([]);
    const rekeyed = { ...schema, sortingKey: 'user_id, ts' };
    expect(orderByMismatch.closure({ object: f!.object, evidence: f!.evidence, firstSeenMs: NOW }, input({ schemas: [rekeyed] })).outcome).to.equal('applied');
  });

  it('codec and missing_ttl only where the release has them, credited once set', () => {
    const [c] = codecAdvice.detect(input());
    expect(c!.object).to.include({ table: 'events', name: 'ts' });
    expect(c!.runbook.sql).to.equal('ALTER TABLE `app`.`events` MODIFY COLUMN `ts` DateTime CODEC(DoubleDelta, ZSTD(1));');
    expect(codecAdvice.detect(input({ serverVersion: '18.16.1' }))).to.deep.equal([]);
    const withCodec = { ...schema, columns: schema.columns.map((x) => (x.name === 'ts' ? { ...x, codec: 'CODEC(DoubleDelta, ZSTD(1))' } : x)) };
    expect(codecAdvice.closure({ object: c!.object, evidence: c!.evidence, firstSeenMs: NOW }, input({ schemas: [withCodec] })).outcome).to.equal('applied');
    const [t] = missingTtl.detect(input());
    expect(t!.runbook.sql).to.equal('ALTER TABLE `app`.`events` MODIFY TTL `ts` + INTERVAL 90 DAY;');
    expect(missingTtl.detect(input({ serverVersion: '19.5.1' }))).to.deep.equal([]);
    expect(missingTtl.detect(input({ tables: [table({ bytesOnDisk: GB })] }))).to.deep.equal([]);
    expect(missingTtl.closure({ object: t!.object, evidence: t!.evidence, firstSeenMs: NOW }, input({ schemas: [{ ...schema, hasTtl: true }] })).outcome).to.equal('applied');
  });

  it('low_cardinality: String columns with few distinct values in the agent\'s sample, from 19.0', () => {
    const [f] = lowCardinality.detect(input());
    expect(f!.object).to.include({ table: 'events', name: 'status' });
    expect(f!.runbook.sql).to.equal('ALTER TABLE `app`.`events` MODIFY COLUMN `status` LowCardinality(String);');
    expect(lowCardinality.detect(input({ serverVersion: '18.16.1' }))).to.deep.equal([]);
    expect(lowCardinality.detect(input({ tables: [table({ rows: 1000 })] }))).to.deep.equal([]);
    const changed = { ...schema, columns: schema.columns.map((c) => (c.name === 'status' ? { ...c, type: 'LowCardinality(String)' } : c)) };
    expect(lowCardinality.closure({ object: f!.object, evidence: f!.evidence, firstSeenMs: NOW }, input({ schemas: [changed] })).outcome).to.equal('applied');
  });

  it('reconciles every ClickHouse type through the registry', () => {
    const changes = reconcile(CLICKHOUSE_ADVISORS, input({ tables: [table({ maxPartsInPartition: 200 })] }), [], NOW);
    expect(changes.created.map((f) => f.type)).to.deep.equal(['too_many_parts', 'low_cardinality', 'codec', 'missing_ttl']);
  });
});
