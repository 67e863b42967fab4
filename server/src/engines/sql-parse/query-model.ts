/**
 * One statement model for both dialects. The PostgreSQL adapter (libpg-query's parse tree) and the
 * ClickHouse adapter (chDB's EXPLAIN QUERY TREE / EXPLAIN AST) each translate into it, so the
 * optimizer's rules and lineage are written once. Operators are calls named as ClickHouse names
 * them (`equals`, `like`, `in`, `notIn`, `and`, …): PostgreSQL's `=`, `~~`, `IN (…)` map onto those.
 */

export type Dialect = 'clickhouse' | 'postgresql';

/** An expression; `alias` when the query names it (`count() AS c`), so references to the name resolve. */
export type Expr = ExprNode & { readonly alias?: string };

type ExprNode =
  | { readonly kind: 'column'; readonly name: string }
  | { readonly kind: 'literal'; readonly type: 'string' | 'number' | 'null' | 'bool' | 'other'; readonly value: string; readonly items?: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly distinct?: boolean; readonly window?: boolean; readonly star?: boolean }
  | { readonly kind: 'subquery'; readonly query: Query }
  | { readonly kind: 'star'; readonly qualifier?: string }
  | { readonly kind: 'list'; readonly items: readonly Expr[] }
  | { readonly kind: 'param' }
  | { readonly kind: 'other'; readonly args: readonly Expr[] };

export interface OrderItem {
  readonly expr: Expr;
  readonly desc: boolean;
}

export type FromItem =
  | { readonly kind: 'table'; readonly name: string; readonly alias?: string; readonly final: boolean }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly Expr[]; readonly alias?: string }
  | { readonly kind: 'subquery'; readonly query: Query; readonly alias?: string; readonly lateral?: boolean }
  /** `cross` covers both `CROSS JOIN` and the comma list: the condition, if any, is in WHERE. */
  | { readonly kind: 'join'; readonly type: 'inner' | 'left' | 'right' | 'full' | 'cross'; readonly left: FromItem; readonly right: FromItem; readonly on?: Expr; readonly using?: readonly string[] }
  | { readonly kind: 'arrayJoin'; readonly source: FromItem; readonly exprs: readonly Expr[]; readonly left: boolean };

export interface Cte {
  readonly name: string;
  readonly query: Query;
}

export interface Select {
  readonly kind: 'select';
  readonly ctes: readonly Cte[];
  readonly distinct: boolean;
  readonly projection: readonly Expr[];
  /** Read but not filtering the scan: ClickHouse `WITH <expression> AS name` (not a CTE), QUALIFY. */
  readonly otherExprs?: readonly Expr[];
  /** Undefined: no FROM (SELECT 1). */
  readonly from?: FromItem;
  readonly prewhere?: Expr;
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  readonly having?: Expr;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: Expr;
  readonly offset?: Expr;
}

export interface SetOperation {
  readonly kind: 'setop';
  readonly op: 'union' | 'intersect' | 'except';
  /** UNION ALL: false; UNION / UNION DISTINCT: true. */
  readonly distinct: boolean;
  readonly ctes: readonly Cte[];
  readonly inputs: readonly Query[];
  readonly orderBy: readonly OrderItem[];
  readonly limit?: Expr;
  readonly offset?: Expr;
}

/** VALUES lists (INSERT … VALUES, PostgreSQL `VALUES (…)` as a query). */
export interface Values {
  readonly kind: 'values';
  readonly rows: number;
}

export type Query = Select | SetOperation | Values;

/** One parsed statement; `query_type` is what the API reports (SELECT, INSERT, …). */
export interface Statement {
  readonly dialect: Dialect;
  readonly queryType: string;
  /** The SELECT of a SELECT, INSERT … SELECT, CREATE TABLE … AS SELECT or view. */
  readonly query?: Query;
  /** CTEs of an INSERT / UPDATE / DELETE (PostgreSQL `WITH … INSERT`). */
  readonly ctes: readonly Cte[];
  /** The table written (INSERT, UPDATE, DELETE, CREATE … AS, ALTER … UPDATE/DELETE), as written. */
  readonly target?: string;
  readonly insertColumns: readonly string[];
  /** UPDATE … FROM, DELETE … USING. */
  readonly from?: FromItem;
  /** The WHERE of an UPDATE, DELETE or ClickHouse mutation. */
  readonly where?: Expr;
  readonly assignments: readonly { readonly column: string; readonly value: Expr }[];
  /** ClickHouse `ALTER TABLE … UPDATE` / `… DELETE`. */
  readonly mutation?: 'update' | 'delete';
  readonly returning: readonly Expr[];
}

