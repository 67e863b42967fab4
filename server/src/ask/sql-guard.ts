import { VigilError } from '@vigil/shared';
import type { Expr, FromItem, Query, Select, Statement } from '../engines/sql-parse/query-model.js';
import type { TimeEncoding } from '../storage/telemetry/telemetry-ddl.js';
import { askView, isViewTable, literalViewSql, telemetryViewSql, type AskView, type LiteralRow, type ViewBinding } from './ask-views.js';
import { scanSql, tableSourcePositions, type SqlToken } from './sql-tokens.js';

/**
 * The guard between a question's SQL (generated or submitted) and the telemetry store. The SQL is
 * parsed with ClickHouse's own parser (chDB: formatQuery, then the query tree), must be one SELECT
 * reading only the ask views, and is rewritten so each view reference becomes a subquery over its
 * table bound to the caller's organization. The rewritten text is parsed again and checked the
 * other way round: every table read must be the sole source of a select filtered by exactly the
 * binding, and the table sources the text shows must be as many as the tree has, so a source in a
 * clause the model does not read is refused, never run. Limits are applied where it runs (ask-executor.ts).
 */

/** What the guard needs of the parsers (ctx.sql). */
export interface GuardParsers {
  formatClickHouse(sql: string): Promise<string>;
  parse(sql: string, dialect: 'clickhouse'): Promise<Statement>;
}

export interface GuardedQuery {
  /** The caller's SQL as ClickHouse formats it: what is shown and stored. */
  readonly canonical: string;
  /** The rewritten, re-checked text that runs. */
  readonly executable: string;
  /** Views it reads, sorted. */
  readonly views: readonly string[];
}

export const MAX_ASK_SQL_CHARS = 20_000;

/**
 * Functions refused anywhere: they read outside the query's tables (dictionaries, Join tables,
 * files, settings, macros, the server's identity and build) or exist to inspect the server.
 */
const DENIED_FUNCTIONS = /^(dictget\w*|dicthas|dictisin|dictgethierarchy|dictgetchildren|dictgetdescendants|joinget\w*|file|filesystem\w*|getsetting\w*|getserversetting\w*|getmacro|getclienthttpheader|getoskernelversion|addresstoline\w*|addresstosymbol|demangle|currentuser|currentprofiles|currentroles|enabledprofiles|enabledroles|defaultprofiles|defaultroles|currentdatabase|currentschemas|hostname|fqdn|tcpport|getserverport|serveruuid|uptime|buildid|revision|displayname|zookeepersessionuptime|catboostevaluate|modelevaluate|evalmlmethod|initialqueryid|queryid|initialquerystarttime|shardnum|shardcount|transactionid|transactionlatestsnapshot|transactionoldestsnapshot|globalvariable|input|url|s3|hdfs|remote\w*|cluster\w*|mysql|postgresql|executable|generaterandom\w*|numbers|zeros\w*|merge|view|viewifpermitted|viewexplain)$/i;

/** Keywords that would change where output goes or lift the limits: refused wherever they stand. */
const DENIED_KEYWORDS = new Set(['SETTINGS', 'FORMAT', 'INTO', 'OUTFILE', 'INFILE']);

const IN_FUNCTIONS = new Set(['in', 'notIn', 'globalIn', 'globalNotIn', 'nullIn', 'notNullIn', 'globalNullIn', 'globalNotNullIn', 'inIgnoreSet']);

function refuse(reason: string, message: string, object?: string): VigilError {
  return new VigilError('ASK_SQL_REFUSED', message, { details: { reason, ...(object === undefined ? {} : { object }) } });
}

/** Where a table name may resolve: a CTE in scope, else (first pass) a view, (second pass) a bound table. */
type TableCheck = (name: string, select: Select, whole: boolean) => void;

interface WalkCounts {
  sources: number;
}

function walkQuery(query: Query, scope: ReadonlySet<string>, check: TableCheck, counts: WalkCounts): void {
  if (query.kind === 'values') throw refuse('not_select', 'Only a SELECT over the ask views may run');
  const inner = new Set(scope);
  query.ctes.forEach((cte) => {
    // A CTE's own body does not see its name (a self-reference would resolve to a table).
    walkQuery(cte.query, inner, check, counts);
    inner.add(cte.name);
  });
  if (query.kind === 'setop') {
    for (const input of query.inputs) walkQuery(input, inner, check, counts);
    for (const item of query.orderBy) walkExpr(item.expr, inner, check, counts);
    walkExpr(query.limit, inner, check, counts);
    walkExpr(query.offset, inner, check, counts);
    return;
  }
  if (query.from) walkFrom(query.from, query, true, inner, check, counts);
  for (const e of [...query.projection, ...(query.otherExprs ?? []), query.prewhere, query.where, ...query.groupBy, query.having, ...query.orderBy.map((o) => o.expr), query.limit, query.offset]) {
    walkExpr(e, inner, check, counts);
  }
}

