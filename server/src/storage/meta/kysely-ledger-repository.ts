import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { BatchClaim, BatchToClaim, ClaimLease, IngestedBatch, LedgerRepository } from './ledger-repository.js';
import type { MetaDialect } from './meta-dialect.js';
import type { MetaSchema } from './schema.js';

/** Slices of at most 500: a statement binding 9 values per row stays below SQLite's 32766 parameters. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A released claim's lease_until: lapsed for any clock. */
const RELEASED = new Date(0).toISOString();

const INGESTED_BATCH_COLUMNS = ['batch_id', 'org_id', 'database_id', 'seq', 'rows', 'ingested_at'] as const;

/**
 * The one lease rule, shared by batch claims and named leases (both tables have `owner` and
 * `lease_until`): `lease.owner` may take a row whose time lapsed, or that it already holds. Always
 * in a conditional UPDATE, so of several processes finding the same lapsed lease exactly one takes
 * it (PostgreSQL re-checks the condition on the row a concurrent update left; SQLite serializes writers).
 */
function takeable(lease: ClaimLease): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref('lease_until')} <= ${lease.now} or ${sql.ref('owner')} = ${lease.owner})`;
}

/** The ingested-batch ledger (batch claims) and named leases over any Kysely dialect. */
export class KyselyLedgerRepository implements LedgerRepository {
  readonly #db: Kysely<MetaSchema>;

  constructor(dialect: MetaDialect) {
    this.#db = dialect.db;
  }

  async getIngestedBatch(batchId: string): Promise<IngestedBatch | undefined> {
    const row = await this.#db
      .selectFrom('ingested_batches')
      .select(INGESTED_BATCH_COLUMNS)
      .where('batch_id', '=', batchId)
      .where('state', '=', 'done')
      .executeTakeFirst();
    return row && { ...row, seq: Number(row.seq) };
  }


  async recordIngestedBatch(batch: IngestedBatch): Promise<boolean> {
    const result = await this.#db
      .insertInto('ingested_batches')
      .values(batch)
      .onConflict((oc) => oc.column('batch_id').doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }


  async claimBatches(batches: readonly BatchToClaim[], lease: ClaimLease): Promise<BatchClaim[]> {
    if (batches.length === 0) return [];
    // Ascending ids: concurrent claims lock rows in one order, so two processes never deadlock.
    const ids = [...new Set(batches.map((b) => b.batch_id))].sort();
    const byId = new Map(batches.map((b) => [b.batch_id, b]));
    const claimed = new Set<string>();
    const resumed = new Set<string>();
    // One transaction: one commit (one fsync on SQLite) for a whole flush's claims.
    await this.#db.transaction().execute(async (trx) => {
      for (const chunk of chunks(ids)) {
        const inserted = await trx
          .insertInto('ingested_batches')
          .values(
            chunk.map((id) => {
            const b = byId.get(id)!;
              return { batch_id: id, org_id: b.org_id, database_id: b.database_id, seq: b.seq, rows: 0, ingested_at: lease.now, state: 'pending' as const, owner: lease.owner, lease_until: lease.until };
            }),
          )
          .onConflict((oc) => oc.column('batch_id').doNothing())
          .returning('batch_id')
          .execute();
        for (const row of inserted) claimed.add(row.batch_id);
      }
      for (const clashed of chunks(ids.filter((id) => !claimed.has(id)))) {
        // Conditional, so of several processes finding the same lapsed lease only one takes it.
        const taken = await trx
          .updateTable('ingested_batches')
          .set({ owner: lease.owner, lease_until: lease.until, ingested_at: lease.now })
          .where('batch_id', 'in', clashed)
          .where('state', '=', 'pending')
          .where(takeable(lease))
          .returning('batch_id')
          .execute();
        for (const row of taken) {
          claimed.add(row.batch_id);
          resumed.add(row.batch_id);
        }
      }
    });
    const states = new Map<string, { state: string; rows: number }>();
    for (const others of chunks(ids.filter((id) => !claimed.has(id)))) {
      const rows = await this.#db.selectFrom('ingested_batches').select(['batch_id', 'state', 'rows']).where('batch_id', 'in', others).execute();
      for (const row of rows) states.set(row.batch_id, { state: row.state, rows: Number(row.rows) });
    }
    return batches.map((b): BatchClaim => {
      if (claimed.has(b.batch_id)) return resumed.has(b.batch_id) ? { status: 'claimed', resumed: true } : { status: 'claimed' };
      const found = states.get(b.batch_id);
      // Pending and not takeable: another process holds a live claim (or a row vanished with its database).
      return found?.state === 'done' ? { status: 'done', rows: found.rows } : { status: 'busy' };
    });
  }


  async completeBatches(batches: readonly { readonly batchId: string; readonly rows: number }[], owner: string, at: string): Promise<boolean[]> {
    if (batches.length === 0) return [];
    const order = [...batches].sort((x, y) => (x.batchId < y.batchId ? -1 : x.batchId > y.batchId ? 1 : 0));
    const completed = new Set<string>();
    await this.#db.transaction().execute(async (trx) => {
      for (const { batchId, rows } of order) {
        const result = await trx
          .updateTable('ingested_batches')
          .set({ state: 'done', rows, ingested_at: at, lease_until: null })
          .where('batch_id', '=', batchId)
          .where('owner', '=', owner)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (result.numUpdatedRows > 0n) completed.add(batchId);
      }
    });
    return batches.map((b) => completed.has(b.batchId));
  }


  async renewBatches(batchIds: readonly string[], lease: ClaimLease): Promise<boolean[]> {
    const renewed = new Set<string>();
    for (const chunk of chunks([...new Set(batchIds)].sort())) {
      const rows = await this.#db
        .updateTable('ingested_batches')
        .set({ lease_until: lease.until })
        .where('batch_id', 'in', chunk)
        .where('owner', '=', lease.owner)
        .where('state', '=', 'pending')
        .returning('batch_id')
        .execute();
      for (const row of rows) renewed.add(row.batch_id);
    }
    return batchIds.map((id) => renewed.has(id));
  }


  async releaseBatches(batchIds: readonly string[], owner: string): Promise<void> {
    for (const chunk of chunks(batchIds)) {
      // Kept, lapsed: the next claim takes it over as `resumed` and looks for rows this write left.
      await this.#db.updateTable('ingested_batches').set({ lease_until: RELEASED }).where('batch_id', 'in', chunk).where('owner', '=', owner).where('state', '=', 'pending').execute();
    }
  }


  async tryAcquireLease(name: string, lease: ClaimLease): Promise<boolean> {
    // The batch claims' two steps: a free name is won by the insert (unique, so exactly one
    // process wins), a lapsed or already held lease by the conditional update.
    const inserted = await this.#db
      .insertInto('leases')
      .values({ name, owner: lease.owner, lease_until: lease.until })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
    const taken = await this.#db.updateTable('leases').set({ owner: lease.owner, lease_until: lease.until }).where('name', '=', name).where(takeable(lease)).executeTakeFirst();
    return taken.numUpdatedRows > 0n;
  }


  async renewLease(name: string, lease: ClaimLease): Promise<boolean> {
    // Only the owner matters, as for completeBatches: a lapsed lease nobody took over is still
    // this holder's, and no other process can have started the work meanwhile.
    const renewed = await this.#db.updateTable('leases').set({ lease_until: lease.until }).where('name', '=', name).where('owner', '=', lease.owner).executeTakeFirst();
    return renewed.numUpdatedRows > 0n;
  }


  async releaseLease(name: string, owner: string): Promise<boolean> {
    const released = await this.#db.deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).executeTakeFirst();
    return released.numDeletedRows > 0n;
  }
}
