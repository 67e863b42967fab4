import type { AccountsRepository } from './accounts-repository.js';
import type { AdvisorsRepository } from './advisors-repository.js';
import type { AlertsRepository } from './alerts-repository.js';
import type { AskRepository } from './ask-repository.js';
import type { CatalogRepository } from './catalog-repository.js';
import type { LedgerRepository } from './ledger-repository.js';
import type { NotificationsRepository } from './notifications-repository.js';

/**
 * Metadata storage, one repository per area: accounts (accounts-repository.ts), the catalogue of
 * agents and databases (catalog-repository.ts), the ingest ledger and leases (ledger-repository.ts).
 * `MetaStore` is all of them behind one handle, as the app context holds it; code that needs one
 * area takes that repository's type. Implemented once over Kysely (kysely-meta-store.ts) with a
 * dialect folder per backend (sqlite/, postgres/), and one contract suite over all of them.
 * Timestamps cross this boundary as ISO 8601 UTC strings.
 */

export {
  API_KEY_SCOPES,
  ROLES,
  type AccountsRepository,
  type ApiKey,
  type ApiKeyScope,
  type AuditEntry,
  type Invitation,
  type Member,
  type Organization,
  type RefreshToken,
  type Role,
  type User,
} from './accounts-repository.js';
export type { Agent, AgentHeartbeat, CatalogRepository, CollectorHealth, Database, DatabasePatch, DatabaseSettings } from './catalog-repository.js';
export { leaseFor, type BatchClaim, type BatchToClaim, type ClaimLease, type IngestedBatch, type LeaseStore, type LedgerRepository } from './ledger-repository.js';
export type { DeliveryState, NotificationSettingsRow, NotificationsRepository, NotifyChannel, NotifySeverity, OutboxNotification } from './notifications-repository.js';

export interface MetaStore extends AccountsRepository, CatalogRepository, LedgerRepository, NotificationsRepository {
  /** Alert rules, rule edits and alerts (alerts-repository.ts), as its own handle: `ctx.meta.alerts.openAlert(…)`. */
  readonly alerts: AlertsRepository;
  /** Scans and recommendations (advisors-repository.ts), as its own handle: `ctx.meta.advisors.requestScan(…)`. */
  readonly advisors: AdvisorsRepository;
  /** Asking the telemetry in words (ask-repository.ts): providers, settings, examples, sessions, the cache. */
  readonly ask: AskRepository;
  /** Applies pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** A cheap round trip proving the store answers (readiness checks). */
  ping(): Promise<void>;
}
