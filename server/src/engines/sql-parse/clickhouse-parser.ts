import { VigilError } from '@vigil/shared';
import { acquireChdb, type ChdbHandle, type ChdbWorker } from '../../storage/telemetry/chdb/chdb-worker.js';
import { charOffset, sqlSyntaxError } from './parse-error.js';
import { parseExplain, section, sectionList, sectionNode, type ExplainNode } from './explain-tree.js';
import { statement, type Cte, type Expr, type FromItem, type OrderItem, type Query, type Select, type Statement } from './query-model.js';

/**
 * ClickHouse's own parser, in chDB (a current ClickHouse in-process). No table is needed and none is
 * read: every query here only parses.
 *
 * The user's SQL never reaches chDB as query text first. It goes in as a bound parameter of
 * `formatQuery`, which parses it and refuses several statements; only that canonical text is then
 * explained, and a SELECT only from inside `SELECT explain FROM (EXPLAIN …)`, where ClickHouse refuses
 * output clauses (an `INTO OUTFILE` after a bare EXPLAIN QUERY TREE writes the file; checked on chDB 26).
 */

/** What the parser needs of chDB: two kinds of query returning text. */
export interface ChdbQueries {
  query(sql: string): Promise<string>;
  queryBind(sql: string, params: Record<string, string>): Promise<string>;
}

/**
 * chDB's parser through the process's chDB worker (storage/telemetry/chdb/chdb-worker.ts), on a
 * session of its own, opened on first use. chDB binds one data directory per process: give it the
 * telemetry store's directory when the embedded store is in use (then both share one worker), none
 * otherwise (a worker on a temporary one). close() it on shutdown.
 */
export class ChdbParseSession implements ChdbQueries {
  readonly #dir: string | undefined;
  #chdb: ChdbHandle | undefined;

  constructor(dir?: string) {
    this.#dir = dir;
  }

  #open(): ChdbWorker {
    this.#chdb ??= acquireChdb(this.#dir);
    return this.#chdb.worker;
  }

  query(sql: string): Promise<string> {
    return this.#open().query('parse', sql, 'TabSeparatedRaw');
  }

  queryBind(sql: string, params: Record<string, string>): Promise<string> {
    return this.#open().query('parse', sql, 'TabSeparatedRaw', params);
  }

  async close(): Promise<void> {
    const held = this.#chdb;
    this.#chdb = undefined;
    await held?.release();
  }
}

interface ChdbError {
  readonly message?: string;
  readonly clickhouseCode?: number;
}

const SYNTAX = 62;
const MAX_CACHED_CHARS = 4_000;
const BAD_ARGUMENTS = 36;

/** Plain UNION means UNION DISTINCT (the SQL standard); chDB's default refuses it. */
const EXPLAIN_SETTINGS = "SETTINGS union_default_mode = 'DISTINCT'";

export class ClickHouseParser {
  readonly #chdb: ChdbQueries;
  readonly #cache = new Map<string, Statement | VigilError>();
  readonly #cacheSize: number;

  constructor(chdb: ChdbQueries, options: { cacheSize?: number } = {}) {
    this.#chdb = chdb;
    this.#cacheSize = options.cacheSize ?? 1000;
  }

  /**
   * The one statement of `sql` in the shared model; a syntax error (or several statements) is
   * SQL_PARSE_ERROR with line and column. The same text parses once: results are kept in a small LRU.
   */
  async parse(sql: string): Promise<Statement> {
    const cached = this.#cache.get(sql);
    if (cached) {
      this.#cache.delete(sql);
      this.#cache.set(sql, cached);
      if (cached instanceof VigilError) throw cached;
      return cached;
    }
    let result: Statement | VigilError;
    try {
      result = await this.#parse(sql);
    } catch (err) {
      if (!(err instanceof VigilError)) throw err;
      result = err;
    }
    // Long texts are not kept: the cache stays small (at most cacheSize × 4,000 characters of keys).
    if (sql.length <= MAX_CACHED_CHARS) this.#cache.set(sql, result);
    if (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value!);
    if (result instanceof VigilError) throw result;
    return result;
  }

