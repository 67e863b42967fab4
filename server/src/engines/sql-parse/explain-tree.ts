/**
 * The trees ClickHouse prints for `EXPLAIN AST` (one space per level: `Function equals (children 1)`)
 * and `EXPLAIN QUERY TREE` (two spaces: `FUNCTION id: 3, function_name: equals, …`, with section
 * lines such as `WHERE` or `JOIN TREE` between nodes), read back into nodes by indentation.
 */
export interface ExplainNode {
  /** `FUNCTION`, `JOIN TREE`, `Function`, `SelectWithUnionQuery`, … */
  readonly label: string;
  /** EXPLAIN AST: what follows the label (`equals`, `db.events`, `'text'`), without alias and children count. */
  readonly name: string;
  /** EXPLAIN AST `(alias x)`. */
  readonly alias?: string;
  /** EXPLAIN QUERY TREE `key: value` pairs. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: ExplainNode[];
}

/** Reads EXPLAIN output (one line a node) into its root nodes. */
export function parseExplain(text: string, style: 'ast' | 'query-tree'): ExplainNode[] {
  const roots: ExplainNode[] = [];
  const stack: { indent: number; node: ExplainNode }[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.trimStart();
    if (body.trim() === '') continue;
    const indent = raw.length - body.length;
    const node = style === 'ast' ? astNode(body.trimEnd()) : queryTreeNode(body.trimEnd());
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    if (stack.length === 0) roots.push(node);
    else stack[stack.length - 1]!.node.children.push(node);
    stack.push({ indent, node });
  }
  return roots;
}

function astNode(line: string): ExplainNode {
  let rest = line.replace(/ \(children \d+\)$/, '');
  let alias: string | undefined;
  const aliased = / \(alias (.*)\)$/.exec(rest);
  if (aliased) {
    alias = aliased[1];
    rest = rest.slice(0, aliased.index);
  }
  const space = rest.indexOf(' ');
  return { label: space < 0 ? rest : rest.slice(0, space), name: space < 0 ? '' : rest.slice(space + 1).trim(), ...(alias === undefined ? {} : { alias }), attrs: {}, children: [] };
}

function queryTreeNode(line: string): ExplainNode {
  const idAt = line.indexOf(' id: ');
  if (idAt < 0) return { label: line, name: '', attrs: {}, children: [] };
  const label = line.slice(0, idAt);
  const attrs: Record<string, string> = {};
  let rest = line.slice(idAt + 1);
  // A constant's value may hold ", key: " itself; its type is always last, so split it off first.
  const typeAt = rest.lastIndexOf(', constant_value_type: ');
  const valueAt = rest.indexOf(', constant_value: ');
  if (label === 'CONSTANT' && typeAt >= 0 && valueAt >= 0) {
    attrs.constant_value_type = rest.slice(typeAt + ', constant_value_type: '.length);
    attrs.constant_value = rest.slice(valueAt + ', constant_value: '.length, typeAt);
    rest = rest.slice(0, valueAt);
  }
  const keys = [...rest.matchAll(/(?:^|, )([a-z_]+): /g)];
  keys.forEach((match, i) => {
    const start = match.index + match[0].length;
    const end = i + 1 < keys.length ? keys[i + 1]!.index : rest.length;
    attrs[match[1]!] = rest.slice(start, end);
  });
  return { label, name: '', attrs, children: [] };
}

/** The child section of `node` called `name` (`WHERE`, `JOIN TREE`, …), if present. */
export function section(node: ExplainNode, name: string): ExplainNode | undefined {
  return node.children.find((c) => c.label === name);
}

/** The one node under section `name`, if the section is there. */
export function sectionNode(node: ExplainNode, name: string): ExplainNode | undefined {
  return section(node, name)?.children[0];
}

/** The elements of a `LIST` node under section `name` (none when absent). */
export function sectionList(node: ExplainNode, name: string): ExplainNode[] {
  return sectionNode(node, name)?.children ?? [];
}
