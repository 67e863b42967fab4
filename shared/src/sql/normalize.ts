/**
 * Literal stripping for query text that leaves the host. pg_stat_statements already replaces
 * most constants with $n, but utility statements, truncated texts and ClickHouse queries keep
 * theirs, and comments can hold anything. This is a single-pass lexer, not a parser: it only
 * needs to know where strings, numbers, comments and identifiers start and end.
 */

const PLACEHOLDER = '?';

function isIdentStart(ch: string): boolean {
  return /[A-Za-z_\u0080-\uffff]/.test(ch);
}

function isIdentPart(ch: string): boolean {
  return /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** End index (exclusive) of a quoted run starting at `start` with `quote`, honouring doubled quotes and, when `backslash`, backslash escapes. */
function endOfQuoted(sql: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslash && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/** End index of a number literal: digits, one dot, exponent, or hex/binary prefix forms. */
function endOfNumber(sql: string, start: number): number {
  let i = start;
  if (sql[i] === '0' && /[xXbB]/.test(sql[i + 1] ?? '')) {
    i += 2;
    while (i < sql.length && /[0-9A-Fa-f_]/.test(sql[i]!)) i++;
    return i;
  }
  while (isDigit(sql[i]) || sql[i] === '_') i++;
  if (sql[i] === '.' && sql[i + 1] !== '.') {
    i++;
    while (isDigit(sql[i])) i++;
  }
  if ((sql[i] === 'e' || sql[i] === 'E') && (isDigit(sql[i + 1]) || (/[+-]/.test(sql[i + 1] ?? '') && isDigit(sql[i + 2])))) {
    i += 2;
    while (isDigit(sql[i])) i++;
  }
  return i;
}

/**
 * Replaces every string, number and dollar-quoted literal with `?` and drops comments, keeping
 * identifiers (plain, "quoted" and `backticked`) and bind parameters ($1, :name, ?) intact.
 * Whitespace runs collapse to one space so the result is stable for display and grouping.
 */
export function stripLiterals(sql: string): string {
  let out = '';
  let i = 0;
  const emit = (text: string): void => {
    out += text;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];

    if (/\s/.test(ch)) {
      while (i < sql.length && /\s/.test(sql[i]!)) i++;
      if (out.length > 0 && !out.endsWith(' ')) emit(' ');
      continue;
    }
    if (ch === '-' && next === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (ch === '#' && next === ' ') {
      // ClickHouse also accepts "# " line comments.
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && next === '*') {
      // PostgreSQL block comments nest.
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    if (ch === "'") {
      // Standard strings: '' escapes; ClickHouse also honours backslashes inside them.
      i = endOfQuoted(sql, i, "'", true);
      emit(PLACEHOLDER);
      continue;
    }
    if ((ch === 'E' || ch === 'e' || ch === 'B' || ch === 'b' || ch === 'X' || ch === 'x' || ch === 'N' || ch === 'n') && next === "'" && !isIdentPart(sql[i - 1] ?? ' ')) {
      i = endOfQuoted(sql, i + 1, "'", ch === 'E' || ch === 'e');
      emit(PLACEHOLDER);
      continue;
    }
    if ((ch === 'U' || ch === 'u') && next === '&' && sql[i + 2] === "'" && !isIdentPart(sql[i - 1] ?? ' ')) {
      i = endOfQuoted(sql, i + 2, "'", false);
      emit(PLACEHOLDER);
      continue;
    }
    if (ch === '"' || ch === '`') {
      const end = endOfQuoted(sql, i, ch, ch === '`');
      emit(sql.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '$') {
      if (isDigit(next)) {
        // Bind parameter $n: already a placeholder.
        let j = i + 1;
        while (isDigit(sql[j])) j++;
        emit(sql.slice(i, j));
        i = j;
        continue;
      }
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close === -1 ? sql.length : close + tag[0].length;
        emit(PLACEHOLDER);
        continue;
      }
    }
    if (isIdentStart(ch)) {
      let j = i + 1;
      while (j < sql.length && isIdentPart(sql[j]!)) j++;
      emit(sql.slice(i, j));
      i = j;
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(next))) {
      i = endOfNumber(sql, i);
      emit(PLACEHOLDER);
      continue;
    }
    emit(ch);
    i++;
  }
  return out.trimEnd();
}
