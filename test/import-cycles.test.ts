import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect } from 'chai';

/**
 * The import graph of the packages has no cycle: a cycle means two modules cannot be understood,
 * tested or moved apart (issue 10: context.ts ↔ agent-registry.ts). Type-only imports count, as
 * madge counts them: they tie the modules' designs together even where nothing runs.
 */
const ROOTS = ['agent/src', 'server/src', 'shared/src'];
/** Workspace packages resolved to their entry, so a cycle through a package is found too. */
const PACKAGES: Record<string, string> = { '@vigil/shared': 'shared/src/index.ts' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier `file` imports or re-exports, statically or dynamically. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const pattern of [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(?\s*['"]([^'"]+)['"]/g]) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** The repository file a specifier names, or undefined for a third-party or built-in module. */
function resolveImport(from: string, spec: string): string | undefined {
  if (spec in PACKAGES) return PACKAGES[spec];
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(process.cwd(), candidate);
  }
  return undefined;
}

/** Each cycle once, as the path of files around it (Tarjan's strongly connected components). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.reverse());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('import graph', () => {
  it(`has no cycle in ${ROOTS.join(', ')}`, () => {
    const graph = new Map<string, string[]>();
    for (const file of ROOTS.flatMap(sourceFiles)) {
      graph.set(file, [...new Set(specifiers(file).flatMap((spec) => resolveImport(file, spec) ?? []))]);
    }
    expect(graph.size).to.be.greaterThan(100);
    const found = cycles(graph).map((component) => component.join(' → '));
    expect(found, `modules that import each other, directly or through others:\n${found.join('\n')}`).to.deep.equal([]);
  });
});
