import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FileStateStore, stateFileName } from '../../agent/src/state/file-state-store.js';
import { MemoryStateStore, type StateStore } from '../../agent/src/state/persistent-state.js';

describe('agent/state/file-state-store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, make] of [
    ['FileStateStore', () => new FileStateStore(dir)],
    ['MemoryStateStore', () => new MemoryStateStore()],
  ] as const) {
    it(`${name}: keeps the latest state per database and task, and the highest next seq of any save`, async () => {
      const store: StateStore = make();
      expect(await store.load()).to.deep.equal({ nextSeq: undefined, tasks: [], quarantined: [] });
      const persisted = { counters: { 'a/b': { calls: 3 } } };
      await store.save({ database: 'main', task: 'statements', lastRunMs: 1, persisted }, 10);
      await store.save({ database: 'main', task: 'activity', lastRunMs: 2, persisted: undefined }, 12);
      await store.save({ database: 'main', task: 'statements', lastRunMs: 3, persisted: { counters: {} } }, 11);
      persisted.counters['a/b'].calls = 99;
      const loaded = name === 'FileStateStore' ? await new FileStateStore(dir).load() : await store.load();
      expect(loaded.nextSeq).to.equal(12);
      expect([...loaded.tasks].sort((a, b) => a.task.localeCompare(b.task))).to.deep.equal([
        { database: 'main', task: 'activity', lastRunMs: 2, persisted: undefined },
        { database: 'main', task: 'statements', lastRunMs: 3, persisted: { counters: {} } },
      ]);
    });
  }

  it('gives every database name its own file, whatever characters it holds', () => {
    const names = ['main', 'Main', '../etc/passwd', 'a/b', 'a_b', ''].map((db) => stateFileName(db, 'statements'));
    expect(new Set(names).size).to.equal(names.length);
    for (const name of names) expect(name).to.match(/^[A-Za-z0-9_-]*-[0-9a-f]{8}\.statements\.json$/);
  });

  it('quarantines an unreadable state file (its task starts over) and drops an interrupted write', async () => {
    const store = new FileStateStore(dir);
    await store.save({ database: 'main', task: 'statements', lastRunMs: 1, persisted: 1 }, 5);
    const stateDir = path.join(dir, 'state');
    writeFileSync(path.join(stateDir, stateFileName('main', 'activity')), '{"version":1,"database":');
    writeFileSync(path.join(stateDir, stateFileName('other', 'tables')), '{"version":99}');
    writeFileSync(path.join(stateDir, `${stateFileName('main', 'locks')}.tmp`), '{');
    const loaded = await new FileStateStore(dir).load();
    expect(loaded.tasks.map((t) => t.task)).to.deep.equal(['statements']);
    expect(loaded.quarantined.map((q) => q.reason).sort()).to.deep.equal(['not a state file of this agent version', 'not valid JSON']);
    expect(readdirSync(stateDir)).to.deep.equal([stateFileName('main', 'statements')]);
    expect(readdirSync(path.join(dir, 'quarantine'))).to.have.length(2);
  });
});
