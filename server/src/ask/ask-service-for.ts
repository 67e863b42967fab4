import type { AppContext } from '../context.js';
import { AskService } from './ask-service.js';

const services = new WeakMap<AppContext, AskService>();

/** The one AskService of an app context, made on first use (the ask, chat and provider routes share it). */
export function askServiceFor(ctx: AppContext): AskService {
  let service = services.get(ctx);
  if (!service) {
    service = new AskService({ meta: ctx.meta, telemetry: ctx.telemetry, sql: ctx.sql, config: { jwtSecret: ctx.config.jwtSecret, allowPrivateWebhooks: ctx.config.notify.allowPrivateWebhooks }, logger: ctx.logger.child({ component: 'ask' }) });
    services.set(ctx, service);
  }
  return service;
}
