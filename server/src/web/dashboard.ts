import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';

/** Where `pnpm install` (web's postinstall) and `pnpm --filter @vigil/web build` put the dashboard. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Scripts and styles only from this origin: no inline script, no eval, no plugin, no framing.
 * `style-src 'self'` still lets scripts set element styles through the CSSOM (uPlot sizes its
 * canvas that way); only inline `<style>` and `style=""` in markup are refused.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** One built file with the encodings the build wrote next to it (`x.js.br`, `x.js.gz`). */
interface Asset {
  readonly type: string;
  readonly identity: Buffer;
  readonly br?: Buffer;
  readonly gzip?: Buffer;
}

function readOptional(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}

/** Every file of the build by its URL path; the .br/.gz siblings are attached, not served by name. */
function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.br') && !name.endsWith('.gz')) {
        const br = readOptional(`${path}.br`);
        const gzip = readOptional(`${path}.gz`);
        assets.set(`/${relative(dir, path).split(sep).join('/')}`, {
          type: TYPES[extname(name)] ?? 'application/octet-stream',
          identity: readFileSync(path),
          ...(br ? { br } : {}),
          ...(gzip ? { gzip } : {}),
        });
      }
    }
  };
  walk(dir);
  return assets;
}

/** Picks the smallest encoding the client accepts (brotli, then gzip). */
function send(req: Request, res: Response, asset: Asset): void {
  res.setHeader('Content-Type', asset.type);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const accepted = req.acceptsEncodings('br', 'gzip', 'identity');
  let body = asset.identity;
  if (accepted === 'br' && asset.br) {
    body = asset.br;
    res.setHeader('Content-Encoding', 'br');
  } else if ((accepted === 'br' || accepted === 'gzip') && asset.gzip) {
    body = asset.gzip;
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigil</title></head>
<body><h1>The dashboard is not built</h1><p>Run <code>npx pnpm@9 install</code> (it builds the dashboard) or
<code>npx pnpm@9 --filter @vigil/web build</code>, then reload. The API is at <a href="/docs">/docs</a>.</p></body></html>`;

/** Paths the dashboard never answers, so an API typo stays a JSON 404. */
const NOT_DASHBOARD = /^\/(api|docs)(\/|$)/;

/**
 * Serves the built dashboard: hashed files under /assets/ cached for a year (their name changes
 * with their content), everything else (index.html, deep links such as /databases/<id>) answered
 * with index.html, never cached and under a strict CSP, so a deploy is seen on the next load.
 * Only GET/HEAD requests that accept HTML (or ask for a built file) are answered; the rest go on.
 * The build is read on first use, so servers started by tests that never open it pay nothing.
 */
export function dashboard(logger: Logger, dir: string = DASHBOARD_DIR): RequestHandler {
  let assets: Map<string, Asset> | undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_DASHBOARD.test(req.path)) return next();
    assets ??= existsSync(join(dir, 'index.html')) ? loadAssets(dir) : undefined;
    const file = assets?.get(req.path);
    if (file && req.path !== '/index.html') {
      res.setHeader('Cache-Control', req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return send(req, res, file);
    }
    if (req.path.startsWith('/assets/') || req.accepts(['json', 'html']) !== 'html') return next();
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const index = assets?.get('/index.html');
    if (!index) {
      logger.warn({ dir }, 'dashboard requested but not built');
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    send(req, res, index);
  };
}
