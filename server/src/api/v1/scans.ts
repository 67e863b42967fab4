import { z } from 'zod';
import { VigilError } from '@vigil/shared';
import type { AppContext } from '../../context.js';
import { audit } from '../../auth/audit.js';
import type { Scan } from '../../storage/meta/advisors-repository.js';
import { route, type RouteSpec } from '../route.js';
import { databaseFor } from './database-scope.js';
import { limitParam } from './route-support.js';

/** OptiHouse's scans, per database: POST queues one (any server process runs it), GET reads their status and summary. */

const ScanPath = z.object({ id: z.string().describe('Database id'), scan_id: z.string().describe('Scan id') });

const ScanSchema = z.object({
  scan_id: z.string(),
  database_id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  trigger: z.enum(['manual', 'schedule']).describe('manual: POST …/scan; schedule: every VIGIL_SCAN_INTERVAL_H'),
  requested_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  summary: z
    .object({
      findings: z.number().describe('Findings of this scan'),
      new: z.number().describe('Recommendations this scan opened (first seen, or back after being closed)'),
      resolved: z.number().describe('Recommendations whose condition went away without the advised change'),
      applied: z.number().describe('Recommendations this scan saw applied in the telemetry (attribution auto_evidence)'),
    })
    .nullable()
    .describe('Once done'),
  error: z.string().nullable().describe('Once failed'),
});

function scanView(s: Scan): z.infer<typeof ScanSchema> {
  return { scan_id: s.id, database_id: s.database_id, status: s.status, trigger: s.trigger, requested_at: s.requested_at, started_at: s.started_at, finished_at: s.finished_at, summary: s.summary, error: s.error };
}

export function scanRoutes(ctx: AppContext): RouteSpec[] {
  const advisors = ctx.meta.advisors;
  return [
    route({
      method: 'post',
      path: '/databases/{id}/scan',
      summary: 'Scan a database for recommendations now (runs asynchronously; a scan already queued or running is answered instead of a second)',
      tag: 'recommendations',
      auth: 'admin',
      params: z.object({ id: z.string().describe('Database id') }),
      success: { status: 202, description: 'The scan, queued', schema: ScanSchema },
      async handler({ principal, params, res }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const { scan, created } = await advisors.requestScan(principal.orgId, db.id, 'manual', new Date().toISOString());
        await audit(ctx, res, 'scan.requested', { type: 'database', id: db.id }, { details: { database: db.name, scan_id: scan.id, queued: created } });
        return { body: scanView(scan) };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/scans',
      summary: 'Recent scans of a database, newest first',
      tag: 'recommendations',
      auth: 'read',
      params: z.object({ id: z.string().describe('Database id') }),
      query: z.object({ limit: limitParam(20, 200) }),
      success: { status: 200, description: 'Scans', schema: z.object({ scans: z.array(ScanSchema) }) },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        return { body: { scans: (await advisors.listScans(principal.orgId, db.id, query.limit)).map(scanView) } };
      },
    }),
    route({
      method: 'get',
      path: '/databases/{id}/scans/{scan_id}',
      summary: 'Status and summary of one scan',
      tag: 'recommendations',
      auth: 'read',
      params: ScanPath,
      success: { status: 200, description: 'The scan', schema: ScanSchema },
      async handler({ principal, params }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        const scan = await advisors.getScan(principal.orgId, db.id, params.scan_id);
        if (!scan) throw new VigilError('NOT_FOUND', 'No such scan of this database');
        return { body: scanView(scan) };
      },
    }),
  ];
}
