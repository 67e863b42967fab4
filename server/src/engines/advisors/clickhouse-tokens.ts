export interface Token {
  readonly text: string;
  readonly upper: string;
}

/**
 * The words of a ClickHouse query outside string literals and comments, in order: identifiers and
 * keywords (`upper` is the upper-cased text), quoted names (`upper` empty: never a keyword), and `.`,
 * `(` and `*` for qualified names, calls and `SELECT *`. Enough to tell `FINAL` or a column from the
 * same letters inside a literal, without a parser per query in a scan over thousands of them.
 */
export function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'") {
      i++;
      while (i < sql.length && sql[i] !== "'") i += sql[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`' || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const text = sql.slice(i + 1, end < 0 ? sql.length : end);
      out.push({ text, upper: '' });
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j]!)) j++;
      out.push({ text: sql.slice(i, j), upper: sql.slice(i, j).toUpperCase() });
      i = j;
    } else {
      if (c === '.' || c === '(' || c === '*') out.push({ text: c, upper: c });
      i++;
    }
  }
  return out;
}
