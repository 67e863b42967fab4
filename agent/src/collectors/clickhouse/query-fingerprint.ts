import { createHash } from 'node:crypto';
import { stripLiterals } from '@vigil/shared';

/**
 * The agent's query fingerprint, for ClickHouse releases without normalizedQueryHash: the
 * literal-stripped text with lists of placeholders collapsed (IN (?, ?, ?) and IN (?, ?) are one
 * statement, as ClickHouse's own normalizeQuery has it), hashed to an unsigned 64-bit number.
 */

const PLACEHOLDER_LIST = /\?(?:\s*,\s*\?)+/g;

/** Query text shipped from the server before normalization; a longer text is cut (the agent's fingerprint covers this much). */
export const MAX_TEXT_BYTES = 16_384;

/** Text safe to leave the host: literals stripped, placeholder lists collapsed to `?..`. */
export function normalizeQueryText(query: string): string {
  return stripLiterals(query).replace(PLACEHOLDER_LIST, '?..');
}

/** First 64 bits of SHA-256 over normalized text, as an unsigned decimal string (stable across agents and releases). */
export function agentQueryHash(normalizedText: string): string {
  return createHash('sha256').update(normalizedText).digest().readBigUInt64BE(0).toString();
}