/** A statement with every field empty but the given ones. */
export function statement(dialect: Dialect, queryType: string, fields: Partial<Omit<Statement, 'dialect' | 'queryType'>> = {}): Statement {
  return { dialect, queryType, ctes: [], insertColumns: [], assignments: [], returning: [], ...fields };
}

/** Children of an expression, subqueries excluded (walkers decide whether to descend into those). */
export function exprChildren(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'call':
    case 'other':
      return expr.args;
    case 'list':
      return expr.items;
    default:
      return [];
  }
}

/** Every expression node under `expr` (itself included), not descending into subqueries. */
export function* walkExpr(expr: Expr | undefined): Generator<Expr> {
  if (!expr) return;
  yield expr;
  for (const child of exprChildren(expr)) yield* walkExpr(child);
}

/** The subqueries directly inside `expr` (not those nested in them). */
export function subqueriesOf(expr: Expr | undefined): Query[] {
  return [...walkExpr(expr)].flatMap((e) => (e.kind === 'subquery' ? [e.query] : []));
}

/** The conjuncts of a WHERE: `a AND (b AND c)` → [a, b, c]. */
export function conjuncts(expr: Expr | undefined): Expr[] {
  if (!expr) return [];
  if (expr.kind === 'call' && expr.name === 'and') return expr.args.flatMap(conjuncts);
  return [expr];
}

/** The tables and subqueries a FROM item reads, joins flattened. */
export function fromLeaves(item: FromItem | undefined): FromItem[] {
  if (!item) return [];
  if (item.kind === 'join') return [...fromLeaves(item.left), ...fromLeaves(item.right)];
  if (item.kind === 'arrayJoin') return fromLeaves(item.source);
  return [item];
}

/** Every SELECT of `query`: a set operation's inputs, recursively. */
export function selectsOf(query: Query | undefined): Select[] {
  if (!query) return [];
  if (query.kind === 'select') return [query];
  if (query.kind === 'setop') return query.inputs.flatMap(selectsOf);
  return [];
}

/** Every query nested anywhere in `select` (CTEs, FROM subqueries, expression subqueries), not `select` itself. */
export function nestedQueries(select: Select): Query[] {
  const exprs = [...select.projection, ...(select.otherExprs ?? []), select.prewhere, select.where, ...select.groupBy, select.having, ...select.orderBy.map((o) => o.expr)];
  const fromQueries = (item: FromItem | undefined): Query[] => {
    if (!item) return [];
    switch (item.kind) {
      case 'subquery':
        return [item.query];
      case 'join':
        return [...fromQueries(item.left), ...fromQueries(item.right), ...subqueriesOf(item.on)];
      case 'arrayJoin':
        return [...fromQueries(item.source), ...item.exprs.flatMap(subqueriesOf)];
      case 'function':
        return item.args.flatMap(subqueriesOf);
      default:
        return [];
    }
  };
  return [...select.ctes.map((c) => c.query), ...fromQueries(select.from), ...exprs.flatMap(subqueriesOf)];
}

/** Every SELECT in `query` at any depth, outermost first. */
export function allSelects(query: Query | undefined): Select[] {
  const out: Select[] = [];
  const visit = (q: Query): void => {
    if (q.kind === 'setop') {
      q.ctes.forEach((c) => visit(c.query));
      q.inputs.forEach(visit);
      return;
    }
    if (q.kind !== 'select') return;
    out.push(q);
    nestedQueries(q).forEach(visit);
  };
  if (query) visit(query);
  return out;
}

/** The last part of a dotted name: `s.t.col` → `col`. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** The qualifier of a dotted column name, if any: `e.uid` → `e`. */
export function qualifierOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : name.slice(0, dot);
}
