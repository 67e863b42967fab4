import type { NextFunction, Request, Response } from 'express';
import { VigilError, isVigilError } from '@vigil/shared';
import type { Logger } from '../logger.js';

/**
 * Body-parser and Express failures arrive as plain http-errors with a `type` or a cause; map them
 * into the catalog so a client mistake is never a 500.
 */
function fromHttpError(err: unknown): VigilError | undefined {
  const { type, code, status } = err as { type?: string; code?: string; status?: number };
  if (type === 'entity.parse.failed') return new VigilError('BODY_MALFORMED');
  if (type === 'entity.too.large') return new VigilError('BODY_TOO_LARGE');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new VigilError('BODY_UNSUPPORTED_ENCODING');
  // A body that claims gzip/deflate/br but does not inflate: zlib's error codes are Z_* (and ERR_* for brotli).
  if (status === 400 && typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__'))) {
    return new VigilError('BODY_MALFORMED', 'Request body could not be decompressed as its Content-Encoding says');
  }
  // Express's decodeURIComponent of a path parameter (e.g. a lone "%").
  if (status === 400 && err instanceof URIError) return new VigilError('PATH_MALFORMED');
  if (typeof status === 'number' && status >= 400 && status < 500) return new VigilError('VALIDATION_FAILED', 'Malformed request');
  return undefined;
}

/**
 * The one error middleware: expected errors become their 4xx with `{error, code}` and a warn
 * line; anything else is a 500 with a generic message and an error line (never a stack to the client).
 */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = isVigilError(err) ? err : fromHttpError(err);
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
