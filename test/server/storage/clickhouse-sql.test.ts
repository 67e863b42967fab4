import { expect } from 'chai';
import { identifier, literal, rawSql, sql, type SqlValue } from '../../../server/src/storage/telemetry/clickhouse-sql.js';
import type { TelemetrySqlClient } from '../../../server/src/storage/telemetry/telemetry-sql-client.js';
import { TELEMETRY_SQL_BACKENDS } from '../../helpers/backends.js';

// Strings that break naive quoting: quotes and backslashes in every combination, comment and statement
// terminators, other engines' placeholders, control characters, non-ASCII, and a long one.
const HOSTILE_STRINGS = [
  '',
  "'",
  "''",
  '\\',
  "\\'",
  "\\\\'",
  "'\\",
  "' OR 1=1 --",
  "'; DROP TABLE t; --",
  "a' || (SELECT version()) || '",
  '\\x27',
  '\\N',
  '{x:String}',
  '?',
  '$1',
  '`t`',
  '"t"',
  '*/ SELECT 1 /*',
  'line\nbreak\r\ttab',
  'nul\0byte',
  '\x01\x1f\x7f',
  'héllo wörld ✓ 😀',
  "x'".repeat(5000),
];

/** A deterministic PRNG (mulberry32), so a failing case is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random strings over the characters that matter to a literal (no lone surrogates: they are not text). */
function randomStrings(count: number): string[] {
  const alphabet = ["'", '\\', '"', '`', '\n', '\r', '\t', '\0', '\x1b', ' ', '-', '/', '*', ';', '{', '}', 'x', '0', 'é', '😀'];
  const random = prng(20261123);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join(''));
}

describe('clickhouse-sql', () => {
  describe('literal()', () => {
    it('quotes strings and escapes the backslash, the quote and control characters', () => {
      expect(literal('plain')).to.equal("'plain'");
      expect(literal("it's")).to.equal("'it\\'s'");
      expect(literal('a\\b')).to.equal("'a\\\\b'");
      expect(literal("\\'")).to.equal("'\\\\\\''");
      expect(literal('a\nb\0')).to.equal("'a\\x0ab\\x00'");
    });

    it('writes finite numbers and refuses the rest', () => {
      expect(literal(42)).to.equal('42');
      expect(literal(-1.5)).to.equal('-1.5');
      expect(literal(-0)).to.equal('0');
      expect(literal(2 ** 53 - 1)).to.equal('9007199254740991');
      for (const bad of [NaN, Infinity, -Infinity, 2 ** 53, 1e21]) expect(() => literal(bad), String(bad)).to.throw(TypeError);
      for (const bad of [true, null, undefined, 1n, {}, ['x']]) expect(() => literal(bad as unknown as SqlValue), String(bad)).to.throw(TypeError);
    });
  });

  describe('sql``', () => {
    it('escapes every interpolated value and passes fragments through', () => {
      const where = sql`a = ${"x' OR 1=1"}`;
      expect(sql`SELECT * FROM t WHERE ${where} LIMIT ${5}`.text).to.equal("SELECT * FROM t WHERE a = 'x\\' OR 1=1' LIMIT 5");
      expect(sql`SELECT ${rawSql('now()')}`.text).to.equal('SELECT now()');
    });
  });

  describe('identifier()', () => {
    it('passes a whitelisted name and refuses anything else', () => {
      expect(identifier('calls', ['calls', 'rows']).text).to.equal('calls');
      for (const bad of ['total', 'calls; DROP TABLE t', 'calls DESC', '`calls`', 'constructor', '']) {
        expect(() => identifier(bad, ['calls', 'rows']), bad).to.throw(TypeError);
      }
      // Even a whitelisted entry must look like an identifier.
      expect(() => identifier('a b', ['a b'])).to.throw(TypeError);
    });
  });

  for (const backend of TELEMETRY_SQL_BACKENDS) {
    describe(`round trip through ${backend.name}`, () => {
      let client: TelemetrySqlClient;
      let dispose: (() => Promise<void>) | undefined;
      const open = backend.setup();
      before(async () => {
        ({ store: client, dispose } = await open());
      });
      after(async () => {
        await dispose?.();
      });

      it('reads every hostile string back exactly as written', async () => {
        for (const value of HOSTILE_STRINGS) {
          const rows = await client.select<{ v: string; n: number | string }>(sql`SELECT ${value} AS v, length(${value}) AS n`);
          expect(rows, JSON.stringify(value.slice(0, 40))).to.deep.equal([{ v: value, n: rows[0]?.n }]);
          expect(Number(rows[0]?.n)).to.equal(Buffer.byteLength(value));
        }
      });

      it('reads 500 random strings of quote, backslash and control characters back exactly', async () => {
        const values = randomStrings(500);
        // One array literal: one round trip, and every element must end exactly where it should.
        const array = rawSql(`[${values.map((v) => literal(v)).join(', ')}]`);
        const rows = await client.select<{ v: string[] }>(sql`SELECT ${array} AS v`);
        expect(rows[0]?.v).to.deep.equal(values);
      });

      it('reads numbers back with their value', async () => {
        for (const value of [0, 1, -1, 1.5, -2.25, 2 ** 53 - 1, -(2 ** 53 - 1), 1e-7, 123456.789, -1.5e-300]) {
          const rows = await client.select<{ v: number }>(sql`SELECT toFloat64(${value}) AS v`);
          expect(rows[0]?.v, String(value)).to.equal(value);
        }
      });

      it('runs a predicate built from a hostile value as a comparison, not as SQL', async () => {
        const rows = await client.select<{ matched: number | string }>(sql`SELECT count() AS matched FROM system.one WHERE toString(dummy) = ${"0' OR '1'='1"}`);
        expect(Number(rows[0]?.matched)).to.equal(0);
      });
    });
  }
});
