import { loadModule, parseSync } from 'libpg-query';
import { VigilError } from '@vigil/shared';
import { sqlSyntaxError } from './parse-error.js';
import { conjuncts, statement, walkExpr, type Cte, type Expr, type FromItem, type OrderItem, type Query, type Statement } from './query-model.js';

/**
 * PostgreSQL through libpg-query: PostgreSQL's own parser compiled to WebAssembly. Its parse tree
 * (one `{NodeType: {...}}` object per node) is translated into the shared statement model.
 */

// The parse tree is libpg-query's JSON: typed loosely here, read defensively below.
type PgNode = Record<string, any>;

let loaded: Promise<void> | undefined;

/** Loads the WebAssembly module once; parseSync works only after it. */
export function loadPostgresParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/** The raw parse tree of `sql` (one statement or more); a syntax error is SQL_PARSE_ERROR with line and column. */
export async function parsePostgresTree(sql: string): Promise<PgNode[]> {
  await loadPostgresParser();
  // libpg-query refuses an empty string with a plain Error; whitespace alone parses to nothing.
  if (sql.trim() === '') return [];
  try {
    return (parseSync(sql) as { stmts?: PgNode[] }).stmts ?? [];
  } catch (err) {
    const details = (err as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    // Anything the parser refuses is the SQL's problem, never a 500.
    throw sqlSyntaxError(sql, details?.cursorPosition ?? 0, details?.message ?? (err instanceof Error ? err.message : 'syntax error'));
  }
}

/** The one statement of `sql` in the shared model; several statements are SQL_PARSE_ERROR at the second. */
export async function parsePostgres(sql: string): Promise<Statement> {
  const stmts = await parsePostgresTree(sql);
  if (stmts.length === 0) throw new VigilError('SQL_PARSE_ERROR', 'The SQL holds no statement', { details: { line: 1, column: 1, reason: 'empty query' } });
  if (stmts.length > 1) throw sqlSyntaxError(sql, Number(stmts[1]!.stmt_location ?? 0), 'one statement at a time: this is a second one');
  return toStatement(stmts[0]!.stmt as PgNode);
}

/**
 * The columns a PostgreSQL statement's WHERE clauses compare with something (the outer statement
 * and its subqueries), as written (`o.customer_id` stays qualified): candidates for an index.
 */
export async function whereColumns(sql: string): Promise<string[]> {
  const stmt = await parsePostgres(sql);
  const wheres: Expr[] = [];
  const collect = (query: Query | undefined): void => {
    if (!query) return;
    if (query.kind === 'setop') {
      query.ctes.forEach((c) => collect(c.query));
      query.inputs.forEach(collect);
      return;
    }
    if (query.kind !== 'select') return;
    query.ctes.forEach((c) => collect(c.query));
    if (query.where) wheres.push(query.where);
    for (const e of walkExpr(query.where)) if (e.kind === 'subquery') collect(e.query);
  };
  collect(stmt.query);
  stmt.ctes.forEach((c) => collect(c.query));
  if (stmt.where) wheres.push(stmt.where);
  const columns = new Set<string>();
  for (const where of wheres) {
    for (const term of conjuncts(where).flatMap((t) => (t.kind === 'call' && t.name === 'or' ? t.args : [t]))) {
      if (term.kind !== 'call' || !FILTER_CALLS.has(term.name)) continue;
      for (const arg of term.args) if (arg.kind === 'column') columns.add(arg.name);
    }
  }
  return [...columns];
}

/** Predicates an index can serve when one side is a bare column. */
const FILTER_CALLS = new Set(['equals', 'less', 'greater', 'lessOrEquals', 'greaterOrEquals', 'in', 'like', 'between', 'isNull', 'any']);

const OPERATORS: Record<string, string> = {
  '=': 'equals',
  '<>': 'notEquals',
  '!=': 'notEquals',
  '<': 'less',
  '>': 'greater',
  '<=': 'lessOrEquals',
  '>=': 'greaterOrEquals',
  '~~': 'like',
  '!~~': 'notLike',
  '~~*': 'ilike',
  '!~~*': 'notILike',
  '+': 'plus',
  '-': 'minus',
  '*': 'multiply',
  '/': 'divide',
  '%': 'modulo',
  '||': 'concat',
};

function strings(list: PgNode[] | undefined): string[] {
  return (list ?? []).map((n) => n.String?.sval ?? '').filter((s) => s !== '');
}

function tableName(rv: PgNode): string {
  return [rv.catalogname, rv.schemaname, rv.relname].filter(Boolean).join('.');
}

function toStatement(node: PgNode): Statement {
  const [type, body] = Object.entries(node)[0] as [string, PgNode];
  const ctes = (body.withClause ? toCtes(body.withClause) : []) as Cte[];
  const returning = (body.returningList ?? []).map((t: PgNode) => toExpr(t.ResTarget?.val ?? t));
  switch (type) {
    case 'SelectStmt':
      return statement('postgresql', 'SELECT', { query: toQuery(node) });
    case 'InsertStmt': {
      const select = body.selectStmt as PgNode | undefined;
      return statement('postgresql', 'INSERT', {
        target: tableName(body.relation),
        insertColumns: (body.cols ?? []).map((c: PgNode) => c.ResTarget?.name as string),
        ...(select ? { query: toQuery(select) } : {}),
        ctes,
        returning,
      });
    }
    case 'UpdateStmt':
      return statement('postgresql', 'UPDATE', {
        target: tableName(body.relation),
        assignments: (body.targetList ?? []).map((t: PgNode) => ({ column: t.ResTarget?.name as string, value: toExpr(t.ResTarget?.val) })),
        ...(body.fromClause ? { from: toFrom(body.fromClause) } : {}),
        ...(body.whereClause ? { where: toExpr(body.whereClause) } : {}),
        ctes,
        returning,
      });
    case 'DeleteStmt':
      return statement('postgresql', 'DELETE', {
        target: tableName(body.relation),
        ...(body.usingClause ? { from: toFrom(body.usingClause) } : {}),
        ...(body.whereClause ? { where: toExpr(body.whereClause) } : {}),
        ctes,
        returning,
      });
    case 'CreateTableAsStmt':
      return statement('postgresql', 'CREATE', { target: tableName(body.into?.rel ?? {}), query: toQuery(body.query) });
    case 'ViewStmt':
      return statement('postgresql', 'CREATE', { target: tableName(body.view ?? {}), query: toQuery(body.query) });
    case 'ExplainStmt':
      return statement('postgresql', 'EXPLAIN', body.query?.SelectStmt ? { query: toQuery(body.query) } : {});
    default:
      // CreateStmt → CREATE, AlterTableStmt → ALTER, VariableSetStmt → SET, …: reported by kind, not analysed.
      return statement('postgresql', queryTypeOf(type));
  }
}

function queryTypeOf(nodeType: string): string {
  const words = nodeType.replace(/Stmt$/, '').split(/(?=[A-Z])/);
  return (words[0] ?? nodeType).toUpperCase();
}

function toCtes(withClause: PgNode): Cte[] {
  return (withClause.ctes ?? []).map((c: PgNode) => ({ name: c.CommonTableExpr.ctename as string, query: toQuery(c.CommonTableExpr.ctequery) }));
}

function toOrder(sortClause: PgNode[] | undefined): OrderItem[] {
  return (sortClause ?? []).map((s) => ({ expr: toExpr(s.SortBy?.node), desc: s.SortBy?.sortby_dir === 'SORTBY_DESC' }));
}

function toQuery(node: PgNode): Query {
  const s = node.SelectStmt as PgNode | undefined;
  if (!s) return { kind: 'values', rows: 0 };
  const ctes = s.withClause ? toCtes(s.withClause) : [];
  const limits = { ...(s.limitCount ? { limit: toExpr(s.limitCount) } : {}), ...(s.limitOffset ? { offset: toExpr(s.limitOffset) } : {}) };
  if (s.op && s.op !== 'SETOP_NONE') {
    // The branches of a set operation are bare SelectStmt bodies, not wrapped nodes.
    const op = s.op === 'SETOP_UNION' ? 'union' : s.op === 'SETOP_INTERSECT' ? 'intersect' : 'except';
    return { kind: 'setop', op, distinct: !s.all, ctes, inputs: [toQuery({ SelectStmt: s.larg }), toQuery({ SelectStmt: s.rarg })], orderBy: toOrder(s.sortClause), ...limits };
  }
  if (s.valuesLists) return { kind: 'values', rows: s.valuesLists.length };
  return {
    kind: 'select',
    ctes,
    distinct: Array.isArray(s.distinctClause),
    projection: (s.targetList ?? []).map((t: PgNode) => ({ ...toExpr(t.ResTarget?.val), ...(t.ResTarget?.name ? { alias: t.ResTarget.name as string } : {}) })),
    ...(s.fromClause ? { from: toFrom(s.fromClause) } : {}),
    ...(s.whereClause ? { where: toExpr(s.whereClause) } : {}),
    groupBy: (s.groupClause ?? []).map(toExpr),
    ...(s.havingClause ? { having: toExpr(s.havingClause) } : {}),
    orderBy: toOrder(s.sortClause),
    ...limits,
  };
}

/** A FROM list: several items are cross joins whose conditions, if any, sit in WHERE. */
function toFrom(list: PgNode[]): FromItem {
  const items = list.map(toFromItem);
  return items.slice(1).reduce<FromItem>((left, right) => ({ kind: 'join', type: 'cross', left, right }), items[0]!);
}

function toFromItem(node: PgNode): FromItem {
  if (node.RangeVar) {
    const alias = node.RangeVar.alias?.aliasname as string | undefined;
    return { kind: 'table', name: tableName(node.RangeVar), final: false, ...(alias ? { alias } : {}) };
  }
  if (node.RangeSubselect) {
    const alias = node.RangeSubselect.alias?.aliasname as string | undefined;
    return { kind: 'subquery', query: toQuery(node.RangeSubselect.subquery), lateral: Boolean(node.RangeSubselect.lateral), ...(alias ? { alias } : {}) };
  }
  if (node.JoinExpr) {
    const j = node.JoinExpr;
    const using = strings(j.usingClause);
    const kind = ({ JOIN_LEFT: 'left', JOIN_RIGHT: 'right', JOIN_FULL: 'full' } as Record<string, 'left' | 'right' | 'full'>)[j.jointype] ?? 'inner';
    const cross = kind === 'inner' && !j.quals && using.length === 0 && !j.isNatural;
    return {
      kind: 'join',
      type: cross ? 'cross' : kind,
      left: toFromItem(j.larg),
      right: toFromItem(j.rarg),
      ...(j.quals ? { on: toExpr(j.quals) } : {}),
      ...(using.length > 0 ? { using } : {}),
    };
  }
  if (node.RangeFunction) {
    const call = node.RangeFunction.functions?.[0]?.List?.items?.[0];
    const expr = call ? toExpr(call) : undefined;
    const alias = node.RangeFunction.alias?.aliasname as string | undefined;
    return { kind: 'function', name: expr?.kind === 'call' ? expr.name : 'function', args: expr?.kind === 'call' ? expr.args : [], ...(alias ? { alias } : {}) };
  }
  return { kind: 'function', name: Object.keys(node)[0] ?? 'unknown', args: [] };
}

function constant(c: PgNode): Expr {
  if (c.isnull) return { kind: 'literal', type: 'null', value: 'NULL' };
  if (c.sval) return { kind: 'literal', type: 'string', value: String(c.sval.sval ?? '') };
  if (c.ival) return { kind: 'literal', type: 'number', value: String(c.ival.ival ?? 0) };
  if (c.fval) return { kind: 'literal', type: 'number', value: String(c.fval.fval ?? 0) };
  if (c.boolval) return { kind: 'literal', type: 'bool', value: String(Boolean(c.boolval.boolval)) };
  return { kind: 'literal', type: 'other', value: '' };
}

function call(name: string, args: Expr[], extra: { distinct?: boolean; window?: boolean; star?: boolean } = {}): Expr {
  return { kind: 'call', name, args, ...extra };
}

function toExpr(node: PgNode | undefined): Expr {
  if (!node) return { kind: 'other', args: [] };
  if (Array.isArray(node)) return { kind: 'list', items: node.map(toExpr) };
  const [type, n] = Object.entries(node)[0] as [string, PgNode];
  switch (type) {
    case 'ColumnRef': {
      const fields = n.fields as PgNode[];
      const last = fields[fields.length - 1];
      const names = strings(fields);
      if (last?.A_Star) return { kind: 'star', ...(names.length > 0 ? { qualifier: names.join('.') } : {}) };
      return { kind: 'column', name: names.join('.') };
    }
    case 'A_Const':
      return constant(n);
    case 'ParamRef':
      return { kind: 'param' };
    case 'TypeCast':
      return call('cast', [toExpr(n.arg)]);
    case 'FuncCall': {
      const name = strings(n.funcname).pop()!.toLowerCase();
      return call(name, (n.args ?? []).map(toExpr), { ...(n.agg_distinct ? { distinct: true } : {}), ...(n.over ? { window: true } : {}), ...(n.agg_star ? { star: true } : {}) });
    }
    case 'A_Expr':
      return aExpr(n);
    case 'BoolExpr': {
      const args = (n.args as PgNode[]).map(toExpr);
      if (n.boolop === 'NOT_EXPR') {
        const inner = args[0];
        // NOT (x IN (subquery)) is how PostgreSQL spells x NOT IN (subquery).
        if (inner?.kind === 'call' && inner.name === 'in') return call('notIn', [...inner.args]);
        return call('not', args);
      }
      return call(n.boolop === 'OR_EXPR' ? 'or' : 'and', args);
    }
    case 'NullTest':
      return call(n.nulltesttype === 'IS_NOT_NULL' ? 'isNotNull' : 'isNull', [toExpr(n.arg)]);
    case 'BooleanTest':
      return call('isBool', [toExpr(n.arg)]);
    case 'SubLink': {
      const sub: Expr = { kind: 'subquery', query: toQuery(n.subselect) };
      if (n.subLinkType === 'EXISTS_SUBLINK') return call('exists', [sub]);
      // x IN (subquery) has no operator name; x = ANY (subquery) has `=`: the same thing.
      const opName = strings(n.operName)[0];
      if (n.subLinkType === 'ANY_SUBLINK') return call(!opName || opName === '=' ? 'in' : 'any', [toExpr(n.testexpr), sub]);
      if (n.subLinkType === 'ALL_SUBLINK') return call(opName === '<>' ? 'notIn' : 'all', [toExpr(n.testexpr), sub]);
      return sub;
    }
    case 'CaseExpr':
      return call('case', [toExpr(n.arg), ...((n.args ?? []) as PgNode[]).flatMap((w) => [toExpr(w.CaseWhen?.expr), toExpr(w.CaseWhen?.result)]), toExpr(n.defresult)]);
    case 'CoalesceExpr':
      return call('coalesce', (n.args ?? []).map(toExpr));
    case 'MinMaxExpr':
      return call(n.op === 'IS_GREATEST' ? 'greatest' : 'least', (n.args ?? []).map(toExpr));
    case 'NullIfExpr':
      return call('nullif', (n.args ?? []).map(toExpr));
    case 'SQLValueFunction':
      return call(String(n.op ?? 'now').replace(/^SVFOP_/, '').toLowerCase(), []);
    case 'A_ArrayExpr':
      return { kind: 'list', items: (n.elements ?? []).map(toExpr) };
    case 'RowExpr':
      return { kind: 'list', items: (n.args ?? []).map(toExpr) };
    case 'List':
      return { kind: 'list', items: (n.items ?? []).map(toExpr) };
    case 'CollateClause':
      return call('collate', [toExpr(n.arg)]);
    case 'A_Indirection':
      return call('indirection', [toExpr(n.arg)]);
    default: {
      // Anything else (XmlExpr, GroupingFunc, …): keep its column references visible.
      const args = Object.values(n).flatMap((v) => (v && typeof v === 'object' ? [toExpr(v as PgNode)] : []));
      return { kind: 'other', args };
    }
  }
}

function aExpr(n: PgNode): Expr {
  const op = strings(n.name)[0] ?? '';
  const left = n.lexpr ? toExpr(n.lexpr) : undefined;
  const right = n.rexpr ? toExpr(n.rexpr) : undefined;
  const both = [left, right].filter((e): e is Expr => e !== undefined);
  switch (n.kind) {
    case 'AEXPR_IN':
      return call(op === '<>' ? 'notIn' : 'in', both);
    case 'AEXPR_LIKE':
      return call(op === '!~~' ? 'notLike' : 'like', both);
    case 'AEXPR_ILIKE':
      return call(op === '!~~*' ? 'notILike' : 'ilike', both);
    case 'AEXPR_BETWEEN':
    case 'AEXPR_BETWEEN_SYM':
      return call('between', [left!, ...(right?.kind === 'list' ? right.items : [right!])]);
    case 'AEXPR_NOT_BETWEEN':
    case 'AEXPR_NOT_BETWEEN_SYM':
      return call('notBetween', [left!, ...(right?.kind === 'list' ? right.items : [right!])]);
    case 'AEXPR_OP_ANY':
      return call(op === '=' ? 'any' : 'anyOp', both);
    case 'AEXPR_DISTINCT':
    case 'AEXPR_NOT_DISTINCT':
      return call('isDistinct', both);
    default:
      return call(OPERATORS[op] ?? op, both);
  }
}
