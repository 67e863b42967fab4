import { pino, type Logger } from 'pino';

export type { Logger };

/** The server's root logger; modules take children of it. Headers and bodies are never logged. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'vigil-server' },
    redact: { paths: ['*.authorization', '*.password', '*.api_key', '*.key', '*.token', '*.refresh_token'], censor: '[redacted]' },
  });
}
