import { expect } from 'chai';
import { vigil } from '@vigil/proto';
import { VigilError } from '@vigil/shared';
import type { BatchIdentity, RecordKind } from '../../../../server/src/storage/telemetry/record-kind.js';
import type { TelemetryStore } from '../../../../server/src/storage/telemetry/telemetry-store.js';

/** The contract suites' clock: a fixed moment, so day partitions and buckets are predictable. */
export const T0 = Date.parse('2026-11-02T10:00:00Z');

/** A batch as the server receives it: encoded and decoded, so absent fields read as the wire's defaults. */
export function wire(batch: vigil.v1.IBatch): vigil.v1.IBatch {
  return vigil.v1.Batch.decode(vigil.v1.Batch.encode(batch).finish());
}

/** The identity stamped on rows of one batch of org/db. */
export function identityOf(batchId: string, orgId = 'org', databaseId = 'db', windowEnd = T0 + 60_000): BatchIdentity {
  return { org_id: orgId, database_id: databaseId, batch_id: batchId, window_start: windowEnd - 60_000, window_end: windowEnd };
}

/** Validates and stores one batch of `kind` (twice when `twice`: a retry after a partial write). */
export async function store<Row>(telemetry: TelemetryStore, kind: RecordKind<Row>, batch: vigil.v1.IBatch, at: BatchIdentity, twice = false): Promise<Row[]> {
  const rows = kind.fromBatch(wire(batch), at);
  await telemetry.insertRecords(kind, rows);
  if (twice) await telemetry.insertRecords(kind, rows);
  return rows;
}

/** The INGEST_BAD_BATCH message fromBatch throws for `batch`. */
export function refusal(kind: RecordKind<unknown>, batch: vigil.v1.IBatch): string {
  try {
    kind.fromBatch(wire(batch), identityOf('bad'));
  } catch (err) {
    expect(err).to.be.instanceOf(VigilError);
    expect((err as VigilError).code).to.equal('INGEST_BAD_BATCH');
    return (err as VigilError).message;
  }
  throw new Error('batch was accepted');
}

