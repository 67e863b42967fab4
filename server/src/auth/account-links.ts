import { randomBytes } from 'node:crypto';
import type { ServerConfig } from '../config.js';
import { sha256 } from './secrets.js';

/** Verification links live 24 hours, reset links 1 hour, invitations 7 days (Basira's TTLs). */
export const VERIFY_EMAIL_TTL_MS = 24 * 3600_000;
export const RESET_PASSWORD_TTL_MS = 3600_000;
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** A single-use token for an emailed link: 256 random bits to send, their SHA-256 to store. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/**
 * The links in account emails, from VIGIL_PUBLIC_URL only (never a request's Host header, which
 * the caller chooses). The verification, reset and invitation links open the dashboard with the
 * token in the fragment, which browsers send to no server and no Referer.
 */
export function accountLinks(config: ServerConfig): {
  verifyEmail(token: string): string;
  resetPassword(token: string): string;
  invitation(token: string): string;
  signIn(): string;
  forgotPassword(): string;
} {
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  return {
    // The dashboard's landing page, which sends the token to GET /api/v1/auth/verify-email and says what happened.
    verifyEmail: (token) => `${base}/verify-email#token=${encodeURIComponent(token)}`,
    signIn: () => `${base}/signin`,
    forgotPassword: () => `${base}/forgot-password`,
    resetPassword: (token) => `${base}/reset-password#token=${encodeURIComponent(token)}`,
    invitation: (token) => `${base}/invitations/accept#token=${encodeURIComponent(token)}`,
  };
}
