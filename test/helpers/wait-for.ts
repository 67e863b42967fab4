/**
 * Polls `probe` until it returns something other than undefined. On timeout it throws naming
 * `what`, followed by `log()` when given (a child process's output, say), so a failure shows why.
 */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, log?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${log ? `\n--- output ---\n${log()}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
