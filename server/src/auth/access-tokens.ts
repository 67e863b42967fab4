import jwt from 'jsonwebtoken';
import { VigilError } from '@vigil/shared';

/** Claims in a Vigil access token. */
export interface AccessClaims {
  readonly sub: string;
  readonly org: string;
  /** The user's token version when issued (0010); a password change bumps it, so older tokens stop working. Absent in tokens from before: 0. */
  readonly tv: number;
}

const ISSUER = 'vigil';
const AUDIENCE = 'vigil-api';

/** Signs a short-lived HS256 access token for a user. */
export function signAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ org: claims.org, tv: claims.tv, typ: 'access' }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

/** Verifies an access token; throws AUTH_INVALID_TOKEN for anything expired, forged or malformed. */
export function verifyAccessToken(token: string, secret: string): AccessClaims {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload === 'string' || payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.org !== 'string') {
      throw new VigilError('AUTH_INVALID_TOKEN');
    }
    const tv = payload.tv ?? 0;
    if (!Number.isInteger(tv)) throw new VigilError('AUTH_INVALID_TOKEN');
    return { sub: payload.sub, org: payload.org, tv: tv as number };
  } catch {
    throw new VigilError('AUTH_INVALID_TOKEN');
  }
}
