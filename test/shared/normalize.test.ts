import { expect } from 'chai';
import { stripLiterals } from '@vigil/shared';

describe('stripLiterals', () => {
  const cases: Array<[string, string]> = [
    ["SELECT * FROM t1 WHERE id = 42 AND name = 'bob''s'", 'SELECT * FROM t1 WHERE id = ? AND name = ?'],
    ["select x from t where a = E'it\\'s' and b = $$dollar 'x'$$ and c = $tag$ y $tag$", 'select x from t where a = ? and b = ? and c = ?'],
    ['SELECT $1, col_2, "Weird 1" FROM s.t WHERE a IN (1, 2.5e3, .5, 0xFF)', 'SELECT $1, col_2, "Weird 1" FROM s.t WHERE a IN (?, ?, ?, ?)'],
    ["SET work_mem = '64MB'", 'SET work_mem = ?'],
    ['/* secret 123 */ SELECT 1 -- card 4111\n', 'SELECT ?'],
    ["select `a1` from t where d = interval '1 day' and z::int = 3", 'select `a1` from t where d = interval ? and z::int = ?'],
    ["SELECT B'1010', X'ff', N'nat', U&'d\\0061t'", 'SELECT ?, ?, ?, ?'],
    ['SELECT   a,\n\tb   FROM   t', 'SELECT a, b FROM t'],
  ];
  for (const [input, expected] of cases) {
    it(`normalizes ${JSON.stringify(input)}`, () => {
      expect(stripLiterals(input)).to.equal(expected);
    });
  }

  it('leaves no digit or quoted value from the literals behind', () => {
    const out = stripLiterals("INSERT INTO orders VALUES (98765, 'alice@example.com', 3.14159, '2026-01-01')");
    expect(out).to.equal('INSERT INTO orders VALUES (?, ?, ?, ?)');
  });
});
