import {
  conjuncts,
  fromLeaves,
  nestedQueries,
  qualifierOf,
  selectsOf,
  subqueriesOf,
  walkExpr,
  type Expr,
  type FromItem,
  type Query,
  type Select,
  type Statement,
} from '../sql-parse/query-model.js';

/**
 * Facts about a parsed statement that several rules share: which selects are outermost, every
 * select at any depth, the filter expressions, aggregate names and constant-ness.
 */

const AGGREGATES = new Set([
  'count', 'sum', 'avg', 'min', 'max', 'any', 'anylast', 'anyheavy', 'argmin', 'argmax', 'uniq', 'uniqexact', 'uniqcombined', 'uniqcombined64',
  'uniqhll12', 'uniqtheta', 'countdistinct', 'grouparray', 'groupuniqarray', 'grouparrayinsertat', 'groupbitand', 'groupbitor', 'groupbitxor',
  'groupbitmap', 'median', 'stddevpop', 'stddevsamp', 'stddev', 'stddev_pop', 'stddev_samp', 'varpop', 'varsamp', 'variance', 'var_pop', 'var_samp',
  'covarpop', 'covarsamp', 'covar_pop', 'covar_samp', 'corr', 'topk', 'topkweighted', 'summap', 'minmap', 'maxmap', 'sumwithoverflow', 'entropy',
  'array_agg', 'string_agg', 'json_agg', 'jsonb_agg', 'json_object_agg', 'jsonb_object_agg', 'bool_and', 'bool_or', 'every', 'bit_and', 'bit_or',
  'percentile_cont', 'percentile_disc', 'mode', 'xmlagg', 'grouping', 'first_value', 'last_value', 'approx_count_distinct', 'sumkahan', 'avgweighted',
]);
/** ClickHouse aggregate combinators: sumIf, uniqExactState, countDistinctIf, … */
const COMBINATORS = /(If|Array|State|Merge|MergeState|OrNull|OrDefault|Distinct|ForEach|Resample|SimpleState|Map)$/;

/** Whether `name` is an aggregate function in either dialect (combinators looked through). */
export function isAggregateName(name: string): boolean {
  let base = name;
  for (let i = 0; i < 4 && !AGGREGATES.has(base.toLowerCase()); i++) {
    const stripped = base.replace(COMBINATORS, '');
    if (stripped === base || stripped === '') break;
    base = stripped;
  }
  const lower = base.toLowerCase();
  return AGGREGATES.has(lower) || lower.startsWith('quantile') || lower.startsWith('regr_');
}

/** Whether `expr` contains an aggregate call (window calls and subqueries not counted). */
export function hasAggregate(expr: Expr | undefined): boolean {
  return [...walkExpr(expr)].some((e) => e.kind === 'call' && !e.window && isAggregateName(e.name));
}

/** A value fixed for the whole query: literals, parameters, and calls of those (now(), today() - 1, INTERVAL …). */
export function isConstant(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'param':
      return true;
    case 'list':
      return expr.items.every(isConstant);
    case 'call':
      return !expr.window && !isAggregateName(expr.name) && expr.args.every(isConstant);
    default:
      return false;
  }
}

/** The columns referenced in `expr` (subqueries excluded). */
export function columnsIn(expr: Expr | undefined): string[] {
  return [...walkExpr(expr)].flatMap((e) => (e.kind === 'column' ? [e.name] : []));
}

/** The selects a statement returns rows from or writes: a SELECT's own (union branches), or the query of INSERT … SELECT / CREATE … AS. */
export function outerSelects(stmt: Statement): Select[] {
  return selectsOf(stmt.query);
}

/** Every query of the statement at any depth (selects and set operations, CTEs and subqueries included), outermost first. */
export function everyQuery(stmt: Statement): Query[] {
  const out = new Set<Query>();
  const visit = (q: Query | undefined): void => {
    if (!q || out.has(q)) return;
    out.add(q);
    if (q.kind === 'setop') {
      q.ctes.forEach((c) => visit(c.query));
      q.inputs.forEach(visit);
    } else if (q.kind === 'select') nestedQueries(q).forEach(visit);
  };
  visit(stmt.query);
  stmt.ctes.forEach((c) => visit(c.query));
  for (const e of [stmt.where, ...stmt.assignments.map((a) => a.value)]) for (const sub of subqueriesOf(e)) visit(sub);
  return [...out];
}

/** Every select of the statement at any depth. */
export function everySelect(stmt: Statement): Select[] {
  return everyQuery(stmt).filter((q): q is Select => q.kind === 'select');
}

/** The row filters of a select or statement: WHERE and PREWHERE (and a mutation's WHERE). */
export function filtersOf(select: Select | Statement): Expr[] {
  return 'kind' in select ? [select.prewhere, select.where].filter((e): e is Expr => e !== undefined) : select.where ? [select.where] : [];
}

/** Every filter expression of the statement, with the select it belongs to (none for UPDATE/DELETE/mutations). */
export function everyFilter(stmt: Statement): Array<{ expr: Expr; select?: Select }> {
  return [...everySelect(stmt).flatMap((select) => filtersOf(select).map((expr) => ({ expr, select }))), ...filtersOf(stmt).map((expr) => ({ expr }))];
}

/** The conjunct-level terms of every filter: `WHERE a AND (b OR c)` gives `a` and `b OR c`. */
export function filterTerms(stmt: Statement): Array<{ term: Expr; select?: Select }> {
  return everyFilter(stmt).flatMap(({ expr, select }) => conjuncts(expr).map((term) => ({ term, ...(select ? { select } : {}) })));
}

/** The names a FROM item answers to: its alias, else its table name and that name's last part. */
export function namesOf(item: FromItem): string[] {
  if (item.kind === 'table') return item.alias ? [item.alias] : [item.name, item.name.split('.').pop()!];
  if (item.kind === 'subquery' || item.kind === 'function') return item.alias ? [item.alias] : [];
  return fromLeaves(item).flatMap(namesOf);
}

/** The table behind a column (`e.uid`, or any column when one table is read), as written, for suggested DDL. */
export function tableOfColumn(column: string, select: Select | undefined): string | undefined {
  if (!select) return undefined;
  const leaves = fromLeaves(select.from);
  const qualifier = qualifierOf(column);
  const table = qualifier ? leaves.find((l) => namesOf(l).includes(qualifier)) : leaves.length === 1 ? leaves[0] : undefined;
  return table?.kind === 'table' ? table.name : undefined;
}

/** A literal's number, when it is one. */
export function numberOf(expr: Expr | undefined): number | undefined {
  return expr?.kind === 'literal' && expr.type === 'number' && Number.isFinite(Number(expr.value)) ? Number(expr.value) : undefined;
}
