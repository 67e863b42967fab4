import { loadModule, parseSync } from 'libpg-query';

/**
 * What the PostgreSQL advisors read from SQL text, with PostgreSQL's own parser (libpg-query):
 * the shape of an index from its pg_get_indexdef() text, and the columns a statement's WHERE
 * compares with a value, per table. Parsing is synchronous once the module is loaded (about 0.1 ms
 * a statement), so a scan over thousands of statements and indexes loads it once, up front.
 */

// libpg-query's JSON parse tree: one `{NodeType: {...}}` object per node, read defensively.
type Node = Record<string, any>;

let loaded: Promise<void> | undefined;

/** Loads the WebAssembly parser once; the parse functions below need it loaded. */
export function loadPgParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

function parse(sql: string): Node[] | null {
  try {
    return ((parseSync(sql) as { stmts?: Node[] }).stmts ?? []).map((s) => s.stmt as Node);
  } catch {
    return null;
  }
}

/** The tree without source positions, as a string: two expressions written alike compare equal. */
function shape(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'location' || key.endsWith('_location') ? undefined : value));
}

export interface IndexShape {
  readonly method: string;
  /** Each key element: a column name, or an expression's normalized tree (prefixed `expr:`). */
  readonly keys: readonly string[];
  /** Column names of the key elements that are plain columns, in order ('' for an expression). */
  readonly columns: readonly string[];
  readonly predicate: string | null;
  readonly unique: boolean;
}

/** The method, key elements and predicate of a `CREATE INDEX` text; null when it does not parse. */
export function indexShape(definition: string): IndexShape | null {
  const stmt = parse(definition)?.[0]?.IndexStmt as Node | undefined;
  if (!stmt) return null;
  const elems = ((stmt.indexParams ?? []) as Node[]).map((p) => p.IndexElem as Node);
  return {
    method: String(stmt.accessMethod ?? 'btree'),
    keys: elems.map((e) => (typeof e.name === 'string' ? e.name : `expr:${shape(e.expr)}`) + (e.ordering && e.ordering !== 'SORTBY_DEFAULT' ? ` ${e.ordering}` : '')),
    columns: elems.map((e) => (typeof e.name === 'string' ? e.name : '')),
    predicate: stmt.whereClause ? shape(stmt.whereClause) : null,
    unique: stmt.unique === true,
  };
}

/** A column a statement filters on, with the table it belongs to as written. */
export interface FilterColumn {
  readonly schema: string | null;
  readonly table: string;
  readonly column: string;
}

interface Relation {
  readonly schema: string | null;
  readonly table: string;
}

function relations(from: readonly Node[] | undefined, into: Map<string, Relation>): void {
  for (const item of from ?? []) {
    if (item.RangeVar) {
      const rv = item.RangeVar as Node;
      const rel = { schema: (rv.schemaname as string | undefined) ?? null, table: String(rv.relname) };
      into.set(String(rv.alias?.aliasname ?? rv.relname), rel);
    } else if (item.JoinExpr) {
      relations([item.JoinExpr.larg, item.JoinExpr.rarg], into);
    }
  }
}

function columnRef(node: Node | undefined): string[] | null {
  const fields = node?.ColumnRef?.fields as Node[] | undefined;
  if (!fields || fields.some((f) => !f.String)) return null;
  return fields.map((f) => String(f.String.sval));
}

/** A value side: a constant, a parameter, a list of them or a cast of one. */
function isValue(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.A_Const || node.ParamRef) return true;
  if (node.TypeCast) return isValue(node.TypeCast.arg);
  if (node.List) return (node.List.items as Node[]).every(isValue);
  if (node.FuncCall) return ((node.FuncCall.args ?? []) as Node[]).every(isValue);
  return false;
}

/**
 * The columns the WHERE clauses of `sql` compare with a value (=, <, >, IN, BETWEEN, LIKE, IS NULL)
 * in conjunctions and disjunctions, in the statement and its subqueries, each resolved to its table
 * through the FROM list's aliases; an unqualified column belongs to the only table in scope, else it
 * is left out. Empty when the text does not parse (a truncated statement text).
 */
export function filterColumns(sql: string): FilterColumn[] {
  const out = new Map<string, FilterColumn>();
  const visitQuery = (stmt: Node | undefined, outer: Map<string, Relation>): void => {
    if (!stmt) return;
    const select = stmt.SelectStmt as Node | undefined;
    if (select) {
      if (select.larg || select.rarg) {
        visitQuery({ SelectStmt: select.larg }, outer);
        visitQuery({ SelectStmt: select.rarg }, outer);
      }
      for (const cte of (select.withClause?.ctes ?? []) as Node[]) visitQuery(cte.CommonTableExpr?.ctequery, outer);
      const scope = new Map<string, Relation>();
      relations(select.fromClause, scope);
      visitWhere(select.whereClause, scope);
      for (const item of (select.fromClause ?? []) as Node[]) if (item.RangeSubselect) visitQuery(item.RangeSubselect.subquery, scope);
      return;
    }
    const dml = (stmt.UpdateStmt ?? stmt.DeleteStmt) as Node | undefined;
    if (dml?.relation) {
      const scope = new Map<string, Relation>();
      relations([{ RangeVar: dml.relation }], scope);
      relations(dml.fromClause ?? dml.usingClause, scope);
      visitWhere(dml.whereClause, scope);
    }
  };
  const add = (ref: string[] | null, scope: Map<string, Relation>): void => {
    if (!ref) return;
    const column = ref[ref.length - 1]!;
    let rel: Relation | undefined;
    if (ref.length >= 2) rel = scope.get(ref[ref.length - 2]!);
    else if (scope.size === 1) rel = [...scope.values()][0];
    if (!rel) return;
    const fc = { schema: rel.schema, table: rel.table, column };
    out.set(`${fc.schema}.${fc.table}.${column}`, fc);
  };
  const visitWhere = (node: Node | undefined, scope: Map<string, Relation>): void => {
    if (!node) return;
    if (node.BoolExpr) {
      if (node.BoolExpr.boolop !== 'NOT_EXPR') for (const arg of node.BoolExpr.args as Node[]) visitWhere(arg, scope);
      return;
    }
    if (node.A_Expr) {
      const e = node.A_Expr as Node;
      if (isValue(e.rexpr)) add(columnRef(e.lexpr), scope);
      else if (isValue(e.lexpr)) add(columnRef(e.rexpr), scope);
      for (const side of [e.lexpr, e.rexpr] as (Node | undefined)[]) if (side?.SubLink) visitWhere(side, scope);
      return;
    }
    if (node.NullTest) {
      add(columnRef(node.NullTest.arg), scope);
      return;
    }
    if (node.SubLink) {
      const inner = new Map(scope);
      visitQuery(node.SubLink.subselect, inner);
      if (node.SubLink.testexpr) add(columnRef(node.SubLink.testexpr), scope);
    }
  };
  for (const stmt of parse(sql) ?? []) visitQuery(stmt, new Map());
  return [...out.values()];
}
