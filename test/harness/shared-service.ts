/**
 * One real server (PostgreSQL, ClickHouse) shared by a whole mocha run: started by the first
 * suite that asks, stopped after the root suite. A server that cannot be installed here skips
 * its suites on a laptop and fails the run in CI (CI=true), where nothing may be skipped.
 */
export interface SharedServiceOptions<T> {
  /** For messages: "PostgreSQL", "ClickHouse". */
  readonly label: string;
  /** The helper's name in messages, e.g. "usePostgres". */
  readonly helper: string;
  /** Log prefix, e.g. "pg harness". */
  readonly tag: string;
  readonly start: () => Promise<T>;
  /** The error `start` throws when the server is absent and cannot be installed. */
  readonly unavailable: abstract new (...args: never[]) => Error;
  readonly setupTimeoutMs: number;
}

/** A `use<Service>()` mocha helper over `options`: call it inside describe(), read the instance inside it() or a hook. */
export function sharedService<T extends { stop(): Promise<void> }>(options: SharedServiceOptions<T>): () => () => T {
  let shared: Promise<T> | undefined;
  let skipWarned = false;

  function sharedInstance(context: Mocha.Context): Promise<T> {
    if (!shared) {
      const started = options.start();
      shared = started;
      // Registered on the root suite so the server outlives every describe() that uses it.
      rootSuite(context).afterAll(`stop the shared ${options.label}`, async () => {
        shared = undefined;
        const instance = await started.catch(() => undefined);
        await instance?.stop();
      });
    }
    return shared;
  }

  function rootSuite(context: Mocha.Context): Mocha.Suite {
    let suite = context.test?.parent;
    if (!suite) throw new Error(`${options.helper}(): before() hook ran outside a suite`);
    while (suite.parent) suite = suite.parent;
    return suite;
  }

  return () => {
    let instance: T | undefined;
    before(async function () {
      this.timeout(options.setupTimeoutMs);
      try {
        instance = await sharedInstance(this);
      } catch (err) {
        if (!(err instanceof options.unavailable) || process.env.CI === 'true') throw err;
        if (!skipWarned) process.stderr.write(`[${options.tag}] skipping ${options.label} tests: ${err.message}\n`);
        skipWarned = true;
        this.skip();
      }
    });
    return () => {
      if (!instance) throw new Error(`${options.helper}(): ${options.label} is not started yet; call the getter inside it() or a hook`);
      return instance;
    };
  };
}
