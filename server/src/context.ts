import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import type { MetaStore } from './storage/meta/meta-store.js';
import type { TelemetryStore } from './storage/telemetry/telemetry-store.js';
import type { AgentRegistry } from './ingest/agent-registry.js';
import type { CommandBus } from './commands/command-bus.js';
import type { IngestEvents } from './ingest/ingest-events.js';
import type { Notifications } from './notify/notifications.js';
import type { DatabaseEvaluator } from './services/database-evaluator.js';
import type { AlertEvents } from './engines/alerts/alert-events.js';
import type { SqlParsers } from './engines/sql-parse/sql-parsers.js';
import type { ClientRateLimiter } from './api/client-rate-limiter.js';
import type { Mailer } from './mail/mailer.js';

/** Everything a route or the ingest gateway needs, built once at start. */
export interface AppContext {
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly meta: MetaStore;
  readonly telemetry: TelemetryStore;
  readonly agents: AgentRegistry;
  /** Commands and settings to the agent serving a database, on whichever server process holds it. */
  readonly commands: CommandBus;
  /** `stored` after each flush's batches are durable: what engines react to instead of polling. */
  readonly ingestEvents: IngestEvents;
  /** Notification settings and the outbox (notify/): engines enqueue alert notices here. */
  readonly notifications: Notifications;
  /** Alerts opened, resolved and escalated (engines/alerts/alert-events.ts): what the notifier subscribes to. */
  readonly alertEvents: AlertEvents;
  /** Health score and doctor per database, evaluated on stored telemetry and on read when stale. */
  readonly evaluator: DatabaseEvaluator;
  /** PostgreSQL's and ClickHouse's own parsers (engines/sql-parse): the optimizer, lineage and advisors. */
  readonly sql: SqlParsers;
  /** The per-client-address limit of the public routes (optimizer, lineage, connectivity). */
  readonly publicLimiter: ClientRateLimiter;
  /** Questions a minute per organization through POST /chat. */
  readonly askLimiter: ClientRateLimiter;
  /** Account email (verification, password reset, invitations) over SMTP, or off (mail/mailer.ts). */
  readonly mailer: Mailer;
}
