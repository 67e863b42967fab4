import type { RequestHandler } from 'express';
import { ERROR_CATALOG } from '@vigil/shared';
import type { Logger } from '../logger.js';

/** Anything that answers a cheap round trip: both store interfaces do. */
export interface Pingable {
  ping(): Promise<void>;
}

export type CheckResult = 'ok' | 'unreachable' | 'timeout';

/** A hung store must not hang the probe: past this it counts as down. */
const PING_TIMEOUT_MS = 2000;

async function check(store: Pingable, timeoutMs: number): Promise<CheckResult | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    return await Promise.race([store.ping().then(() => 'ok' as const), timeout]);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /readyz: 200 when both stores answer, else 503 naming which did not (and never why in
 * detail: driver errors can hold hosts or user names). Also 503 while shutting down, so a load
 * balancer stops sending new connections before the sockets close.
 */
export function readinessHandler(stores: { meta: Pingable; telemetry: Pingable }, isShuttingDown: () => boolean, logger: Logger): RequestHandler {
  const unavailable = { code: 'SERVICE_UNAVAILABLE', status: ERROR_CATALOG.SERVICE_UNAVAILABLE.status } as const;
  return async (_req, res) => {
    if (isShuttingDown()) {
      res.status(unavailable.status).json({ status: 'shutting_down', error: 'The server is shutting down', code: unavailable.code });
      return;
    }
    const [meta, telemetry] = await Promise.all([check(stores.meta, PING_TIMEOUT_MS), check(stores.telemetry, PING_TIMEOUT_MS)]);
    const checks: Record<'meta' | 'telemetry', CheckResult> = { meta: 'ok', telemetry: 'ok' };
    for (const [name, result] of [['meta', meta], ['telemetry', telemetry]] as const) {
      if (result instanceof Error) {
        logger.warn({ store: name, err_name: result.name, err_code: (result as NodeJS.ErrnoException).code }, 'readiness check: store unreachable');
        checks[name] = 'unreachable';
      } else {
        checks[name] = result;
      }
    }
    const failed = Object.entries(checks).filter(([, result]) => result !== 'ok');
    if (failed.length === 0) {
      res.json({ status: 'ready', checks });
      return;
    }
    const what = failed.map(([name, result]) => `${name} store ${result}`).join(', ');
    res.status(unavailable.status).json({ status: 'not_ready', error: `Not ready: ${what}`, code: unavailable.code, checks });
  };
}
