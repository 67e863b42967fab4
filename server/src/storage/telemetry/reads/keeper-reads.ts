import type { KindContext } from '../record-kind.js';
import { latestClickHouseKeeper, type KeeperNodeView, type KeeperSessionView } from '../kinds/clickhouse/keeper-kind.js';
import type { DatabaseKey, KindContextSource } from './telemetry-reads.js';

export type { KeeperNodeView, KeeperSessionView };

/** The ZooKeeper/Keeper reads of the keeper panels: scoped by organization and database like every read of this seam. */
export interface KeeperReads {
  /** The newest Keeper snapshot (session and nodes); null before the first. */
  latest(db: DatabaseKey): Promise<{ ts: number; session: KeeperSessionView; nodes: KeeperNodeView[] } | null>;
}

export function keeperReads(store: KindContextSource): KeeperReads {
  const ctx = (): KindContext => store.kindContext();
  return {
    latest: (db) => latestClickHouseKeeper(ctx(), { orgId: db.org_id, databaseId: db.id }),
  };
}
