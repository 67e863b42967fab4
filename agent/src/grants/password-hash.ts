import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

// PostgreSQL's own default (scram_iterations), so a verifier made here is what ALTER ROLE … PASSWORD would store.
const SCRAM_ITERATIONS = 4096;
const SCRAM_SALT_BYTES = 16;

/**
 * A SCRAM-SHA-256 verifier for `password` in PostgreSQL's stored form (RFC 5803). PostgreSQL 10+
 * accepts it in `PASSWORD '…'` and stores it as is, so the password itself never reaches the
 * server, its logs or the printed SQL.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(SCRAM_SALT_BYTES)): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The hex SHA-256 of `password`: ClickHouse's `sha256_hash` and users.xml `password_sha256_hex`. */
export function sha256Hex(password: string): string {
  return createHash('sha256').update(password).digest('hex');
}