  /**
   * ClickHouse's canonical text of the one statement in `sql` (formatQuery: no comments, one layout,
   * output clauses and SETTINGS kept on their own last lines); SQL_PARSE_ERROR like parse().
   */
  async format(sql: string): Promise<string> {
    try {
      return await this.#chdb.queryBind('SELECT formatQuery({sql:String})', { sql });
    } catch (err) {
      // ClickHouse refusing the text is the SQL's problem; chDB itself failing (no session) is ours.
      if ((err as ChdbError).clickhouseCode === undefined) throw err;
      throw syntaxErrorOf(sql, err);
    }
  }

  async #parse(sql: string): Promise<Statement> {
    const canonical = withoutOutputClauses(await this.format(sql));
    const tree = await this.#queryTree(canonical);
    if (tree) return statement('clickhouse', 'SELECT', { query: tree });
    return this.#otherStatement(canonical);
  }

  /** The SELECT `canonical` as a query tree, or undefined when it is not a SELECT. */
  async #queryTree(canonical: string): Promise<Query | undefined> {
    try {
      const text = await this.#chdb.query(`SELECT explain FROM (EXPLAIN QUERY TREE run_passes = 0 ${canonical}) ${EXPLAIN_SETTINGS}`);
      const root = parseExplain(text, 'query-tree')[0];
      return root ? toQuery(root) : undefined;
    } catch (err) {
      if ((err as ChdbError).clickhouseCode === SYNTAX) return undefined;
      throw unsupported(err);
    }
  }

  /** INSERT, CREATE, ALTER, DELETE, UPDATE and the rest, from EXPLAIN AST. */
  async #otherStatement(canonical: string): Promise<Statement> {
    // Inside a subquery, EXPLAIN refuses output clauses before it refuses non-SELECTs: only that
    // expected refusal proves the bare EXPLAIN AST below cannot write a file.
    let refusal: ChdbError = {};
    try {
      await this.#chdb.query(`SELECT explain FROM (EXPLAIN AST ${canonical})`);
    } catch (err) {
      refusal = err as ChdbError;
    }
    if (!(refusal.clickhouseCode === BAD_ARGUMENTS && refusal.message?.includes('supports only SELECT'))) throw unsupported(refusal);
    let root: ExplainNode | undefined;
    try {
      root = parseExplain(await this.#chdb.query(`EXPLAIN AST ${canonical}`), 'ast')[0];
    } catch (err) {
      throw unsupported(err);
    }
    if (!root) throw unsupported(new Error('empty EXPLAIN AST'));
    const target = root.children.filter((c) => c.label === 'Identifier').map((c) => c.name).join('.') || undefined;
    const hasSelect = root.children.some((c) => c.label === 'SelectWithUnionQuery');
    const query = hasSelect ? await this.#embeddedSelect(canonical) : undefined;
    const base = { ...(target ? { target } : {}), ...(query ? { query } : {}) };
    switch (root.label) {
      case 'InsertQuery': {
        const columns = root.children.find((c) => c.label === 'ExpressionList')?.children.map((c) => c.name) ?? [];
        return statement('clickhouse', 'INSERT', { ...base, insertColumns: columns });
      }
      case 'CreateQuery':
        return statement('clickhouse', 'CREATE', base);
      case 'DeleteQuery': {
        const where = root.children.find((c) => c.label !== 'Identifier');
        return statement('clickhouse', 'DELETE', { ...base, ...(where ? { where: astExpr(where) } : {}) });
      }
      case 'UpdateQuery': {
        const [where, assignments] = root.children.filter((c) => c.label !== 'Identifier');
        return statement('clickhouse', 'UPDATE', { ...base, ...(where ? { where: astExpr(where) } : {}), assignments: assignmentsOf(assignments) });
      }
      case 'AlterQuery':
        return alterStatement(root, base);
      default:
        return statement('clickhouse', queryTypeOf(root), base);
    }
  }

  /** The SELECT inside INSERT … SELECT or CREATE … AS SELECT: its text starts at the first SELECT or WITH outside parentheses. */
  async #embeddedSelect(canonical: string): Promise<Query | undefined> {
    const start = topLevelKeyword(canonical, ['SELECT', 'WITH']);
    return start < 0 ? undefined : this.#queryTree(canonical.slice(start));
  }
}

