/**
 * Controls over real stores for ingest and ops tests: the real store does the work, the test
 * decides when (a gate) or whether (a fault switch) a call goes through, and counts calls.
 * Not mocks — every call that proceeds reaches the real SQLite or chDB.
 */

/** `target` with some methods replaced; every other member is the target's own, bound to it (its #private fields work). */
export function intercept<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(obj, prop) {
      if (Object.hasOwn(overrides, prop)) return (overrides as Record<PropertyKey, unknown>)[prop];
      const value: unknown = Reflect.get(obj, prop, obj);
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

/** A gate calls wait on: open, they pass at once; closed, they wait until it opens. */
export class Gate {
  #open = true;
  #waiters: Array<() => void> = [];
  waiting = 0;

  close(): void {
    this.#open = false;
  }

  open(): void {
    this.#open = true;
    this.waiting = 0;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  async wait(): Promise<void> {
    if (this.#open) return;
    this.waiting += 1;
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
}

/** Resolves once `condition` holds, checking every few milliseconds; fails naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
