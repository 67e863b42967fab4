/**
 * The bench's own arguments: `pnpm bench:x -- --flag` passes the `--` through to the script (pnpm 9),
 * and node:util's parseArgs would read everything after it as positionals.
 */
export const benchArgs: string[] = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
