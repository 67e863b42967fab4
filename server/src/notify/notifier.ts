import type { NotifyChannel } from '../storage/meta/notifications-repository.js';
import type { AlertNotice } from './alert-notice.js';

export type { NotifyChannel } from '../storage/meta/notifications-repository.js';

/** Where one channel posts: the opened URL and, for the generic webhook, its signing secret. */
export interface NotifyTarget {
  readonly url: string;
  readonly secret?: string;
}

/**
 * How a delivery attempt ended, classified the way the outbox acts on it: `sent`; `rate_limited`
 * (429: wait `retryAfterMs`); `retry` (5xx, network, timeout: back off); `rejected` (any other 4xx:
 * fail now). `error` is the receiver's own words (Slack's `channel_not_found`), never the URL.
 */
export type DeliveryResult =
  | { readonly outcome: 'sent' }
  | { readonly outcome: 'rate_limited'; readonly retryAfterMs: number; readonly error: string }
  | { readonly outcome: 'retry'; readonly error: string }
  | { readonly outcome: 'rejected'; readonly status: number; readonly error: string };

/** One delivery channel: builds its message from a notice and posts it once. */
export interface Notifier {
  send(target: NotifyTarget, notice: AlertNotice, options: { readonly timeoutMs: number }): Promise<DeliveryResult>;
}

const MAX_ERROR_CHARS = 300;

/** The Retry-After header (seconds or an HTTP date) in ms; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return 1000;
}

/**
 * POSTs `body` and classifies the answer. Redirects are not followed (a 3xx could point a vetted
 * URL at an internal address), and a network error names its code only: fetch's own messages can
 * carry the URL, which is a secret.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number, isSuccess: (status: number, text: string) => boolean): Promise<DeliveryResult> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { outcome: 'retry', error: `no answer within ${timeoutMs} ms` };
    return { outcome: 'retry', error: `network error${e.cause?.code ? `: ${e.cause.code}` : ''}` };
  }
  const text = (await res.text().catch(() => '')).trim().slice(0, MAX_ERROR_CHARS);
  if (res.status >= 200 && res.status < 300 && isSuccess(res.status, text)) return { outcome: 'sent' };
  const error = text || `HTTP ${res.status}`;
  if (res.status === 429) return { outcome: 'rate_limited', retryAfterMs: retryAfterMs(res.headers.get('retry-after')), error };
  if (res.status >= 500) return { outcome: 'retry', error };
  return { outcome: 'rejected', status: res.status, error };
}