/** formatQuery puts FORMAT, INTO OUTFILE and the query's SETTINGS on their own unindented last lines: none matters to analysis. */
function withoutOutputClauses(canonical: string): string {
  const lines = canonical.trimEnd().split('\n');
  while (lines.length > 1 && /^(FORMAT|INTO OUTFILE|SETTINGS) /.test(lines[lines.length - 1]!)) lines.pop();
  return lines.join('\n');
}

/** Where the first of `keywords` stands outside quotes and parentheses in canonical SQL, or -1. */
function topLevelKeyword(sql: string, keywords: readonly string[]): number {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '`' || ch === '"') {
      // formatQuery escapes quotes inside literals and identifiers with a backslash.
      for (i++; i < sql.length && sql[i] !== ch; i++) if (sql[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && (i === 0 || /\s/.test(sql[i - 1]!))) {
      const word = keywords.find((k) => sql.startsWith(k, i) && (i + k.length === sql.length || /\s/.test(sql[i + k.length]!)));
      if (word) return i;
    }
  }
  return -1;
}

function syntaxErrorOf(sql: string, err: unknown): VigilError {
  const message = (err as ChdbError).message ?? String(err);
  const position = /failed at position (\d+)/.exec(message);
  // The parser's words without the echo of the wrapping query.
  const reason = message
    .replace(/^Code: \d+\. DB::Exception: /, '')
    .replace(/: In scope SELECT formatQuery[\s\S]*$/, '')
    .replace(/ \([A-Z_]+\)$/, '');
  return sqlSyntaxError(sql, position ? charOffset(sql, Number(position[1]) - 1) : 0, reason);
}

/** A statement ClickHouse parses but this adapter cannot read: said plainly, never a 500. */
function unsupported(err: unknown): VigilError {
  return new VigilError('SQL_PARSE_ERROR', 'This statement parses but cannot be analysed', { details: { line: 1, column: 1, reason: 'unsupported statement form' }, cause: err });
}

function queryTypeOf(root: ExplainNode): string {
  // `OptimizeQuery` → OPTIMIZE, `ShowTables` → SHOW, `SYSTEM query` → SYSTEM, `Explain` → EXPLAIN.
  const word = root.label.replace(/Query$/, '').split(/(?=[A-Z][a-z])/)[0] ?? root.label;
  return word.toUpperCase();
}

function alterStatement(root: ExplainNode, base: { target?: string }): Statement {
  const commands = root.children.find((c) => c.label === 'ExpressionList')?.children ?? [];
  const mutation = commands.find((c) => c.label === 'AlterCommand' && (c.name === 'UPDATE' || c.name === 'DELETE'));
  if (!mutation) return statement('clickhouse', 'ALTER', base);
  const [where, assignments] = mutation.children;
  return statement('clickhouse', 'ALTER', {
    ...base,
    mutation: mutation.name === 'UPDATE' ? 'update' : 'delete',
    ...(where ? { where: astExpr(where) } : {}),
    assignments: assignmentsOf(assignments),
  });
}

function assignmentsOf(list: ExplainNode | undefined): { column: string; value: Expr }[] {
  return (list?.children ?? []).filter((a) => a.label === 'Assignment').map((a) => ({ column: a.name, value: a.children[0] ? astExpr(a.children[0]) : { kind: 'other', args: [] } }));
}

/** An EXPLAIN AST expression (mutation and DELETE conditions), enough for rules and lineage. */
function astExpr(node: ExplainNode): Expr {
  switch (node.label) {
    case 'Identifier':
      return { kind: 'column', name: node.name };
    case 'Literal':
      return literal(node.name, '');
    case 'Asterisk':
      return { kind: 'star' };
    case 'Function':
      return { kind: 'call', name: node.name, args: (node.children[0]?.children ?? []).map(astExpr) };
    default:
      return { kind: 'other', args: node.children.map(astExpr) };
  }
}

