import { printExpr, printName } from '../sql-parse/expr-print.js';
import { baseName, fromLeaves, qualifierOf, walkExpr, type Dialect, type Expr, type FromItem, type Query, type Select, type Statement } from '../sql-parse/query-model.js';
import {
  columnsIn,
  everyFilter,
  everyQuery,
  everySelect,
  filterTerms,
  hasAggregate,
  isAggregateName,
  isConstant,
  namesOf,
  numberOf,
  outerSelects,
  tableOfColumn,
} from './query-facts.js';

/**
 * The optimizer's catalogue: one entry per rule with its severity and estimated saving per dialect
 * (absent: the rule does not apply to that dialect) and its check over the parsed statement. A new
 * rule is one entry here plus its rows in test/server/optimizer/corpus.ts.
 */

export type RuleId =
  | 'select_star'
  | 'order_by_without_limit'
  | 'leading_wildcard_like'
  | 'function_on_filter_column'
  | 'or_across_columns'
  | 'final_modifier'
  | 'large_in_list'
  | 'count_distinct'
  | 'alter_mutation'
  | 'cross_join'
  | 'not_in_subquery'
  | 'large_offset'
  | 'order_by_random'
  | 'union_distinct'
  | 'no_filter'
  | 'correlated_subquery'
  | 'having_without_aggregate';

export type Severity = 'high' | 'medium' | 'low';

/** What a check found: its own words, a rewrite when one can be written, a saving when the check can tell better than the default. */
export interface Detection {
  readonly message: string;
  readonly rewrite?: string | undefined;
  readonly savingsPct?: number;
  readonly severity?: Severity;
}

export interface OptimizerRule {
  readonly id: RuleId;
  readonly title: string;
  /** Per dialect; a dialect missing here is one the rule does not apply to. */
  readonly severity: Partial<Record<Dialect, Severity>>;
  /** Share of the query's read (and time) the fix typically saves, per dialect. */
  readonly savingsPct: Partial<Record<Dialect, number>>;
  check(stmt: Statement): Detection[];
}

const COMPARISONS = new Set(['equals', 'notEquals', 'less', 'greater', 'lessOrEquals', 'greaterOrEquals', 'between', 'notBetween', 'in', 'notIn', 'like', 'notLike', 'ilike', 'notILike']);
const LIKES = new Set(['like', 'notLike', 'ilike', 'notILike']);
const RANDOM = new Set(['random', 'rand', 'rand32', 'rand64', 'randcanonical', 'generateuuidv4']);

/**
 * ClickHouse prunes granules through these when they wrap a sorting-key column: they are monotonic,
 * so `toDate(ts) = today()` is as good as a range on ts.
 */
const CLICKHOUSE_MONOTONIC = new Set([
  'toDate', 'toDate32', 'toDateTime', 'toDateTime64', 'toStartOfSecond', 'toStartOfMinute', 'toStartOfFiveMinute', 'toStartOfFiveMinutes',
  'toStartOfTenMinutes', 'toStartOfFifteenMinutes', 'toStartOfHour', 'toStartOfDay', 'toStartOfWeek', 'toMonday', 'toStartOfMonth',
  'toStartOfQuarter', 'toStartOfYear', 'toStartOfISOYear', 'toStartOfInterval', 'toYYYYMM', 'toYYYYMMDD', 'toYYYYMMDDhhmmss', 'toYear',
  'toUnixTimestamp', 'toUnixTimestamp64Milli', 'toRelativeDayNum', 'toRelativeHourNum', 'toRelativeMonthNum', 'toRelativeYearNum',
  'dateTrunc', 'date_trunc', 'toStartOfMillisecond', 'toStartOfMicrosecond', 'fromUnixTimestamp', 'toLastDayOfMonth',
]);

const list = (items: readonly string[]): string => items.map((i) => `\`${i}\``).join(', ');
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Whether the select aggregates (GROUP BY, DISTINCT, or an aggregate in its list): its output is small. */
function aggregates(select: Select): boolean {
  return select.groupBy.length > 0 || select.distinct || select.projection.some(hasAggregate);
}

