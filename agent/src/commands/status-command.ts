import type { CommandContext } from './command-context.js';

/** `status`: the agent's own report (version, resources, spool, collectors), the same figures a heartbeat carries. */
export async function statusCommand(_args: unknown, ctx: CommandContext): Promise<unknown> {
  return ctx.status();
}
