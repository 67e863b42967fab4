/** Types of build-deb.mjs, for the tests and bench scripts that import it. */
export function agentVersion(): string;
export function debianArch(nodeArch?: string): string;
export function buildAgentBinary(dir: string): string;
export function buildDeb(options: { binary: string; version?: string; out?: string; compress?: 'xz' | 'gzip' | 'zstd' | 'none' }): string;
