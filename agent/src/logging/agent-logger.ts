import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/agent-config.js';

export type { Logger };

/**
 * The agent's root logger, to stderr by default so stdout stays free for `vigil-agent test`
 * output. Modules take children of it (one per monitored database). The redact paths are a
 * second line of defence: code logs database names and plain reasons, never URLs or keys.
 */
export function createAgentLogger(level: LogLevel, destination: DestinationStream = pino.destination({ fd: 2, sync: true })): Logger {
  return pino(
    {
      level,
      base: { service: 'vigil-agent' },
      redact: { paths: ['url', '*.url', 'apiKey', '*.apiKey', 'password', '*.password', '*.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
