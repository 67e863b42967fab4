/**
 * A position-keeping scanner for ClickHouse's canonical SQL (formatQuery's output), and where table
 * sources stand in it. The guard rewrites view references at those positions and counts them
 * against the parsed tree, so a source the tree does not show is refused rather than run.
 */

export interface SqlToken {
  readonly kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
  /** Words as written; quoted names unquoted. */
  readonly text: string;
  /** Upper-cased words (keywords); '' for anything else. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
}

/** The tokens of `sql`, comments and whitespace skipped. */
export function scanSql(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlToken['kind'], start: number, end: number, text = sql.slice(start, end)) => out.push({ kind, text, upper: kind === 'word' ? text.toUpperCase() : '', start, end });
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || c === '`' || c === '"') {
      const start = i;
      let text = '';
      for (i++; i < sql.length; i++) {
        if (sql[i] === '\\') text += sql[++i] ?? '';
        else if (sql[i] === c && sql[i + 1] === c) text += sql[++i];
        else if (sql[i] === c) break;
        else text += sql[i];
      }
      i++;
      push(c === "'" ? 'string' : 'quoted', start, Math.min(i, sql.length), text);
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i]!)) i++;
      push('word', start, i);
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql[i]!)) i++;
      push('number', start, i);
    } else {
      push('punct', i, i + 1);
      i++;
    }
  }
  return out;
}

/** Keywords that end a FROM list at its own depth. */
const FROM_LIST_END = new Set(['WHERE', 'PREWHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'SETTINGS', 'UNION', 'INTERSECT', 'EXCEPT', 'WINDOW', 'QUALIFY', 'ON', 'USING', 'FORMAT', 'INTO', 'SELECT', 'ARRAY', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'PASTE', 'ANY', 'ALL', 'ASOF', 'SEMI', 'ANTI', 'GLOBAL', 'JOIN']);

/**
 * Indexes of the tokens standing where a table source goes: right after FROM, after JOIN (not
 * ARRAY JOIN, whose operand is an expression) and after a comma of a FROM list. The token there is a
 * name, a table function's name, or the `(` of a subquery.
 */
export function tableSourcePositions(tokens: readonly SqlToken[]): number[] {
  const positions: number[] = [];
  // Per parenthesis depth: whether a FROM list is open there.
  const fromList: boolean[] = [false];
  let expect = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const depth = fromList.length - 1;
    if (expect) {
      positions.push(i);
      expect = false;
    }
    if (t.kind === 'punct') {
      if (t.text === '(') fromList.push(false);
      else if (t.text === ')') {
        if (fromList.length > 1) fromList.pop();
      } else if (t.text === ',' && fromList[depth]) expect = true;
      continue;
    }
    if (t.kind !== 'word') continue;
    if (t.upper === 'FROM') {
      fromList[depth] = true;
      expect = true;
    } else if (t.upper === 'JOIN') {
      fromList[depth] = false;
      if (tokens[i - 1]?.upper !== 'ARRAY') expect = true;
    } else if (FROM_LIST_END.has(t.upper)) {
      fromList[depth] = false;
    }
  }
  return positions;
}
