import { walkExpr, type Expr, type FromItem, type Query, type Statement } from '../sql-parse/query-model.js';

/** What a statement reads and writes (the NL→SQL service's `POST /lineage` shape). */
export interface Lineage {
  readonly query_type: string;
  /** Tables as written (schema-qualified when the query qualifies them); CTE names never. */
  readonly tables_read: string[];
  readonly tables_written: string[];
  /** Columns as written, `*` or `t.*` for stars; projection aliases referenced later are not columns. */
  readonly columns_used: string[];
  readonly ctes: string[];
}

function arrayJoined(item: FromItem | undefined): Expr[] {
  if (!item) return [];
  if (item.kind === 'arrayJoin') return [...item.exprs, ...arrayJoined(item.source)];
  return item.kind === 'join' ? [...arrayJoined(item.left), ...arrayJoined(item.right)] : [];
}

/** Lineage of one parsed statement, in order of first appearance. */
export function lineage(stmt: Statement): Lineage {
  const read = new Set<string>();
  const columns = new Set<string>();
  const ctes: string[] = [];
  // PostgreSQL folds unquoted names to lower case; ClickHouse names are case-sensitive.
  const key = (name: string): string => (stmt.dialect === 'postgresql' ? name.toLowerCase() : name);

  const exprs = (list: readonly (Expr | undefined)[], aliases: ReadonlySet<string>, scope: ReadonlySet<string>): void => {
    for (const e of list.flatMap((x) => [...walkExpr(x)])) {
      if (e.kind === 'column' && !aliases.has(e.name)) columns.add(e.name);
      else if (e.kind === 'star') columns.add(e.qualifier ? `${e.qualifier}.*` : '*');
      else if (e.kind === 'subquery') query(e.query, scope);
    }
  };

  const from = (item: FromItem | undefined, scope: ReadonlySet<string>): void => {
    if (!item) return;
    switch (item.kind) {
      case 'table':
        // An unqualified name that a CTE in scope defines is that CTE, not a table.
        if (!(scope.has(key(item.name)) && !item.name.includes('.'))) read.add(item.name);
        return;
      case 'subquery':
        return query(item.query, scope);
      case 'function':
        return exprs(item.args, new Set(), scope);
      case 'join':
        from(item.left, scope);
        from(item.right, scope);
        (item.using ?? []).forEach((c) => columns.add(c));
        return exprs([item.on], new Set(), scope);
      case 'arrayJoin':
        from(item.source, scope);
        return exprs(item.exprs, new Set(), scope);
    }
  };

  const withCtes = (defined: readonly { name: string; query: Query }[], scope: ReadonlySet<string>): Set<string> => {
    const inner = new Set(scope);
    for (const cte of defined) {
      if (!ctes.includes(cte.name)) ctes.push(cte.name);
      // A CTE sees the ones before it (and itself, when recursive).
      inner.add(key(cte.name));
      query(cte.query, inner);
    }
    return inner;
  };

  const query = (q: Query | undefined, outer: ReadonlySet<string>): void => {
    if (!q || q.kind === 'values') return;
    const scope = withCtes(q.ctes, outer);
    if (q.kind === 'setop') {
      q.inputs.forEach((i) => query(i, scope));
      return exprs(q.orderBy.map((o) => o.expr), new Set(), scope);
    }
    // ORDER BY, GROUP BY and HAVING may name a projection alias: that is not a column.
    const aliases = new Set(q.projection.flatMap((p) => (p.alias && !(p.kind === 'column' && p.name === p.alias) ? [p.alias] : [])));
    // ClickHouse: WITH expressions and ARRAY JOIN elements are named too, and their names used like columns.
    const named = new Set([...(q.otherExprs ?? []), ...arrayJoined(q.from)].flatMap((e) => (e.alias ? [e.alias] : [])));
    named.forEach((a) => aliases.add(a));
    exprs([...q.projection, ...(q.otherExprs ?? [])], named, scope);
    from(q.from, scope);
    exprs([q.prewhere, q.where, ...q.groupBy, q.having, ...q.orderBy.map((o) => o.expr)], aliases, scope);
  };

  const scope = withCtes(stmt.ctes, new Set());
  query(stmt.query, scope);
  from(stmt.from, scope);
  stmt.insertColumns.forEach((c) => columns.add(c));
  stmt.assignments.forEach((a) => columns.add(a.column));
  exprs([stmt.where, ...stmt.assignments.map((a) => a.value), ...stmt.returning], new Set(), scope);
  const written = stmt.target ? [stmt.target] : [];
  return { query_type: stmt.queryType, tables_read: [...read], tables_written: written, columns_used: [...columns], ctes };
}

