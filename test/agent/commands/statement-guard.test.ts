import { expect } from 'chai';
import { explainableStatement } from '../../../agent/src/commands/statement-guard.js';

describe('agent/commands/statement-guard', () => {
  const reads = [
    'SELECT * FROM orders WHERE id = $1',
    'with recent as (select * from orders where ts > $1) select count(*) from recent',
    '(SELECT 1) UNION (SELECT 2)',
    'SELECT * FROM jobs WHERE state = $1 FOR UPDATE SKIP LOCKED',
    'SELECT * FROM jobs FOR NO KEY UPDATE',
    "SELECT 'insert into x' AS text, \"update\" FROM t",
    'SELECT count() FROM system.numbers LIMIT 10;',
    'VALUES (1), (2)',
  ];
  for (const sql of reads) {
    it(`accepts ${JSON.stringify(sql)}`, () => {
      expect(explainableStatement(sql)).to.deep.equal({ ok: true });
    });
  }

  const refused = [
    'UPDATE orders SET note = $1 WHERE id = $2',
    'DELETE FROM orders',
    'INSERT INTO orders VALUES ($1)',
    'WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone',
    'SELECT * INTO copy_of_orders FROM orders',
    'CREATE TABLE t (id int)',
    'VACUUM orders',
    'SELECT 1; DROP TABLE orders',
    '/* SELECT */ TRUNCATE orders',
    'SELECT * FROM t INTO OUTFILE $1',
    '',
  ];
  for (const sql of refused) {
    it(`refuses ${JSON.stringify(sql)}`, () => {
      expect(explainableStatement(sql).ok).to.equal(false);
    });
  }
});
