import type { Dialect, Expr } from './query-model.js';

const INFIX: Record<string, string> = {
  equals: '=',
  notEquals: '<>',
  less: '<',
  greater: '>',
  lessOrEquals: '<=',
  greaterOrEquals: '>=',
  and: 'AND',
  or: 'OR',
  like: 'LIKE',
  notLike: 'NOT LIKE',
  ilike: 'ILIKE',
  notILike: 'NOT ILIKE',
  plus: '+',
  minus: '-',
  multiply: '*',
  divide: '/',
  concat: '||',
  in: 'IN',
  notIn: 'NOT IN',
};

/** A column name as SQL: plain when it can be, else quoted in the dialect's way. */
export function printName(name: string, dialect: Dialect): string {
  return name
    .split('.')
    .map((part) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? part : dialect === 'clickhouse' ? `\`${part.replace(/`/g, '\\`')}\`` : `"${part.replace(/"/g, '""')}"`))
    .join('.');
}

/**
 * `expr` as SQL text for a suggested rewrite, or undefined when it holds something this small
 * printer does not render faithfully (a subquery, a cast whose type the model does not keep).
 */
export function printExpr(expr: Expr, dialect: Dialect): string | undefined {
  switch (expr.kind) {
    case 'column':
      return printName(expr.name, dialect);
    case 'literal':
      if (expr.type === 'string') return `'${expr.value.replace(/\\/g, dialect === 'clickhouse' ? '\\\\' : '\\').replace(/'/g, "''")}'`;
      if (expr.type === 'null') return 'NULL';
      return expr.type === 'number' || expr.type === 'bool' ? expr.value : undefined;
    case 'star':
      return expr.qualifier ? `${printName(expr.qualifier, dialect)}.*` : '*';
    case 'list': {
      const items = expr.items.map((item) => printExpr(item, dialect));
      return items.every((i) => i !== undefined) ? `(${items.join(', ')})` : undefined;
    }
    case 'call': {
      if (expr.name === 'cast' || expr.window) return undefined;
      const args = expr.args.map((a) => printExpr(a, dialect));
      if (args.some((a) => a === undefined)) return undefined;
      const op = INFIX[expr.name];
      // An operand that is itself an operator goes in parentheses: precedence never decides.
      const operand = (i: number): string => (expr.args[i]!.kind === 'call' && INFIX[(expr.args[i] as { name: string }).name] ? `(${args[i]})` : args[i]!);
      if (op && args.length === 2) return `${operand(0)} ${op} ${operand(1)}`;
      if (expr.name === 'not' && args.length === 1) return `NOT (${args[0]})`;
      if (expr.name === 'isNull') return `${args[0]} IS NULL`;
      if (expr.name === 'isNotNull') return `${args[0]} IS NOT NULL`;
      return `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${expr.star ? '*' : args.join(', ')})`;
    }
    default:
      return undefined;
  }
}
