import { Migrator, sql, type Kysely } from 'kysely';
import type { AccountsRepository } from './accounts-repository.js';
import type { AlertsRepository } from './alerts-repository.js';
import type { AskRepository } from './ask-repository.js';
import { KyselyAskRepository } from './kysely-ask-repository.js';
import { KyselyAlertsRepository } from './kysely-alerts-repository.js';
import type { AdvisorsRepository } from './advisors-repository.js';
import { KyselyAdvisorsRepository } from './kysely-advisors-repository.js';
import type { CatalogRepository } from './catalog-repository.js';
import { KyselyAccountsRepository } from './kysely-accounts-repository.js';
import { KyselyCatalogRepository } from './kysely-catalog-repository.js';
import { KyselyLedgerRepository } from './kysely-ledger-repository.js';
import type { LedgerRepository } from './ledger-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import { KyselyNotificationsRepository } from './kysely-notifications-repository.js';
import type { NotificationsRepository } from './notifications-repository.js';
import type { MetaStore } from './meta-store.js';
import { metaMigrations } from './migrations.js';
import type { MetaSchema } from './schema.js';

export type { MetaDialect } from './meta-dialect.js';

/**
 * The metadata store over any Kysely dialect: the three area repositories on one connection, plus
 * migrations and the readiness ping. Callers keep one handle (`ctx.meta.touchDatabase(…)`), so a
 * test can still intercept any method on it; each method is the area repository's own.
 */