/**
 * A constant: query-tree constants come with their type; EXPLAIN AST literals only with their
 * spelling (`UInt64_1`, `Float64_1.5`, `'text'`, `NULL`, `Tuple_(…)`), read from that.
 */
function literal(value: string, type: string): Expr {
  const spelled = type || (value.startsWith("'") ? 'String' : value === 'NULL' ? 'Nullable(Nothing)' : value.startsWith('Tuple_(') ? 'Tuple(' : /^(U?Int|Float)\d+_/.test(value) ? 'Int' : value.startsWith('Bool_') ? 'Bool' : '');
  const items = spelled.startsWith('Tuple(') || spelled.startsWith('Array(') ? topLevelItems(type ? spelled : value.replace(/^Tuple_/, 'Tuple')) : undefined;
  const kind = /^(String|FixedString|LowCardinality\(String)/.test(spelled) ? 'string' : /^Nullable\(Nothing/.test(spelled) ? 'null' : /^(U?Int|Float|Decimal)/.test(spelled) ? 'number' : spelled === 'Bool' ? 'bool' : 'other';
  const text = kind === 'string' ? value.slice(1, -1).replace(/\\(.)/g, '$1') : kind === 'number' || kind === 'bool' ? value.replace(/^[A-Za-z]+\d*_/, '') : value;
  return { kind: 'literal', type: kind, value: text, ...(items === undefined ? {} : { items }) };
}

/** Elements of a Tuple(…) or Array(…) type: `Tuple(UInt8, String)` → 2. */
function topLevelItems(type: string): number {
  let depth = 0;
  let items = 1;
  for (const ch of type.slice(type.indexOf('(') + 1, -1)) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) items++;
  }
  return type.endsWith('()') ? 0 : items;
}

const SET_OPS: Record<string, { op: 'union' | 'intersect' | 'except'; distinct: boolean }> = {
  UNION_ALL: { op: 'union', distinct: false },
  UNION_DISTINCT: { op: 'union', distinct: true },
  INTERSECT_ALL: { op: 'intersect', distinct: false },
  INTERSECT_DISTINCT: { op: 'intersect', distinct: true },
  EXCEPT_ALL: { op: 'except', distinct: false },
  EXCEPT_DISTINCT: { op: 'except', distinct: true },
};

function toQuery(node: ExplainNode): Query {
  if (node.label === 'UNION') {
    const mode = SET_OPS[node.attrs.union_mode ?? ''] ?? { op: 'union', distinct: true };
    return { kind: 'setop', ...mode, ctes: [], inputs: sectionList(node, 'QUERIES').map(toQuery), orderBy: [] };
  }
  return toSelect(node);
}

function toSelect(node: ExplainNode): Select {
  const withItems = sectionList(node, 'WITH');
  const ctes: Cte[] = withItems.filter((w) => w.attrs.is_cte === '1').map((w) => ({ name: w.attrs.cte_name ?? '', query: toQuery(w) }));
  const expr = (name: string): Expr | undefined => {
    const n = sectionNode(node, name);
    return n ? toExpr(n) : undefined;
  };
  const from = sectionNode(node, 'JOIN TREE');
  // Without FROM the query tree reads system.one: the query reads no table.
  const reads = from && !(from.label === 'IDENTIFIER' && from.attrs.identifier === 'system.one') ? toFrom(from) : undefined;
  const qualify = expr('QUALIFY');
  const orderBy: OrderItem[] = sectionList(node, 'ORDER BY').map((sort) => ({ expr: sort.children[0]?.children[0] ? toExpr(sort.children[0].children[0]) : { kind: 'other', args: [] }, desc: sort.attrs.sort_direction === 'DESCENDING' }));
  const optional = (key: string, value: Expr | undefined) => (value ? { [key]: value } : {});
  return {
    kind: 'select',
    ctes,
    distinct: node.attrs.is_distinct === '1',
    projection: sectionList(node, 'PROJECTION').map(toExpr),
    // Scalar WITH expressions (`WITH (SELECT max(x) FROM m) AS mx`) and QUALIFY are read, not filters of the scan.
    otherExprs: [...withItems.filter((w) => w.attrs.is_cte !== '1').map(toExpr), ...(qualify ? [qualify] : [])],
    ...(reads ? { from: reads } : {}),
    ...optional('prewhere', expr('PREWHERE')),
    ...optional('where', expr('WHERE')),
    groupBy: sectionList(node, 'GROUP BY').map(toExpr),
    ...optional('having', expr('HAVING')),
    orderBy,
    ...optional('limit', expr('LIMIT')),
    ...optional('offset', expr('OFFSET')),
  };
}