function walkFrom(item: FromItem, select: Select, whole: boolean, scope: ReadonlySet<string>, check: TableCheck, counts: WalkCounts): void {
  switch (item.kind) {
    case 'table':
      counts.sources++;
      if (scope.has(item.name)) return;
      check(item.name, select, whole);
      return;
    case 'function':
      counts.sources++;
      throw refuse('table_function', `Table function ${item.name}() is not allowed: read the ask views (GET /ask/schema)`, item.name);
    case 'subquery':
      counts.sources++;
      walkQuery(item.query, scope, check, counts);
      return;
    case 'join':
      walkFrom(item.left, select, false, scope, check, counts);
      walkFrom(item.right, select, false, scope, check, counts);
      walkExpr(item.on, scope, check, counts);
      return;
    case 'arrayJoin':
      walkFrom(item.source, select, false, scope, check, counts);
      for (const e of item.exprs) walkExpr(e, scope, check, counts);
      return;
  }
}

function walkExpr(expr: Expr | undefined, scope: ReadonlySet<string>, check: TableCheck, counts: WalkCounts): void {
  if (!expr) return;
  switch (expr.kind) {
    case 'subquery':
      walkQuery(expr.query, scope, check, counts);
      return;
    case 'call':
      if (DENIED_FUNCTIONS.test(expr.name)) throw refuse('function', `Function ${expr.name}() is not allowed in an ask query`, expr.name);
      // `x IN t` reads table t whole: only a list or a subquery may follow IN.
      if (IN_FUNCTIONS.has(expr.name) && expr.args[1]?.kind === 'column') throw refuse('in_table', `IN ${expr.args[1].name} reads a table: write IN (SELECT … FROM <view>) instead`, expr.args[1].name);
      for (const arg of expr.args) walkExpr(arg, scope, check, counts);
      return;
    case 'list':
      for (const item of expr.items) walkExpr(item, scope, check, counts);
      return;
    case 'other':
      for (const arg of expr.args) walkExpr(arg, scope, check, counts);
      return;
    default:
      return;
  }
}

/** Token-level refusals, which hold in every clause, modelled or not. */
function checkTokens(tokens: readonly SqlToken[]): void {
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && DENIED_KEYWORDS.has(t.upper)) {
      throw refuse(t.upper === 'SETTINGS' ? 'settings' : 'output_clause', `${t.upper} is not allowed in an ask query: limits and output are the server's`, t.upper);
    }
    const next = tokens[i + 1];
    if (t.kind === 'word' && next?.text === '(' && DENIED_FUNCTIONS.test(t.text) && tokens[i - 1]?.upper !== 'AS') {
      throw refuse('function', `Function ${t.text}() is not allowed in an ask query`, t.text);
    }
    // formatQuery writes `x IN t` as `x IN (t)`: a lone name inside IN's parentheses is a table.
    if (t.upper === 'IN' && next?.text === '(') {
      const inner = tokens[i + 2];
      const after = tokens[i + 3];
      if (inner && (inner.kind === 'word' || inner.kind === 'quoted') && inner.upper !== 'SELECT' && inner.upper !== 'WITH' && (after?.text === ')' || after?.text === '.')) {
        throw refuse('in_table', `IN ${inner.text} reads a table: write IN (SELECT … FROM <view>) instead`, inner.text);
      }
    }
  });
}

/** True when `where` is exactly bindingCondition(binding) as the query tree shows it. */
function isBinding(where: Expr | undefined, binding: ViewBinding): boolean {
  const equals = (e: Expr | undefined, column: string, value: string) =>
    e?.kind === 'call' && e.name === 'equals' && e.args.length === 2 && e.args[0]?.kind === 'column' && e.args[0].name === column && e.args[1]?.kind === 'literal' && e.args[1].type === 'string' && e.args[1].value === value;
  if (binding.databaseId === undefined) return equals(where, 'org_id', binding.orgId);
  return where?.kind === 'call' && where.name === 'and' && where.args.length === 2 && equals(where.args[0], 'org_id', binding.orgId) && equals(where.args[1], 'database_id', binding.databaseId);
}

