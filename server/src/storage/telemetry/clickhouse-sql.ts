/**
 * SQL text for ClickHouse built without ever pasting a value in raw. ClickHouse 18.16 (Debian's) has no
 * query parameters ({x:String} binding arrived in 19.x), so values become literals here, in one place:
 * `sql` escapes every interpolated value, and only `SqlFragment`s (other `sql` results, or identifiers
 * picked from a whitelist) pass through as SQL.
 */

export type SqlValue = string | number;

// The one way to make a fragment, kept inside this module (assigned by SqlFragment's static block).
let fragment: (text: string) => SqlFragment;

/** SQL text that is safe by construction: made only by `sql`, `identifier` and `rawSql`. */
export class SqlFragment {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  static {
    fragment = (text) => new SqlFragment(text);
  }

  get text(): string {
    return this.#text;
  }

  toString(): string {
    return this.#text;
  }
}

/**
 * A ClickHouse literal for `value`. Strings are single-quoted with backslash escapes, ClickHouse's
 * string syntax in every release: the backslash and the quote are the only characters that can end
 * or alter a literal; control characters become \xHH so a statement stays one printable line.
 * Numbers must be finite; integers beyond 2^53 are refused because JS already rounded them.
 */
export function literal(value: SqlValue): string {
  if (typeof value === 'string') return `'${value.replace(STRING_SPECIALS, escapeChar)}'`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} as a SQL literal`);
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new TypeError(`integer ${value} is beyond 2^53 and lost precision`);
    // String() gives plain or exponent notation (1e+21), both valid ClickHouse number literals.
    return Object.is(value, -0) ? '0' : String(value);
  }
  throw new TypeError(`unsupported SQL value of type ${typeof value}`);
}

const STRING_SPECIALS = /[\\'\x00-\x1f\x7f]/g;

function escapeChar(char: string): string {
  if (char === '\\') return '\\\\';
  if (char === "'") return "\\'";
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Tagged template: `sql\`SELECT … WHERE org_id = ${orgId}\`` escapes every value, nests fragments. */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | SqlFragment)[]): SqlFragment {
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += (value instanceof SqlFragment ? value.text : literal(value)) + strings[i + 1]!;
  });
  return fragment(text);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An identifier (table, column) that must be one of `allowed`; anything else is a bug and throws. */
export function identifier<const T extends string>(name: string, allowed: readonly T[]): SqlFragment {
  if (!(allowed as readonly string[]).includes(name) || !IDENTIFIER.test(name)) throw new TypeError(`identifier ${JSON.stringify(name)} is not allowed here`);
  return fragment(name);
}

/** Trusted SQL written in this codebase (DDL from the schema module); never pass anything derived from input. */
export function rawSql(text: string): SqlFragment {
  return fragment(text);
}

/** Joins fragments with `separator` (itself trusted SQL, e.g. ', '). */
export function joinSql(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  return fragment(fragments.map((f) => f.text).join(separator));
}