function alias(node: ExplainNode): { alias?: string } {
  return node.attrs.alias ? { alias: node.attrs.alias } : {};
}

function toFrom(node: ExplainNode): FromItem {
  switch (node.label) {
    case 'IDENTIFIER':
      return { kind: 'table', name: node.attrs.identifier ?? '', final: node.attrs.final === '1', ...alias(node) };
    case 'TABLE_FUNCTION':
      return { kind: 'function', name: node.attrs.table_function_name ?? '', args: sectionList(node, 'ARGUMENTS').map(toExpr), ...alias(node) };
    case 'QUERY':
    case 'UNION':
      return { kind: 'subquery', query: toQuery(node), ...alias(node) };
    case 'JOIN': {
      const condition = sectionNode(node, 'JOIN EXPRESSION');
      const kind = (node.attrs.kind ?? 'INNER').toLowerCase();
      return {
        kind: 'join',
        type: kind === 'left' || kind === 'right' || kind === 'full' || kind === 'cross' ? kind : 'inner',
        left: toFrom(sectionNode(node, 'LEFT TABLE EXPRESSION')!),
        right: toFrom(sectionNode(node, 'RIGHT TABLE EXPRESSION')!),
        ...(condition?.label === 'LIST' ? { using: condition.children.map((c) => c.attrs.identifier ?? '') } : condition ? { on: toExpr(condition) } : {}),
      };
    }
    case 'CROSS JOIN': {
      const items = node.children.filter((c) => c.label === 'TABLE EXPRESSION').map((c) => toFrom(c.children[0]!));
      return items.slice(1).reduce<FromItem>((left, right) => ({ kind: 'join', type: 'cross', left, right }), items[0]!);
    }
    case 'ARRAY_JOIN':
      return { kind: 'arrayJoin', source: toFrom(sectionNode(node, 'TABLE EXPRESSION')!), exprs: sectionList(node, 'JOIN EXPRESSIONS').map(toExpr), left: node.attrs.is_left === '1' };
    default:
      return { kind: 'function', name: node.label.toLowerCase(), args: [] };
  }
}

function toExpr(node: ExplainNode): Expr {
  const expr = exprOf(node);
  return node.attrs.alias ? { ...expr, alias: node.attrs.alias } : expr;
}

function exprOf(node: ExplainNode): Expr {
  switch (node.label) {
    case 'IDENTIFIER':
      return { kind: 'column', name: node.attrs.identifier ?? '' };
    case 'CONSTANT':
      return literal(node.attrs.constant_value ?? '', node.attrs.constant_value_type ?? '');
    case 'FUNCTION': {
      const name = node.attrs.function_name ?? '';
      const args = sectionList(node, 'ARGUMENTS').map(toExpr);
      // x = NULL arrives as _CAST(NULL, 'Nullable(Nothing)'): a constant, not a function of a column.
      if (name === '_CAST' && args[0]?.kind === 'literal') return args[0];
      return { kind: 'call', name, args, ...(node.attrs.function_type === 'window' || section(node, 'WINDOW') ? { window: true } : {}) };
    }
    case 'QUERY':
    case 'UNION':
      return { kind: 'subquery', query: toQuery(node) };
    case 'MATCHER':
      return { kind: 'star', ...(node.attrs.qualified_identifier ? { qualifier: node.attrs.qualified_identifier } : {}) };
    case 'LIST':
      return { kind: 'list', items: node.children.map(toExpr) };
    default:
      // LAMBDA, SORT, sections: keep what is underneath visible to the walkers.
      return { kind: 'other', args: node.children.map(toExpr) };
  }
}