/** The function wrapping a column on one side of a comparison whose other sides are constants, if any. */
function wrappedColumn(term: Expr): { wrapper: Expr & { kind: 'call' }; column: string } | undefined {
  if (term.kind !== 'call' || !COMPARISONS.has(term.name) || term.args.length < 2) return undefined;
  const [subject, ...rest] = term.args;
  if (!subject || subject.kind !== 'call' || subject.window || isAggregateName(subject.name) || !rest.every(isConstant)) return undefined;
  const columns = columnsIn(subject);
  return columns.length > 0 ? { wrapper: subject, column: columns[0]! } : undefined;
}

/** A chain of monotonic wrappers around one bare column: `toStartOfHour(toDateTime(ts))`. */
function monotonicChain(expr: Expr): boolean {
  if (expr.kind === 'column') return true;
  if (expr.kind !== 'call' || !CLICKHOUSE_MONOTONIC.has(expr.name)) return false;
  const [first, ...rest] = expr.args;
  return first !== undefined && monotonicChain(first) && rest.every(isConstant);
}

/** The FROM items (with their names) visible to `select` itself. */
function scopeNames(select: Select): Set<string> {
  return new Set(fromLeaves(select.from).flatMap(namesOf));
}

/** Qualified columns in `query` (at any depth) whose qualifier none of its own FROM items defines. */
function outerReferences(query: Query): string[] {
  const refs: string[] = [];
  const visit = (q: Query, visible: Set<string>): void => {
    if (q.kind === 'setop') return q.inputs.forEach((i) => visit(i, visible));
    if (q.kind !== 'select') return;
    const names = new Set([...visible, ...scopeNames(q)]);
    const exprs = [...q.projection, q.prewhere, q.where, q.having, ...q.groupBy, ...joinConditions(q.from)];
    for (const e of exprs.flatMap((x) => [...walkExpr(x)])) {
      if (e.kind === 'column') {
        const qualifier = qualifierOf(e.name);
        if (qualifier && !names.has(qualifier)) refs.push(e.name);
      } else if (e.kind === 'subquery') visit(e.query, names);
    }
  };
  visit(query, new Set());
  return refs;
}

function joinConditions(item: FromItem | undefined): Expr[] {
  if (!item || item.kind !== 'join') return [];
  return [...(item.on ? [item.on] : []), ...joinConditions(item.left), ...joinConditions(item.right)];
}

/** Subqueries in expressions of `select` (not FROM), with the function they are an argument of. */
function expressionSubqueries(select: Select): Array<{ query: Query; via: string | undefined }> {
  const out: Array<{ query: Query; via: string | undefined }> = [];
  const visit = (e: Expr | undefined, via: string | undefined): void => {
    if (!e) return;
    if (e.kind === 'subquery') out.push({ query: e.query, via });
    else if (e.kind === 'call') e.args.forEach((a) => visit(a, e.name));
    else if (e.kind === 'list' || e.kind === 'other') (e.kind === 'list' ? e.items : e.args).forEach((a) => visit(a, via));
  };
  [...select.projection, select.prewhere, select.where, select.having].forEach((e) => visit(e, undefined));
  return out;
}

/** The cross joins of a FROM tree. */
function crossJoins(item: FromItem | undefined): Array<FromItem & { kind: 'join' }> {
  if (!item || item.kind !== 'join') return item?.kind === 'arrayJoin' ? crossJoins(item.source) : [];
  return [...(item.type === 'cross' ? [item] : []), ...crossJoins(item.left), ...crossJoins(item.right)];
}

