import type { NextFunction, Request, Response } from 'express';
import { VigilError, isVigilError } from '@vigil/shared';
import type { Logger } from '../logger.js';

/** Body-parser failures arrive as plain errors with a `type`; map them into the catalog. */
function fromBodyParser(err: unknown): VigilError | undefined {
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') return new VigilError('BODY_MALFORMED');
  if (type === 'entity.too.large') return new VigilError('BODY_TOO_LARGE');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new VigilError('VALIDATION_FAILED', 'Unsupported request body encoding');
  return undefined;
}

/**
 * The one error middleware: expected errors become their 4xx with `{error, code}` and a warn
 * line; anything else is a 500 with a generic message and an error line (never a stack to the client).
 */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = isVigilError(err) ? err : fromBodyParser(err);
    const requestId = res.locals.requestId as string | undefined;
    if (known && known.expose) {
      logger.warn({ req_id: requestId, code: known.code, method: req.method, route: req.route?.path, status: known.status }, known.message);
      res.status(known.status).json({ error: known.message, code: known.code, ...(known.details ?? {}) });
      return;
    }
    logger.error({ req_id: requestId, err, method: req.method, path: req.path }, 'request failed');
    const internal = new VigilError('INTERNAL');
    res.status(internal.status).json({ error: internal.message, code: internal.code });
  };
}
