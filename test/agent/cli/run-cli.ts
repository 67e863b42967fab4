import { runCli } from '../../../agent/src/cli/cli-main.js';

/** Runs `vigil-agent argv` in this process (no process start per call), capturing what it prints. */
export async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
