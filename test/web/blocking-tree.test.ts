import { expect } from 'chai';
import { blockingTree, type LockEdge, type TreeNode } from '../../web/src/pages/database/blocking-tree.js';

/** The tree as nested pids, for comparing shapes. */
function shape(nodes: readonly TreeNode<LockEdge>[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.pid]: shape(n.children) } : n.pid));
}

const held = (pid: number): LockEdge => ({ pid, granted: true, blocked_by_pid: null });
const waits = (pid: number, on: number): LockEdge => ({ pid, granted: false, blocked_by_pid: on });

describe('web: the Activity tab’s blocking tree', () => {
  it('nests waiters under the session holding what they wait for, chains included', () => {
    // 3 waits on 2, which waits on 1; 4 waits on 1 too.
    const tree = blockingTree([held(1), waits(2, 1), held(2), waits(3, 2), waits(4, 1)]);
    expect(shape(tree)).to.deep.equal([{ 1: [{ 2: [3] }, 4] }]);
    // A waiter's node carries the lock it waits for, not one it holds.
    expect(tree[0]!.children[0]!.lock).to.deep.equal(waits(2, 1));
    expect(tree[0]!.lock).to.deep.equal(held(1));
  });

  it('shows sessions waiting on each other in a cycle once, from the lowest pid', () => {
    expect(shape(blockingTree([waits(7, 5), waits(5, 7)]))).to.deep.equal([{ 5: [7] }]);
  });

  it('is empty when nothing waits, however many locks are held', () => {
    expect(blockingTree([held(1), held(2), { pid: 3, granted: false, blocked_by_pid: null }])).to.deep.equal([]);
  });
});
