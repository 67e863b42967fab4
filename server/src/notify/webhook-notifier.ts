import { createHmac } from 'node:crypto';
import type { AlertNotice } from './alert-notice.js';
import { postJson, type DeliveryResult, type Notifier, type NotifyTarget } from './notifier.js';

export const SIGNATURE_HEADER = 'X-Vigil-Signature';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the organization's webhook secret (GitHub's form). */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The generic webhook: the notice as a JSON body, signed so the receiver can check it came from this Vigil. */
export const webhookNotifier: Notifier = {
  send(target: NotifyTarget, notice: AlertNotice, options: { readonly timeoutMs: number }): Promise<DeliveryResult> {
    const body = JSON.stringify({ event: `alert.${notice.kind}`, ...notice });
    const headers: Record<string, string> = target.secret ? { [SIGNATURE_HEADER]: webhookSignature(body, target.secret) } : {};
    return postJson(target.url, body, headers, options.timeoutMs, () => true);
  },
};