export class KyselyMetaStore implements MetaStore {
  readonly #db: Kysely<MetaSchema>;
  readonly #accounts: AccountsRepository;
  readonly #catalog: CatalogRepository;
  readonly #ledger: LedgerRepository;
  readonly alerts: AlertsRepository;
  readonly advisors: AdvisorsRepository;
  readonly ask: AskRepository;
  readonly #notifications: NotificationsRepository;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
    this.#accounts = new KyselyAccountsRepository(dialect);
    this.#catalog = new KyselyCatalogRepository(dialect);
    this.#ledger = new KyselyLedgerRepository(dialect);
    this.alerts = new KyselyAlertsRepository(dialect);
    this.advisors = new KyselyAdvisorsRepository(dialect);
    this.ask = new KyselyAskRepository(dialect);
    this.#notifications = new KyselyNotificationsRepository(dialect);
  }

  /** `target`: stop after that migration (tests of one migration over data written before it). */
  async migrate(target?: string): Promise<void> {
    const migrator = new Migrator({ db: this.#db, provider: metaMigrations });
    const { error, results } = await (target === undefined ? migrator.migrateToLatest() : migrator.migrateTo(target));
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`Metadata migration ${failed} failed`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.#db);
  }

  readonly createOrganizationWithUser: AccountsRepository['createOrganizationWithUser'] = (...args) => this.#accounts.createOrganizationWithUser(...args);
  readonly findUserByEmail: AccountsRepository['findUserByEmail'] = (...args) => this.#accounts.findUserByEmail(...args);
  readonly getUser: AccountsRepository['getUser'] = (...args) => this.#accounts.getUser(...args);
  readonly getOrganization: AccountsRepository['getOrganization'] = (...args) => this.#accounts.getOrganization(...args);
  readonly createApiKey: AccountsRepository['createApiKey'] = (...args) => this.#accounts.createApiKey(...args);
  readonly listApiKeys: AccountsRepository['listApiKeys'] = (...args) => this.#accounts.listApiKeys(...args);
  readonly revokeApiKey: AccountsRepository['revokeApiKey'] = (...args) => this.#accounts.revokeApiKey(...args);
  readonly liveApiKeyIds: AccountsRepository['liveApiKeyIds'] = (...args) => this.#accounts.liveApiKeyIds(...args);
  readonly findApiKeyByHash: AccountsRepository['findApiKeyByHash'] = (...args) => this.#accounts.findApiKeyByHash(...args);
  readonly touchApiKey: AccountsRepository['touchApiKey'] = (...args) => this.#accounts.touchApiKey(...args);
  readonly createRefreshToken: AccountsRepository['createRefreshToken'] = (...args) => this.#accounts.createRefreshToken(...args);
  readonly findRefreshTokenByHash: AccountsRepository['findRefreshTokenByHash'] = (...args) => this.#accounts.findRefreshTokenByHash(...args);
  readonly markRefreshTokenUsed: AccountsRepository['markRefreshTokenUsed'] = (...args) => this.#accounts.markRefreshTokenUsed(...args);
  readonly revokeRefreshFamily: AccountsRepository['revokeRefreshFamily'] = (...args) => this.#accounts.revokeRefreshFamily(...args);
  readonly createUserInOrganization: AccountsRepository['createUserInOrganization'] = (...args) => this.#accounts.createUserInOrganization(...args);
  readonly hasUsers: AccountsRepository['hasUsers'] = (...args) => this.#accounts.hasUsers(...args);
  readonly markEmailVerified: AccountsRepository['markEmailVerified'] = (...args) => this.#accounts.markEmailVerified(...args);
  readonly setPassword: AccountsRepository['setPassword'] = (...args) => this.#accounts.setPassword(...args);
  readonly getMembership: AccountsRepository['getMembership'] = (...args) => this.#accounts.getMembership(...args);
  readonly getAccess: AccountsRepository['getAccess'] = (...args) => this.#accounts.getAccess(...args);
  readonly listMemberships: AccountsRepository['listMemberships'] = (...args) => this.#accounts.listMemberships(...args);
  readonly listMembers: AccountsRepository['listMembers'] = (...args) => this.#accounts.listMembers(...args);
  readonly addMembership: AccountsRepository['addMembership'] = (...args) => this.#accounts.addMembership(...args);
  readonly changeMemberRole: AccountsRepository['changeMemberRole'] = (...args) => this.#accounts.changeMemberRole(...args);
  readonly removeMember: AccountsRepository['removeMember'] = (...args) => this.#accounts.removeMember(...args);
  readonly createAccountToken: AccountsRepository['createAccountToken'] = (...args) => this.#accounts.createAccountToken(...args);
  readonly consumeAccountToken: AccountsRepository['consumeAccountToken'] = (...args) => this.#accounts.consumeAccountToken(...args);
  readonly createInvitation: AccountsRepository['createInvitation'] = (...args) => this.#accounts.createInvitation(...args);
  readonly findInvitationByHash: AccountsRepository['findInvitationByHash'] = (...args) => this.#accounts.findInvitationByHash(...args);
  readonly markInvitationAccepted: AccountsRepository['markInvitationAccepted'] = (...args) => this.#accounts.markInvitationAccepted(...args);
  readonly listPendingInvitations: AccountsRepository['listPendingInvitations'] = (...args) => this.#accounts.listPendingInvitations(...args);
  readonly revokeInvitation: AccountsRepository['revokeInvitation'] = (...args) => this.#accounts.revokeInvitation(...args);
  readonly getThrottles: AccountsRepository['getThrottles'] = (...args) => this.#accounts.getThrottles(...args);
  readonly putThrottle: AccountsRepository['putThrottle'] = (...args) => this.#accounts.putThrottle(...args);
  readonly clearThrottle: AccountsRepository['clearThrottle'] = (...args) => this.#accounts.clearThrottle(...args);
  readonly recordAudit: AccountsRepository['recordAudit'] = (...args) => this.#accounts.recordAudit(...args);
  readonly listAudit: AccountsRepository['listAudit'] = (...args) => this.#accounts.listAudit(...args);
  readonly pruneAccounts: AccountsRepository['pruneAccounts'] = (...args) => this.#accounts.pruneAccounts(...args);

  readonly upsertAgent: CatalogRepository['upsertAgent'] = (...args) => this.#catalog.upsertAgent(...args);
  readonly getAgent: CatalogRepository['getAgent'] = (...args) => this.#catalog.getAgent(...args);
  readonly getAgents: CatalogRepository['getAgents'] = (...args) => this.#catalog.getAgents(...args);
  readonly recordAgentHeartbeat: CatalogRepository['recordAgentHeartbeat'] = (...args) => this.#catalog.recordAgentHeartbeat(...args);
  readonly upsertDatabase: CatalogRepository['upsertDatabase'] = (...args) => this.#catalog.upsertDatabase(...args);
  readonly listDatabases: CatalogRepository['listDatabases'] = (...args) => this.#catalog.listDatabases(...args);
  readonly getDatabase: CatalogRepository['getDatabase'] = (...args) => this.#catalog.getDatabase(...args);
  readonly updateDatabase: CatalogRepository['updateDatabase'] = (...args) => this.#catalog.updateDatabase(...args);
  readonly getDatabaseSettings: CatalogRepository['getDatabaseSettings'] = (...args) => this.#catalog.getDatabaseSettings(...args);
  readonly createDatabase: CatalogRepository['createDatabase'] = (...args) => this.#catalog.createDatabase(...args);
  readonly deleteDatabase: CatalogRepository['deleteDatabase'] = (...args) => this.#catalog.deleteDatabase(...args);
  readonly touchDatabase: CatalogRepository['touchDatabase'] = (...args) => this.#catalog.touchDatabase(...args);

  readonly getIngestedBatch: LedgerRepository['getIngestedBatch'] = (...args) => this.#ledger.getIngestedBatch(...args);
  readonly recordIngestedBatch: LedgerRepository['recordIngestedBatch'] = (...args) => this.#ledger.recordIngestedBatch(...args);
  readonly claimBatches: LedgerRepository['claimBatches'] = (...args) => this.#ledger.claimBatches(...args);
  readonly completeBatches: LedgerRepository['completeBatches'] = (...args) => this.#ledger.completeBatches(...args);
  readonly renewBatches: LedgerRepository['renewBatches'] = (...args) => this.#ledger.renewBatches(...args);
  readonly releaseBatches: LedgerRepository['releaseBatches'] = (...args) => this.#ledger.releaseBatches(...args);
  readonly tryAcquireLease: LedgerRepository['tryAcquireLease'] = (...args) => this.#ledger.tryAcquireLease(...args);
  readonly renewLease: LedgerRepository['renewLease'] = (...args) => this.#ledger.renewLease(...args);
  readonly releaseLease: LedgerRepository['releaseLease'] = (...args) => this.#ledger.releaseLease(...args);

  readonly getNotificationSettings: NotificationsRepository['getNotificationSettings'] = (...args) => this.#notifications.getNotificationSettings(...args);
  readonly updateNotificationSettings: NotificationsRepository['updateNotificationSettings'] = (...args) => this.#notifications.updateNotificationSettings(...args);
  readonly enqueueNotifications: NotificationsRepository['enqueueNotifications'] = (...args) => this.#notifications.enqueueNotifications(...args);
  readonly dueNotificationTargets: NotificationsRepository['dueNotificationTargets'] = (...args) => this.#notifications.dueNotificationTargets(...args);
  readonly oldestPendingNotification: NotificationsRepository['oldestPendingNotification'] = (...args) => this.#notifications.oldestPendingNotification(...args);
  readonly lastNotificationAttemptAt: NotificationsRepository['lastNotificationAttemptAt'] = (...args) => this.#notifications.lastNotificationAttemptAt(...args);
  readonly recordNotificationAttempt: NotificationsRepository['recordNotificationAttempt'] = (...args) => this.#notifications.recordNotificationAttempt(...args);
  readonly listNotifications: NotificationsRepository['listNotifications'] = (...args) => this.#notifications.listNotifications(...args);
}
