import { VigilError } from '@vigil/shared';
import type { MetaStore } from '../storage/meta/meta-store.js';

/**
 * Throws ORG_UNVERIFIED_LIMIT when registering a database named `name` would give an unverified
 * organization a second one. Re-registering a name it already has is always allowed, so an agent
 * reconnecting keeps its first database.
 */
export async function assertMayRegisterDatabase(meta: MetaStore, orgId: string, name: string): Promise<void> {
  const org = await meta.getOrganization(orgId);
  if (!org || org.verified_at !== null) return;
  const databases = await meta.listDatabases(orgId);
  if (databases.length === 0 || databases.some((db) => db.name === name)) return;
  throw new VigilError('ORG_UNVERIFIED_LIMIT', `Database "${name}" was not registered: an organization whose email is not verified can monitor one database ("${databases[0]!.name}"). Verify the email: a database an agent announced then registers by itself within a minute (the agent keeps its batches meanwhile); one added here, register again`);
}
