import type { Notifier, NotifyChannel } from './notifier.js';
import { slackNotifier } from './slack-notifier.js';
import { webhookNotifier } from './webhook-notifier.js';

/** Every delivery channel; a new one (email, PagerDuty) is one entry and its settings field. */
export const NOTIFIERS: Readonly<Record<NotifyChannel, Notifier>> = {
  slack: slackNotifier,
  webhook: webhookNotifier,
};

export const CHANNELS = Object.keys(NOTIFIERS) as NotifyChannel[];
