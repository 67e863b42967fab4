import { randomBytes } from 'node:crypto';
import { uuidv7, VigilError } from '@vigil/shared';
import type { NotifyConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { NotificationSettingsPatch, NotificationsRepository, NotificationSettingsRow, NotificationToEnqueue, NotifyChannel, NotifySeverity } from '../storage/meta/notifications-repository.js';
import type { AlertNotice } from './alert-notice.js';
import type { NotifyTarget } from './notifier.js';
import { CHANNELS, NOTIFIERS } from './notifiers.js';
import type { SecretBox } from './secret-box.js';
import { checkWebhookUrl } from './url-guard.js';

const SEVERITY_RANK: Record<NotifySeverity, number> = { warning: 1, critical: 2 };

/** The URL field of each channel in the settings API. */
export const URL_FIELDS: Record<NotifyChannel, 'slack_webhook_url' | 'webhook_url'> = { slack: 'slack_webhook_url', webhook: 'webhook_url' };

/** What GET /settings shows: URLs masked, the signing secret never. */
export interface NotificationSettingsView {
  readonly slack_webhook_url: string | null;
  readonly webhook_url: string | null;
  readonly webhook_secret_set: boolean;
  readonly notify_resolved: boolean;
  readonly notify_min_severity: NotifySeverity;
}

export interface SettingsChange {
  readonly slack_webhook_url?: string | null;
  readonly webhook_url?: string | null;
  readonly notify_resolved?: boolean;
  readonly notify_min_severity?: NotifySeverity;
}

/** Keeps the scheme, host and first path segment; the rest of the path, the query and the fragment (where webhook secrets live) become `****`. */
export function maskUrl(text: string): string {
  if (!URL.canParse(text)) return '****';
  const url = new URL(text);
  const first = url.pathname.split('/').filter(Boolean)[0];
  return `${url.origin}/${first ? `${first}/` : ''}****`;
}

/** How an enqueue turned out, for the alert row: pending (queued for at least one channel) or suppressed, with why. */
export interface EnqueueResult {
  readonly state: 'pending' | 'suppressed';
  readonly reason: string | null;
  readonly ids: readonly string[];
}

/**
 * Notification settings and the outbox's front door: decides from an organization's settings
 * which channels get a notice and whether it is suppressed, and writes it to the outbox (the
 * delivery worker sends it). Secrets are sealed here and opened only to post.
 */
export class NotificationService {
  readonly #repo: NotificationsRepository;
  readonly #config: NotifyConfig;
  readonly #box: SecretBox;
  readonly #logger: Logger;

  constructor(deps: { readonly repo: NotificationsRepository; readonly config: NotifyConfig; readonly box: SecretBox; readonly logger: Logger }) {
    this.#repo = deps.repo;
    this.#config = deps.config;
    this.#box = deps.box;
    this.#logger = deps.logger.child({ component: 'notify' });
  }

  /** The settings as the API shows them. */
  async settings(orgId: string): Promise<NotificationSettingsView> {
    return this.#view(await this.#repo.getNotificationSettings(orgId));
  }

  /**
   * Applies a change: URLs are checked (WEBHOOK_URL_REFUSED naming the field) and sealed; null or ''
   * clears one. The first webhook_url generates the organization's signing secret, returned here
   * once (`webhook_secret`); afterwards only rotateWebhookSecret shows a secret again.
   */
  async updateSettings(orgId: string, change: SettingsChange): Promise<NotificationSettingsView & { readonly webhook_secret?: string }> {
    const current = await this.#repo.getNotificationSettings(orgId);
    const patch: { -readonly [K in keyof NotificationSettingsPatch]: NotificationSettingsPatch[K] } = {
      ...(change.notify_resolved === undefined ? {} : { notify_resolved: change.notify_resolved }),
      ...(change.notify_min_severity === undefined ? {} : { notify_min_severity: change.notify_min_severity }),
    };
    const sealedUrl = async (field: 'slack_webhook_url' | 'webhook_url', value: string | null | undefined): Promise<string | null | undefined> => {
      if (value === undefined) return undefined;
      if (value === null || value === '') return null;
      await checkWebhookUrl(field, value, { allowPrivate: this.#config.allowPrivateWebhooks });
      return this.#box.seal(value);
    };
    const slack = await sealedUrl('slack_webhook_url', change.slack_webhook_url);
    const webhook = await sealedUrl('webhook_url', change.webhook_url);
    if (slack !== undefined) patch.slack_webhook_url_sealed = slack;
    if (webhook !== undefined) patch.webhook_url_sealed = webhook;
    let secret: string | undefined;
    if (webhook && current.webhook_secret_sealed === null) {
      secret = newWebhookSecret();
      patch.webhook_secret_sealed = this.#box.seal(secret);
    }
    const saved = await this.#repo.updateNotificationSettings(orgId, patch, new Date().toISOString());
    return { ...this.#view(saved), ...(secret === undefined ? {} : { webhook_secret: secret }) };
  }

  /** A new signing secret for the generic webhook, shown this once. */
  async rotateWebhookSecret(orgId: string): Promise<string> {
    const secret = newWebhookSecret();
    await this.#repo.updateNotificationSettings(orgId, { webhook_secret_sealed: this.#box.seal(secret) }, new Date().toISOString());
    return secret;
  }

  /** Where `channel` posts for the organization, opened; undefined when it is not configured. */
  async target(orgId: string, channel: NotifyChannel): Promise<NotifyTarget | undefined> {
    return this.#target(await this.#repo.getNotificationSettings(orgId), channel);
  }

  #target(settings: NotificationSettingsRow, channel: NotifyChannel): NotifyTarget | undefined {
    const sealed = channel === 'slack' ? settings.slack_webhook_url_sealed : settings.webhook_url_sealed;
    if (sealed === null) return undefined;
    const url = this.#box.open(sealed);
    if (channel !== 'webhook' || settings.webhook_secret_sealed === null) return { url };
    return { url, secret: this.#box.open(settings.webhook_secret_sealed) };
  }

  /**
   * Puts a notice in the outbox for every configured channel, or records it `suppressed` when the
   * settings say not to send it (below notify_min_severity; a resolution with notify_resolved off).
   * The same alert event enqueued twice (two processes hearing it) is stored once.
   */
  async enqueue(notice: AlertNotice): Promise<EnqueueResult> {
    const settings = await this.#repo.getNotificationSettings(notice.org_id);
    const channels = CHANNELS.filter((c) => (c === 'slack' ? settings.slack_webhook_url_sealed : settings.webhook_url_sealed) !== null);
    if (channels.length === 0) return { state: 'suppressed', reason: 'no Slack webhook or webhook URL is configured', ids: [] };
    const reason = suppressedBecause(notice, settings);
    const now = new Date().toISOString();
    const rows = channels.map(
      (channel): NotificationToEnqueue => ({
        id: uuidv7(),
        org_id: notice.org_id,
        alert_id: notice.alert_id,
        channel,
        kind: notice.kind,
        payload: JSON.stringify(notice),
        state: reason === null ? 'pending' : 'suppressed',
        last_error: reason,
        // Escalations may repeat; an alert opens and resolves once.
        dedupe_key: notice.alert_id === null ? null : notice.kind === 'escalated' ? `${notice.alert_id}:escalated:${notice.at}:${channel}` : `${notice.alert_id}:${notice.kind}:${channel}`,
        created_at: now,
      }),
    );
    const ids = await this.#repo.enqueueNotifications(rows);
    this.#logger.debug({ alert_id: notice.alert_id, kind: notice.kind, channels, suppressed: reason }, 'notification enqueued');
    return { state: reason === null ? 'pending' : 'suppressed', reason, ids };
  }

  /** Sends a test message now, outside the outbox, to Slack if configured, else the webhook; NOTIFY_FAILED with the receiver's words. */
  async sendTest(orgId: string): Promise<void> {
    const settings = await this.#repo.getNotificationSettings(orgId);
    const channel = CHANNELS.find((c) => this.#target(settings, c) !== undefined);
    if (channel === undefined) throw new VigilError('NOTIFY_NOT_CONFIGURED');
    const target = this.#target(settings, channel)!;
    await checkWebhookUrl(URL_FIELDS[channel], target.url, { allowPrivate: this.#config.allowPrivateWebhooks });
    const notice: AlertNotice = {
      kind: 'test',
      alert_id: null,
      org_id: orgId,
      database: null,
      metric_key: null,
      severity: 'warning',
      title: 'Vigil test notification: alerts will arrive here',
      value: null,
      threshold: null,
      object: null,
      fix: null,
      health_score: null,
      at: new Date().toISOString(),
    };
    const result = await NOTIFIERS[channel].send(target, notice, { timeoutMs: this.#config.timeoutMs });
    if (result.outcome === 'sent') return;
    const status = result.outcome === 'rejected' ? result.status : result.outcome === 'rate_limited' ? 429 : null;
    throw new VigilError('NOTIFY_FAILED', `${channel === 'slack' ? 'Slack' : 'The webhook'} refused the test notification: ${result.error}`, {
      details: { channel, receiver_status: status, receiver_error: result.error },
    });
  }

  #view(row: NotificationSettingsRow): NotificationSettingsView {
    const open = (sealed: string | null): string | null => {
      if (sealed === null) return null;
      try {
        return maskUrl(this.#box.open(sealed));
      } catch {
        // Sealed under another server secret: say it is set without showing anything.
        return '****';
      }
    };
    return {
      slack_webhook_url: open(row.slack_webhook_url_sealed),
      webhook_url: open(row.webhook_url_sealed),
      webhook_secret_set: row.webhook_secret_sealed !== null,
      notify_resolved: row.notify_resolved,
      notify_min_severity: row.notify_min_severity,
    };
  }
}

function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Why settings keep this notice from being sent, or null to send it. */
export function suppressedBecause(notice: AlertNotice, settings: Pick<NotificationSettingsRow, 'notify_resolved' | 'notify_min_severity'>): string | null {
  if (notice.kind === 'test' || notice.kind === 'escalated') return null;
  if (notice.kind === 'resolved' && !settings.notify_resolved) return 'notify_resolved is off';
  if (SEVERITY_RANK[notice.severity] < SEVERITY_RANK[settings.notify_min_severity]) return `severity ${notice.severity} is below notify_min_severity ${settings.notify_min_severity}`;
  return null;
}
