/** What the tree reads of a /locks entry; plain data, so the tree is tested without a browser. */
export interface LockEdge {
  readonly pid: number;
  readonly granted: boolean;
  readonly blocked_by_pid: number | null;
}

export interface TreeNode<L extends LockEdge> {
  readonly pid: number;
  /** The lock it waits for, else the first it holds. */
  readonly lock: L | undefined;
  readonly children: TreeNode<L>[];
}

/**
 * Who blocks whom: roots are sessions that hold what others wait for without waiting themselves (or
 * wait in a cycle), children the sessions waiting on them. One node per session.
 */
export function blockingTree<L extends LockEdge>(locks: readonly L[]): TreeNode<L>[] {
  const waitsFor = new Map<number, number>();
  const lockOf = new Map<number, L>();
  for (const l of locks) {
    if (!l.granted && l.blocked_by_pid !== null && !waitsFor.has(l.pid)) {
      waitsFor.set(l.pid, l.blocked_by_pid);
      lockOf.set(l.pid, l);
    }
  }
  for (const l of locks) if (!lockOf.has(l.pid)) lockOf.set(l.pid, l);
  const children = new Map<number, number[]>();
  for (const [waiter, holder] of waitsFor) children.set(holder, [...(children.get(holder) ?? []), waiter]);
  const seen = new Set<number>();
  const build = (pid: number): TreeNode<L> => {
    seen.add(pid);
    return { pid, lock: lockOf.get(pid), children: (children.get(pid) ?? []).filter((c) => !seen.has(c)).map(build) };
  };
  const roots = [...children.keys()].filter((pid) => !waitsFor.has(pid)).map(build);
  // Sessions waiting in a cycle (a deadlock PostgreSQL has not broken yet): none is a root, so start from the lowest pid.
  for (const pid of [...children.keys()].sort((x, y) => x - y)) if (!seen.has(pid)) roots.push(build(pid));
  return roots;
}
