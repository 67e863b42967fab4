import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's root logger; modules take children of it. Headers, query strings and bodies
 * are never logged; the redaction below is a second line of defence for fields that might
 * still hold a secret. `destination` defaults to stdout (tests pass a stream to read lines back).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'vigil-server' },
    redact: { paths: ['*.authorization', '*.password', '*.api_key', '*.key', '*.token', '*.refresh_token'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
