import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys and refresh tokens: 256 random bits, shown to the user once and stored only as a
 * SHA-256 hash. A fast hash is right here (unlike passwords): the input has full entropy, so
 * there is nothing to brute-force, and every authenticated request looks one up.
 */
const API_KEY_PREFIX = 'vgl_';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A new API key: the secret to show once, the hash to store, a short prefix to display. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: sha256(key), prefix: key.slice(0, API_KEY_PREFIX.length + 6) };
}

/** A new opaque refresh token and its stored hash. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}