/** A side of a join that yields one row or is computed from the other (a function, LATERAL, an ungrouped aggregate). */
function benignSide(item: FromItem): boolean {
  if (item.kind === 'function') return true;
  if (item.kind !== 'subquery') return false;
  if (item.lateral) return true;
  const q = item.query;
  return q.kind === 'values' || (q.kind === 'select' && q.groupBy.length === 0 && q.projection.length > 0 && q.projection.every(hasAggregate)) || (q.kind === 'select' && numberOf(q.limit) === 1);
}

/** Whether a WHERE conjunct of `select` compares a column of each side (the comma join's condition). */
function joinedInWhere(select: Select, join: FromItem & { kind: 'join' }): boolean {
  const left = new Set(fromLeaves(join.left).flatMap(namesOf));
  const right = new Set(fromLeaves(join.right).flatMap(namesOf));
  return [select.where, select.prewhere].some((where) =>
    [...walkExpr(where)].some((e) => {
      if (e.kind !== 'call' || !COMPARISONS.has(e.name)) return false;
      const qualifiers = columnsIn(e).map(qualifierOf);
      // Unqualified columns cannot be placed: a column compared with a column is taken as the condition.
      if (qualifiers.some((q) => q === undefined)) return e.args.filter((a) => a.kind === 'column').length >= 2;
      return qualifiers.some((q) => left.has(q!)) && qualifiers.some((q) => right.has(q!));
    }),
  );
}

function rewriteCount(arg: Expr | undefined, fn: string, dialect: Dialect): string | undefined {
  const printed = arg ? printExpr(arg, dialect) : undefined;
  return printed ? `${fn}(${printed})` : undefined;
}

