/**
 * Literal stripping for query text that leaves the host. pg_stat_statements already replaces
 * most constants with $n, but utility statements, truncated texts and ClickHouse queries keep
 * theirs, and comments can hold anything. This is a single-pass lexer, not a parser: it only
 * needs to know where strings, numbers, comments and identifiers start and end.
 *
 * It classifies UTF-16 code units with charCodeAt comparisons, not one regular expression per
 * character: the agent runs it on every statement and query-log text it has not seen before.
 */

const PLACEHOLDER = '?';

const TAB = 9;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DOLLAR = 36;
const AMPERSAND = 38;
const QUOTE = 39;
const DOUBLE_QUOTE = 34;
const STAR = 42;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const BACKSLASH = 92;
const UNDERSCORE = 95;
const BACKTICK = 96;

/** What /\s/ matches: ASCII tab to carriage return and space, and Unicode's spaces and separators. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === SPACE || (c >= TAB && c <= CR);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigitCode(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** [A-Za-z_] or any code unit from U+0080 (NaN past the end is neither). */
function isIdentStart(c: number): boolean {
  return isLetter(c) || c === UNDERSCORE || c >= 0x80;
}

/** [A-Za-z0-9_$] or any code unit from U+0080. */
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigitCode(c) || c === DOLLAR;
}

function isHexDigit(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** End index (exclusive) of a quoted run starting at `start` with `quote`, honouring doubled quotes and, when `backslash`, backslash escapes. */
function endOfQuoted(sql: string, start: number, quote: number, backslash: boolean): number {
  let i = start + 1;
  const n = sql.length;
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (backslash && c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (sql.charCodeAt(i + 1) === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return n;
}

/** End index of a number literal: digits, one dot, exponent, or hex/binary prefix forms. */
function endOfNumber(sql: string, start: number): number {
  let i = start;
  const second = sql.charCodeAt(i + 1) | 0x20; // lower case for letters
  if (sql.charCodeAt(i) === ZERO && (second === 0x78 || second === 0x62)) {
    // 0x… or 0b…
    i += 2;
    while (i < sql.length && (isHexDigit(sql.charCodeAt(i)) || sql.charCodeAt(i) === UNDERSCORE)) i++;
    return i;
  }
  while (isDigitCode(sql.charCodeAt(i)) || sql.charCodeAt(i) === UNDERSCORE) i++;
  if (sql.charCodeAt(i) === DOT && sql.charCodeAt(i + 1) !== DOT) {
    i++;
    while (isDigitCode(sql.charCodeAt(i))) i++;
  }
  const e = sql.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    const sign = sql.charCodeAt(i + 1);
    if (isDigitCode(sign) || ((sign === PLUS || sign === MINUS) && isDigitCode(sql.charCodeAt(i + 2)))) {
      i += 2;
      while (isDigitCode(sql.charCodeAt(i))) i++;
    }
  }
  return i;
}

/** End index of a dollar-quote tag ($$ or $tag$) starting at `start`, or -1 when there is none. */
function endOfDollarTag(sql: string, start: number): number {
  let i = start + 1;
  if (sql.charCodeAt(i) === DOLLAR) return i + 1;
  const first = sql.charCodeAt(i);
  if (!(isLetter(first) || first === UNDERSCORE)) return -1;
  i++;
  for (;;) {
    const c = sql.charCodeAt(i);
    if (c === DOLLAR) return i + 1;
    if (!(isLetter(c) || isDigitCode(c) || c === UNDERSCORE)) return -1;
    i++;
  }
}

/**
 * Replaces every string, number and dollar-quoted literal with `?` and drops comments, keeping
 * identifiers (plain, "quoted" and `backticked`) and bind parameters ($1, :name, ?) intact.
 * Whitespace runs collapse to one space so the result is stable for display and grouping.
 */
export function stripLiterals(sql: string): string {
  let out = '';
  // Whether out ends with the space a whitespace run became (reading out's last character would flatten it).
  let spaced = true;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);

    if (isSpace(c)) {
      i++;
      while (i < n && isSpace(sql.charCodeAt(i))) i++;
      if (!spaced) out += ' ';
      spaced = true;
      continue;
    }
    if ((c === MINUS && next === MINUS) || (c === HASH && next === SPACE)) {
      // ClickHouse also accepts "# " line comments.
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    if (c === SLASH && next === STAR) {
      // PostgreSQL block comments nest.
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const d = sql.charCodeAt(i);
        if (d === SLASH && sql.charCodeAt(i + 1) === STAR) {
          depth++;
          i += 2;
        } else if (d === STAR && sql.charCodeAt(i + 1) === SLASH) {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    if (c === QUOTE) {
      // Standard strings: '' escapes; ClickHouse also honours backslashes inside them.
      i = endOfQuoted(sql, i, QUOTE, true);
      out += PLACEHOLDER;
      spaced = false;
      continue;
    }
    if (next === QUOTE || (next === AMPERSAND && sql.charCodeAt(i + 2) === QUOTE)) {
      const lower = c | 0x20;
      const prefixed = i === 0 || !isIdentPart(sql.charCodeAt(i - 1));
      // E'…' (backslash escapes), B'…', X'…', N'…'; U&'…'.
      if (prefixed && next === QUOTE && (lower === 0x65 || lower === 0x62 || lower === 0x78 || lower === 0x6e) && isLetter(c)) {
        i = endOfQuoted(sql, i + 1, QUOTE, lower === 0x65);
        out += PLACEHOLDER;
        spaced = false;
        continue;
      }
      if (prefixed && next === AMPERSAND && lower === 0x75 && isLetter(c)) {
        i = endOfQuoted(sql, i + 2, QUOTE, false);
        out += PLACEHOLDER;
        spaced = false;
        continue;
      }
    }
    if (c === DOUBLE_QUOTE || c === BACKTICK) {
      const end = endOfQuoted(sql, i, c, c === BACKTICK);
      out += sql.slice(i, end);
      spaced = false;
      i = end;
      continue;
    }
    if (c === DOLLAR) {
      if (isDigitCode(next)) {
        // Bind parameter $n: already a placeholder.
        let j = i + 2;
        while (isDigitCode(sql.charCodeAt(j))) j++;
        out += sql.slice(i, j);
        spaced = false;
        i = j;
        continue;
      }
      const tagEnd = endOfDollarTag(sql, i);
      if (tagEnd !== -1) {
        const close = sql.indexOf(sql.slice(i, tagEnd), tagEnd);
        i = close === -1 ? n : close + (tagEnd - i);
        out += PLACEHOLDER;
        spaced = false;
        continue;
      }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(sql.charCodeAt(j))) j++;
      out += sql.slice(i, j);
      spaced = false;
      i = j;
      continue;
    }
    if (isDigitCode(c) || (c === DOT && isDigitCode(next))) {
      i = endOfNumber(sql, i);
      out += PLACEHOLDER;
      spaced = false;
      continue;
    }
    out += sql[i];
    spaced = false;
    i++;
  }
  return out.trimEnd();
}
