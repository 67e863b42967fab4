import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { VigilError } from '@vigil/shared';
import { ChdbParseSession } from '../../../server/src/engines/sql-parse/clickhouse-parser.js';
import { ChdbSqlClient } from '../../../server/src/storage/telemetry/chdb/chdb-telemetry-store.js';
import { acquireChdb } from '../../../server/src/storage/telemetry/chdb/chdb-worker.js';
import { rawSql } from '../../../server/src/storage/telemetry/clickhouse-sql.js';

/** A read that keeps a chDB session busy for a while (about 0.5–2 s on this machine). */
const SLOW_READ = 'SELECT sum(cityHash64(number)) AS s FROM numbers(1500000000) SETTINGS max_threads = 1';

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; clickhouseCode?: number }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string; clickhouseCode?: number };
  }
  throw new Error('expected a rejection');
}

describe('chDB worker thread (embedded telemetry off the event loop)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-chdb-worker-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps chDB errors as they were: name, code and ClickHouse code, for queries and inserts', async () => {
    const client = new ChdbSqlClient(dir);
    try {
      const syntax = await rejection(client.select(rawSql('SELEC 1')));
      expect(syntax.clickhouseCode).to.equal(62);
      expect(syntax.code).to.match(/^CHDB_/);
      expect(syntax.message).to.match(/Syntax error/);
      const missing = await rejection(client.insert('no_such_table', [{ a: 1 }]));
      expect(missing.name).to.equal('ChdbInsertError');
      expect(missing.clickhouseCode).to.equal(60);
      // The worker answers the next call as usual.
      expect(await client.select<{ x: number }>(rawSql('SELECT 1 AS x'))).to.deep.equal([{ x: 1 }]);
    } finally {
      await client.close();
    }
  });

  it('writes while a long read runs: an insert never waits behind a read', async () => {
    const client = new ChdbSqlClient(dir);
    try {
      await client.command(rawSql('CREATE TABLE t (a UInt32) ENGINE = MergeTree ORDER BY a'));
      const settled: string[] = [];
      const read = client.select(rawSql(SLOW_READ)).then(() => settled.push('read'));
      const write = client.insert('t', [{ a: 1 }, { a: 2 }]).then(() => settled.push('insert'));
      const parse = new ChdbParseSession(dir);
      const parsed = parse.queryBind('SELECT formatQuery({sql:String})', { sql: 'select a from t final' }).then((text) => (settled.push('parse'), text));
      await Promise.all([read, write, parsed]);
      await parse.close();
      expect(settled.indexOf('insert')).to.be.lessThan(settled.indexOf('read'));
      expect(settled.indexOf('parse')).to.be.lessThan(settled.indexOf('read'));
      expect(await parsed).to.match(/FROM t\s+FINAL/);
      expect(await client.select<{ n: string }>(rawSql('SELECT count() AS n FROM t'))).to.deep.equal([{ n: 2 }]);
    } finally {
      await client.close();
    }
  });

  it('answers a short read while a long one runs: reads have sessions of their own, opened when the others are busy', async () => {
    const handle = acquireChdb(dir);
    try {
      const settled: string[] = [];
      const long = handle.worker.query('read', SLOW_READ, 'TabSeparated').then(() => settled.push('long'));
      const short = handle.worker.query('read', 'SELECT 1', 'TabSeparated').then((text) => (settled.push('short'), text));
      await Promise.all([long, short]);
      expect(settled).to.deep.equal(['short', 'long']);
      expect(await short).to.equal('1\n');
    } finally {
      await handle.release();
    }
  });

  it('runs a second write beside a long one: two flushes in flight insert side by side', async () => {
    const handle = acquireChdb(dir);
    try {
      await handle.worker.query('write', 'CREATE TABLE t (a UInt32) ENGINE = MergeTree ORDER BY a', 'TabSeparated');
      const settled: string[] = [];
      const long = handle.worker.query('write', SLOW_READ, 'TabSeparated').then(() => settled.push('long'));
      const insert = handle.worker.insert('t', '{"a":1}', 'JSONEachRow').then(() => settled.push('insert'));
      await Promise.all([long, insert]);
      expect(settled).to.deep.equal(['insert', 'long']);
    } finally {
      await handle.release();
    }
  });

  it("starts chDB's engine with the process's arguments: merges at a lower CPU priority", async () => {
    const handle = acquireChdb(dir);
    try {
      const nice = await handle.worker.query('read', "SELECT value FROM system.server_settings WHERE name = 'os_threads_nice_value_merge_mutate'", 'TabSeparated');
      expect(nice).to.equal('10\n');
    } finally {
      await handle.release();
    }
  });

  it('shares one worker per data directory between the store and the parser; the last release closes it', async () => {
    const store = acquireChdb(dir);
    const parser = acquireChdb(dir);
    expect(parser.worker).to.equal(store.worker);
    await store.release();
    expect(store.worker.stopped).to.equal(false);
    expect(await parser.worker.query('parse', 'SELECT 1', 'TabSeparated')).to.equal('1\n');
    await parser.release();
    expect(store.worker.stopped).to.equal(true);
    // Released: another holder gets a new worker, on the same directory.
    const again = acquireChdb(dir);
    expect(again.worker).to.not.equal(store.worker);
    await again.release();
  });

  it('closes only after the queries in flight finish, then refuses new ones as chDB does', async () => {
    const handle = acquireChdb(dir);
    const inFlight = handle.worker.query('read', 'SELECT 42', 'TabSeparated');
    const closed = handle.release();
    expect(await inFlight).to.equal('42\n');
    await closed;
    const late = await rejection(handle.worker.query('read', 'SELECT 1', 'TabSeparated'));
    expect(late.code).to.equal('CHDB_CLOSED');
  });

  it('turns a crash of the worker thread into an error for every waiting and later call, not a hang', async () => {
    const handle = acquireChdb(dir);
    await handle.worker.query('write', 'SELECT 1', 'TabSeparated');
    const reading = handle.worker.query('read', SLOW_READ, 'TabSeparated');
    handle.worker.crashForTests('write');
    // Queued behind the crash in the write thread: it never runs.
    const waiting = handle.worker.query('write', 'SELECT 1', 'TabSeparated');
    const err = await rejection(waiting);
    expect(err).to.be.instanceOf(VigilError);
    expect(err.code).to.equal('SERVICE_UNAVAILABLE');
    expect(err.message).to.match(/chDB worker\) stopped: chDB worker crash requested/);
    // The read thread's call in flight fails as well, and so does any later call.
    expect((await rejection(reading)).code).to.equal('SERVICE_UNAVAILABLE');
    expect((await rejection(handle.worker.query('read', 'SELECT 1', 'TabSeparated'))).code).to.equal('SERVICE_UNAVAILABLE');
    await handle.release();
    // The directory opens again in a new worker.
    const next = acquireChdb(dir);
    expect(await next.worker.query('read', 'SELECT 2', 'TabSeparated')).to.equal('2\n');
    await next.release();
  });

  it('parses on a temporary directory of its own without a data directory (a ClickHouse server for telemetry)', async () => {
    const parse = new ChdbParseSession();
    try {
      expect(await parse.query('SELECT 1 + 1')).to.equal('2\n');
    } finally {
      await parse.close();
    }
  });
});
