import type { RecordKind } from '../../record-kind.js';
import { activityKind } from './activity-kind.js';
import { locksKind } from './locks-kind.js';
import { objectsKind } from './objects-kind.js';
import { replicationKind } from './replication-kind.js';
import { serverKind } from './server-kind.js';
import { waitEventsKind } from './wait-events-kind.js';

/** PostgreSQL record kinds (migration versions 100–199). */
// `any`: each kind has its own row type, which only that kind's own functions read.
export const POSTGRES_KINDS: readonly RecordKind<any>[] = [activityKind, locksKind, waitEventsKind, objectsKind, replicationKind, serverKind];