export const OPTIMIZER_RULES: readonly OptimizerRule[] = [
  {
    id: 'select_star',
    title: 'SELECT * reads every column',
    severity: { clickhouse: 'high', postgresql: 'low' },
    savingsPct: { clickhouse: 50, postgresql: 10 },
    check(stmt) {
      if (stmt.queryType !== 'SELECT') return [];
      const stars = outerSelects(stmt).flatMap((s) => (s.from ? s.projection.filter((e) => e.kind === 'star') : []));
      if (stars.length === 0) return [];
      const what = unique(stars.map((s) => (s.kind === 'star' && s.qualifier ? `${s.qualifier}.*` : '*')));
      return [
        {
          message:
            stmt.dialect === 'clickhouse'
              ? `${list(what)} in the select list reads every column of the table from disk; ClickHouse stores each column apart, so naming only the columns you need reads only those.`
              : `${list(what)} in the select list fetches every column, including wide ones that may be TOASTed, and blocks index-only scans; name the columns you need.`,
        },
      ];
    },
  },
  {
    id: 'order_by_without_limit',
    title: 'ORDER BY without LIMIT sorts the whole result',
    severity: { clickhouse: 'medium', postgresql: 'medium' },
    savingsPct: { clickhouse: 20, postgresql: 20 },
    check(stmt) {
      if (stmt.queryType !== 'SELECT' || !stmt.query || stmt.query.kind === 'values') return [];
      const top = stmt.query;
      const selects = outerSelects(stmt);
      // A grouped or aggregated result is small: sorting it is cheap and usually wanted.
      if (top.orderBy.length === 0 || top.limit !== undefined || selects.some(aggregates) || selects.every((s) => !s.from)) return [];
      return [{ message: 'The query sorts every matching row but returns them all: add a LIMIT if only the first rows are used, or drop the ORDER BY if the client does not need the order.' }];
    },
  },
  {
    id: 'leading_wildcard_like',
    title: 'LIKE with a leading wildcard cannot use an index',
    severity: { clickhouse: 'medium', postgresql: 'medium' },
    savingsPct: { clickhouse: 30, postgresql: 50 },
    check(stmt) {
      const found = everyFilter(stmt).flatMap(({ expr, select }) =>
        [...walkExpr(expr)].flatMap((e) => {
          if (e.kind !== 'call' || !LIKES.has(e.name)) return [];
          const [subject, pattern] = e.args;
          if (pattern?.kind !== 'literal' || pattern.type !== 'string' || !pattern.value.startsWith('%') || pattern.value === '%') return [];
          return subject?.kind === 'column' ? [{ column: subject.name, pattern: pattern.value, select }] : [];
        }),
      );
      if (found.length === 0) return [];
      const first = found[0]!;
      const table = tableOfColumn(first.column, first.select);
      const column = printName(baseName(first.column), stmt.dialect);
      const rewrite = table
        ? stmt.dialect === 'postgresql'
          ? `CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX CONCURRENTLY ON ${printName(table, 'postgresql')} USING gin (${column} gin_trgm_ops);`
          : `ALTER TABLE ${printName(table, 'clickhouse')} ADD INDEX ${baseName(first.column).replace(/\W/g, '_')}_ngram ${column} TYPE ngrambf_v1(3, 65536, 3, 0) GRANULARITY 1;\nALTER TABLE ${printName(table, 'clickhouse')} MATERIALIZE INDEX ${baseName(first.column).replace(/\W/g, '_')}_ngram;`
        : undefined;
      return [
        {
          message:
            stmt.dialect === 'postgresql'
              ? `${list(unique(found.map((f) => f.column)))} is matched with a pattern starting with % ('${first.pattern}'): a B-tree index cannot serve it, so every row is read. A trigram GIN index (pg_trgm) can.`
              : `${list(unique(found.map((f) => f.column)))} is matched with a pattern starting with % ('${first.pattern}'): neither the primary key nor a minmax index can skip granules for it. An ngram bloom-filter skip index can, or a token index with hasToken() for whole words.`,
          rewrite,
        },
      ];
    },
  },
  {
    id: 'function_on_filter_column',
    title: 'A function on a filtered column prevents index use',
    severity: { clickhouse: 'medium', postgresql: 'high' },
    savingsPct: { clickhouse: 40, postgresql: 60 },
    check(stmt) {
      // Each predicate under the ANDs and ORs: a wrapped column in either kind defeats the index.
      const predicates = (e: Expr): Expr[] => (e.kind === 'call' && (e.name === 'and' || e.name === 'or') ? e.args.flatMap(predicates) : [e]);
      const found = filterTerms(stmt).flatMap(({ term, select }) => predicates(term).map((p) => ({ term: p, select }))).flatMap(({ term, select }) => {
        const hit = wrappedColumn(term);
        if (!hit) return [];
        if (stmt.dialect === 'clickhouse' && monotonicChain(hit.wrapper)) return [];
        return [{ ...hit, select }];
      });
      if (found.length === 0) return [];
      const first = found[0]!;
      const printed = printExpr(first.wrapper, stmt.dialect);
      const table = tableOfColumn(first.column, first.select);
      const names = list(unique(found.map((f) => printExpr(f.wrapper, stmt.dialect) ?? `${f.wrapper.name}(${f.column})`)));
      if (stmt.dialect === 'postgresql') {
        return [
          {
            message: `The filter compares ${names} with a constant: an index on ${list(unique(found.map((f) => baseName(f.column))))} cannot serve it, only an expression index on exactly that expression. Compare the bare column with a range instead (ts >= '2024-01-01' AND ts < '2024-01-02' rather than date(ts) = '2024-01-01'), or create the expression index.`,
            rewrite: table && printed ? `CREATE INDEX CONCURRENTLY ON ${printName(table, 'postgresql')} ((${printed}));` : undefined,
          },
        ];
      }
      return [
        {
          message: `The filter compares ${names} with a constant: ClickHouse cannot use the primary key or a skip index through this function, so it reads every granule. Compare the bare column (a range on it), or add the expression to the sorting key or a skip index. Monotonic time functions such as toDate or toStartOfHour are fine.`,
        },
      ];
    },
  },
  {
    id: 'or_across_columns',
    title: 'OR across different columns defeats index lookups',
    severity: { clickhouse: 'medium', postgresql: 'medium' },
    savingsPct: { clickhouse: 25, postgresql: 30 },
    check(stmt) {
      const found = filterTerms(stmt).flatMap(({ term }) => {
        if (term.kind !== 'call' || term.name !== 'or') return [];
        const sides = term.args.map((a) => new Set(columnsIn(a).map(baseName)));
        const all = new Set(sides.flatMap((s) => [...s]));
        // The same columns on every side (a = 1 OR a = 2, (a, b) pairs): an IN list or one index still serves it.
        if (all.size < 2 || sides.every((s) => s.size === all.size)) return [];
        return [[...all]];
      });
      if (found.length === 0) return [];
      return [
        {
          message:
            stmt.dialect === 'postgresql'
              ? `The filter ORs conditions on different columns (${list(found[0]!)}): one index cannot serve it, so PostgreSQL needs a bitmap OR of several indexes or a sequential scan. With an index on each column, splitting it into a UNION ALL of one query per column is often faster.`
              : `The filter ORs conditions on different columns (${list(found[0]!)}): the primary key can prune for at most one of them, so most granules are read. Split it into a UNION ALL of one query per condition if each can use the key or a skip index.`,
        },
      ];
    },
  },
  {
    id: 'final_modifier',
    title: 'FINAL merges rows at query time',
    severity: { clickhouse: 'high' },
    savingsPct: { clickhouse: 40 },
    check(stmt) {
      const tables = everySelect(stmt).flatMap((s) => fromLeaves(s.from).flatMap((l) => (l.kind === 'table' && l.final ? [l.name] : [])));
      if (tables.length === 0) return [];
      return [
        {
          message: `${list(unique(tables))} is read with FINAL: ClickHouse merges every part's rows while reading, single-threaded per partition on older releases and always slower than a plain read. Deduplicate with argMax(value, version) … GROUP BY key, keep FINAL only on recent partitions (do_not_merge_across_partitions_select_final = 1), or let merges do it (OPTIMIZE … FINAL off-peak).`,
        },
      ];
    },
  },
  {
    id: 'large_in_list',
    title: 'A very long IN list',
    severity: { clickhouse: 'medium', postgresql: 'medium' },
    savingsPct: { clickhouse: 15, postgresql: 20 },
    check(stmt) {
      const sizes = everyFilter(stmt).flatMap(({ expr }) =>
        [...walkExpr(expr)].flatMap((e) => {
          if (e.kind !== 'call' || (e.name !== 'in' && e.name !== 'notIn')) return [];
          const values = e.args[1];
          const n = values?.kind === 'list' ? values.items.filter((i) => i.kind === 'literal' || i.kind === 'param').length : values?.kind === 'literal' ? (values.items ?? 0) : 0;
          return n > 100 ? [n] : [];
        }),
      );
      if (sizes.length === 0) return [];
      return [
        {
          message:
            stmt.dialect === 'postgresql'
              ? `An IN list holds ${Math.max(...sizes)} literals: every distinct list is a new statement to parse and plan, and pg_stat_statements sees each length apart. Pass one array parameter (col = ANY($1)) or join a VALUES list or temporary table.`
              : `An IN list holds ${Math.max(...sizes)} literals: the query text is large to send and parse. Pass them as one Array parameter (has({ids:Array(UInt64)}, col)), an external table, or a Set/Join table.`,
        },
      ];
    },
  },
  {
    id: 'count_distinct',
    title: 'Exact COUNT(DISTINCT) is memory-hungry',
    severity: { clickhouse: 'medium', postgresql: 'low' },
    savingsPct: { clickhouse: 50, postgresql: 20 },
    check(stmt) {
      const calls = everySelect(stmt).flatMap((s) =>
        [...s.projection, s.having].flatMap((e) => [...walkExpr(e)].filter((c): c is Expr & { kind: 'call' } => c.kind === 'call' && ((c.name.toLowerCase() === 'count' && c.distinct === true) || c.name.toLowerCase() === 'countdistinct'))),
      );
      if (calls.length === 0) return [];
      const arg = calls[0]!.args[0];
      if (stmt.dialect === 'clickhouse') {
        return [
          {
            message: 'count(DISTINCT …) keeps every distinct value in memory (uniqExact). uniq() gives an approximate count (about 1.6 % error) in a fraction of the memory and time; keep uniqExact() where the exact figure matters.',
            rewrite: rewriteCount(arg, 'uniq', 'clickhouse'),
          },
        ];
      }
      return [{ message: 'count(DISTINCT …) sorts (or hashes) every value and cannot run in parallel. Counting over a DISTINCT subquery (SELECT count(*) FROM (SELECT DISTINCT …)) lets PostgreSQL use a hash aggregate and parallel workers; an approximate count (the hll extension) is far cheaper.' }];
    },
  },
  {
    id: 'alter_mutation',
    title: 'ALTER TABLE … UPDATE/DELETE rewrites whole parts',
    severity: { clickhouse: 'high' },
    savingsPct: { clickhouse: 70 },
    check(stmt) {
      if (!stmt.mutation || !stmt.target) return [];
      const where = stmt.where ? printExpr(stmt.where, 'clickhouse') : undefined;
      if (stmt.mutation === 'delete') {
        return [
          {
            message: `ALTER TABLE ${stmt.target} DELETE is a mutation: it rewrites every part that holds a matching row, in the background, and piles up if run often. A lightweight DELETE only marks the rows (they are dropped at the next merge); deleting whole partitions (ALTER TABLE … DROP PARTITION) is instant; TTL removes old rows by itself.`,
            rewrite: where ? `DELETE FROM ${printName(stmt.target, 'clickhouse')} WHERE ${where};` : undefined,
          },
        ];
      }
      return [
        {
          message: `ALTER TABLE ${stmt.target} UPDATE is a mutation: it rewrites the changed columns of every part that holds a matching row. For frequent updates, model the table as ReplacingMergeTree(version) and insert the new version of each row, or use lightweight UPDATE on releases that have it.`,
        },
      ];
    },
  },
  {
    id: 'cross_join',
    title: 'A cross join multiplies rows',
    severity: { clickhouse: 'high', postgresql: 'high' },
    savingsPct: { clickhouse: 80, postgresql: 80 },
    check(stmt) {
      const found = everySelect(stmt).flatMap((select) =>
        crossJoins(select.from).flatMap((join) => {
          if (benignSide(join.left) || benignSide(join.right) || joinedInWhere(select, join)) return [];
          return [[...fromLeaves(join.left), ...fromLeaves(join.right)].flatMap(namesOf).slice(0, 2)];
        }),
      );
      if (found.length === 0) return [];
      return [{ message: `${list(found[0]!)} are joined with no condition relating them: every row of one is paired with every row of the other. Add the join condition (JOIN … ON), or if one side is meant to be a single row, make that explicit with an aggregate or LIMIT 1.` }];
    },
  },
  {
    id: 'not_in_subquery',
    title: 'NOT IN (subquery) is slow and wrong with NULLs',
    severity: { postgresql: 'medium' },
    savingsPct: { postgresql: 40 },
    check(stmt) {
      const found = everyFilter(stmt).flatMap(({ expr }) =>
        [...walkExpr(expr)].flatMap((e) => (e.kind === 'call' && e.name === 'notIn' && e.args[1]?.kind === 'subquery' && e.args[0] ? [{ outer: e.args[0], sub: e.args[1].query }] : [])),
      );
      if (found.length === 0) return [];
      const { outer, sub } = found[0]!;
      let rewrite: string | undefined;
      const inner = sub.kind === 'select' && sub.projection.length === 1 ? sub : undefined;
      const innerTable = inner ? fromLeaves(inner.from) : [];
      const outerText = printExpr(outer, 'postgresql');
      const innerColumn = inner?.projection[0];
      if (inner && innerTable.length === 1 && innerTable[0]!.kind === 'table' && innerColumn?.kind === 'column' && outerText) {
        const alias = innerTable[0]!.alias ?? 'x';
        const conditions = [`${alias}.${printName(baseName(innerColumn.name), 'postgresql')} = ${outerText}`, ...(inner.where ? [printExpr(inner.where, 'postgresql')] : [])];
        if (conditions.every((c) => c !== undefined)) rewrite = `NOT EXISTS (SELECT 1 FROM ${printName(innerTable[0]!.name, 'postgresql')} ${alias} WHERE ${conditions.join(' AND ')})`;
      }
      return [
        {
          message: 'NOT IN (subquery) returns no row at all once the subquery yields a NULL, and PostgreSQL can only run it as a hashed subplan that must fit in work_mem (else it rescans per row). NOT EXISTS is the anti-join PostgreSQL plans well, and means what is usually intended.',
          rewrite,
        },
      ];
    },
  },
  {
    id: 'large_offset',
    title: 'A large OFFSET reads and discards rows',
    severity: { clickhouse: 'medium', postgresql: 'medium' },
    savingsPct: { clickhouse: 50, postgresql: 50 },
    check(stmt) {
      const found = everyQuery(stmt).flatMap((q) => {
        if (q.kind === 'values') return [];
        const offset = numberOf(q.offset);
        return offset !== undefined && offset >= 10_000 ? [{ offset, limit: numberOf(q.limit) ?? 0 }] : [];
      });
      if (found.length === 0) return [];
      const { offset, limit } = found[0]!;
      return [
        {
          message: `OFFSET ${offset} reads ${offset.toLocaleString('en-US')} rows only to throw them away, and each further page costs more. Paginate by key instead: remember the last row's sort key and ask for WHERE key > :last ORDER BY key LIMIT n.`,
          savingsPct: Math.min(99, Math.round((offset / (offset + Math.max(limit, 1))) * 100)),
        },
      ];
    },
  },
  {
    id: 'order_by_random',
    title: 'ORDER BY random() sorts every row to pick a few',
    severity: { clickhouse: 'medium', postgresql: 'high' },
    savingsPct: { clickhouse: 60, postgresql: 80 },
    check(stmt) {
      const found = everyQuery(stmt).some((q) => q.kind !== 'values' && q.orderBy.some((o) => o.expr.kind === 'call' && RANDOM.has(o.expr.name.toLowerCase())));
      if (!found) return [];
      return [
        {
          message:
            stmt.dialect === 'postgresql'
              ? 'ORDER BY random() reads and sorts every row to return a few. TABLESAMPLE SYSTEM (n) or BERNOULLI (n) samples pages or rows instead; for one random row, pick a random key and take the first row at or above it.'
              : 'ORDER BY rand() reads and sorts every row to return a few. SAMPLE 0.01 (with a sampling key in the table) reads only a share of the data; otherwise filter on rand() % 100 = 0 first.',
        },
      ];
    },
  },
  {
    id: 'union_distinct',
    title: 'UNION (DISTINCT) deduplicates the whole result',
    severity: { clickhouse: 'low', postgresql: 'low' },
    savingsPct: { clickhouse: 15, postgresql: 15 },
    check(stmt) {
      if (!everyQuery(stmt).some((q) => q.kind === 'setop' && q.op === 'union' && q.distinct)) return [];
      return [{ message: 'UNION without ALL sorts or hashes the combined rows to remove duplicates. When the branches cannot overlap, or duplicates do not matter, UNION ALL skips that step.' }];
    },
  },
  {
    id: 'no_filter',
    title: 'Reads a whole table with no filter and no LIMIT',
    severity: { clickhouse: 'medium', postgresql: 'medium' },
    savingsPct: { clickhouse: 30, postgresql: 30 },
    check(stmt) {
      if (stmt.queryType !== 'SELECT' || !stmt.query || stmt.query.kind === 'values') return [];
      const ctes = new Set(everyQuery(stmt).flatMap((q) => (q.kind === 'values' ? [] : q.ctes.map((c) => c.name))));
      const topLimit = stmt.query.limit !== undefined;
      const found = outerSelects(stmt).flatMap((s) => {
        const tables = fromLeaves(s.from).flatMap((l) => (l.kind === 'table' && !(ctes.has(l.name) && !l.name.includes('.')) ? [l.name] : []));
        if (tables.length === 0 || s.where || s.prewhere || s.limit !== undefined || topLimit) return [];
        // A bare count is answered from metadata (ClickHouse) or is the point of the query.
        const bareCount = s.groupBy.length === 0 && s.projection.length === 1 && s.projection[0]!.kind === 'call' && s.projection[0]!.name.toLowerCase() === 'count' && !s.projection[0]!.distinct && s.projection[0]!.args.every((a) => a.kind === 'star' || isConstant(a));
        return bareCount ? [] : [{ tables, aggregated: aggregates(s) }];
      });
      if (found.length === 0) return [];
      const aggregated = found.every((f) => f.aggregated);
      return [
        {
          message: aggregated
            ? `The query aggregates all of ${list(unique(found.flatMap((f) => f.tables)))} on every run, with no WHERE. If only recent rows matter, filter on time; if it runs often, keep the result in a materialized view or summary table.`
            : `The query returns every row of ${list(unique(found.flatMap((f) => f.tables)))}: no WHERE${stmt.dialect === 'clickhouse' ? '/PREWHERE' : ''} and no LIMIT. Filter on what is needed, or add a LIMIT.`,
          ...(aggregated ? { severity: 'low' as const, savingsPct: 20 } : {}),
        },
      ];
    },
  },
  {
    id: 'correlated_subquery',
    title: 'A correlated subquery runs once per outer row',
    severity: { clickhouse: 'high', postgresql: 'medium' },
    savingsPct: { clickhouse: 60, postgresql: 50 },
    check(stmt) {
      const found = everySelect(stmt).flatMap((select) =>
        expressionSubqueries(select).flatMap(({ query, via }) => {
          // PostgreSQL turns a correlated [NOT] EXISTS into a semi- or anti-join: the form to prefer, not to flag.
          if (stmt.dialect === 'postgresql' && (via === 'exists' || via === 'not')) return [];
          const refs = outerReferences(query).filter((r) => scopeNames(select).has(qualifierOf(r)!));
          return refs.length > 0 ? [refs[0]!] : [];
        }),
      );
      if (found.length === 0) return [];
      return [
        {
          message:
            stmt.dialect === 'postgresql'
              ? `A subquery refers to the outer query (${list(unique(found))}), so PostgreSQL runs it once for every outer row (a SubPlan). Rewrite it as a JOIN to a grouped subquery, or as a LATERAL join.`
              : `A subquery refers to the outer query (${list(unique(found))}): ClickHouse executes correlated subqueries only on recent releases, and then slowly. Rewrite it as a JOIN to a grouped subquery, or use IN with a non-correlated subquery.`,
        },
      ];
    },
  },
  {
    id: 'having_without_aggregate',
    title: 'HAVING without an aggregate filters too late',
    severity: { clickhouse: 'low', postgresql: 'low' },
    savingsPct: { clickhouse: 10, postgresql: 10 },
    check(stmt) {
      const found = everySelect(stmt).filter((s) => {
        if (!s.having) return false;
        const aggregateAliases = new Set(s.projection.flatMap((p) => (p.alias && hasAggregate(p) ? [p.alias] : [])));
        return !hasAggregate(s.having) && !columnsIn(s.having).some((c) => aggregateAliases.has(c));
      });
      if (found.length === 0) return [];
      const having = printExpr(found[0]!.having!, stmt.dialect);
      return [{ message: `HAVING ${having ?? '…'} uses no aggregate: it filters groups after all rows were grouped. In WHERE it removes the rows before grouping, which is cheaper and lets an index help.` }];
    },
  },
];
