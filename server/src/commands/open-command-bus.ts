import type { ServerConfig } from '../config.js';
import type { AgentRegistry } from '../ingest/agent-registry.js';
import type { Logger } from '../logger.js';
import type { CommandBus } from './command-bus.js';
import { LocalCommandBus } from './local/local-command-bus.js';
import { PostgresCommandBus } from './postgres/postgres-command-bus.js';

/** The configured bus: relayed over PostgreSQL when the metadata is there (DATABASE_URL, so several processes may share it), else local. */
export function commandBusFor(config: ServerConfig, agents: AgentRegistry, logger: Logger): CommandBus {
  return config.databaseUrl
    ? new PostgresCommandBus({ connectionString: config.databaseUrl.reveal(), agents, logger })
    : new LocalCommandBus(agents, config.heartbeatIntervalSeconds);
}