/** The metadata views' rows, asked for only when the query reads them. */
export type MetadataRows = (view: AskView) => Promise<readonly LiteralRow[]>;

export class SqlGuard {
  readonly #parsers: GuardParsers;

  constructor(parsers: GuardParsers) {
    this.#parsers = parsers;
  }

  /**
   * Checks `text` and returns what may run for `binding`, or throws ASK_SQL_REFUSED (what and why
   * in details) or SQL_PARSE_ERROR (line and column). `time` is the store's time encoding.
   */
  async guard(text: string, binding: ViewBinding, time: TimeEncoding, metadataRows: MetadataRows): Promise<GuardedQuery> {
    if (text.length > MAX_ASK_SQL_CHARS) throw refuse('too_long', `The SQL is longer than ${MAX_ASK_SQL_CHARS} characters`);
    const canonical = (await this.#parsers.formatClickHouse(text)).trim();
    const statement = await this.#parsers.parse(canonical, 'clickhouse');
    if (statement.queryType !== 'SELECT' || !statement.query) throw refuse('not_select', `Only a SELECT over the ask views may run, not ${statement.queryType}`, statement.queryType);
    const tokens = scanSql(canonical);
    checkTokens(tokens);
    for (const i of tableSourcePositions(tokens)) {
      // A qualified name (system.one, default.statement_stats) is never a view; the tree hides system.one.
      if (tokens[i + 1]?.text === '.') throw refuse('not_a_view', `${tokens[i]!.text}.${tokens[i + 2]?.text ?? ''} is not an ask view: only the views of GET /ask/schema may be read`, `${tokens[i]!.text}.${tokens[i + 2]?.text ?? ''}`);
    }
    const views = new Set<string>();
    walkQuery(
      statement.query,
      new Set(),
      (name) => {
        const view = askView(name);
        if (!view) {
          const system = /^(system|information_schema|INFORMATION_SCHEMA)\./.test(name) || name.includes('.');
          throw refuse(system ? 'not_a_view' : 'unknown_view', system ? `${name} is not an ask view: only the views of GET /ask/schema may be read` : `Unknown view ${name}: the views are listed by GET /ask/schema`, name);
        }
        views.add(name);
      },
      { sources: 0 },
    );

    const rewritten = await this.#rewrite(canonical, tokens, views, binding, time, metadataRows);
    const executable = (await this.#parsers.formatClickHouse(rewritten)).trim();
    const finalTokens = scanSql(executable);
    checkTokens(finalTokens);
    const bound = await this.#parsers.parse(executable, 'clickhouse');
    if (bound.queryType !== 'SELECT' || !bound.query) throw refuse('not_select', 'Only a SELECT over the ask views may run');
    const counts = { sources: 0 };
    walkQuery(
      bound.query,
      new Set(),
      (name, select, whole) => {
        if (!(whole && isViewTable(name) && isBinding(select.where, binding))) throw refuse('unbound', `${name} is read outside its view's organization binding`, name);
      },
      counts,
    );
    const sources = tableSourcePositions(finalTokens).length;
    if (sources !== counts.sources) throw refuse('unmodelled_source', 'The query reads a source in a clause the guard cannot check');
    return { canonical, executable, views: [...views].sort() };
  }

  /** `canonical` with each view reference at a table position replaced by its bound subquery. */
  async #rewrite(canonical: string, tokens: readonly SqlToken[], views: ReadonlySet<string>, binding: ViewBinding, time: TimeEncoding, metadataRows: MetadataRows): Promise<string> {
    const bodies = new Map<string, string>();
    for (const name of views) {
      const view = askView(name)!;
      bodies.set(name, view.source === 'metadata' ? literalViewSql(view, await metadataRows(view)) : telemetryViewSql(name, binding, time));
    }
    let out = '';
    let at = 0;
    for (const i of tableSourcePositions(tokens)) {
      const t = tokens[i]!;
      const body = (t.kind === 'word' || t.kind === 'quoted') && tokens[i + 1]?.text !== '.' ? bodies.get(t.text) : undefined;
      if (body === undefined) continue;
      // Keep the view's name as the alias so `view.column` still resolves.
      const alias = tokens[i + 1]?.upper === 'AS' ? '' : ` AS ${t.kind === 'quoted' ? '`' + t.text.replace(/[`\\]/g, '\\$&') + '`' : t.text}`;
      out += `${canonical.slice(at, t.start)}(${body})${alias}`;
      at = t.end;
    }
    return out + canonical.slice(at);
  }
}
