import { type DataExportRow, failExport, getExport, insertExport, listExports, newId } from '@clientele/db';
import { auditLine, recordAudit } from '../audit';
import type { TenantContext } from '../context';
import { DomainError, NotFoundError } from '../errors';
import { enqueueExport } from './export-build';
import type { DataExport } from './schema';

/** The app's address for an export's file; the link works while the export has not expired. */
function view(ctx: TenantContext, row: DataExportRow): DataExport {
  const live = row.status === 'ready' && row.expiresAt !== null && row.expiresAt > ctx.now;
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    bytes: row.bytes,
    error: row.status === 'failed' ? (row.error ?? null) : null,
    downloadUrl: live
      ? `${ctx.config.publicUrl.replace(/\/+$/, '')}/api/v1/exports/${row.id}/download`
      : null,
  };
}

/**
 * Records the export (with its audit line, in one batch) and hands its build to the queue.
 * If the queue refuses, the export is failed at once rather than left queued for ever.
 */
export async function requestExport(ctx: TenantContext, requestedBy: string | null): Promise<{ id: string }> {
  const id = newId('exp');
  await ctx.db.batch([
    insertExport(ctx.db, ctx.tenantId, { id, requestedBy }, ctx.now),
    auditLine(ctx, 'export.requested', { type: 'export', id }),
  ]);
  try {
    await enqueueExport(ctx, { tenantId: ctx.tenantId, exportId: id });
  } catch (err) {
    await failExport(ctx.db, ctx.tenantId, id, `Could not queue: ${String(err)}`, ctx.now);
  }
  return { id };
}

export async function exportOf(ctx: TenantContext, id: string): Promise<DataExport> {
  const row = await getExport(ctx.db, ctx.tenantId, id);
  if (!row) throw new NotFoundError('export');
  return view(ctx, row);
}

export async function recentExports(ctx: TenantContext): Promise<DataExport[]> {
  return (await listExports(ctx.db, ctx.tenantId, 20)).map((r) => view(ctx, r));
}

/** The archive itself: 409 while it is being built, 410 once it has expired (the file is gone or going). */
export async function exportFile(ctx: TenantContext, id: string) {
  const row = await getExport(ctx.db, ctx.tenantId, id);
  if (!row) throw new NotFoundError('export');
  if (row.status !== 'ready') throw new DomainError(409, 'exportNotReady');
  // No key on a ready export: the cron has removed its expired ZIP.
  if (!row.fileKey || !row.expiresAt || row.expiresAt <= ctx.now) throw new DomainError(410, 'exportExpired');
  const object = await ctx.files.get(row.fileKey);
  if (!object) throw new DomainError(410, 'exportExpired');
  await recordAudit(ctx, 'export.downloaded', { type: 'export', id: row.id });
  const day = row.createdAt.toISOString().slice(0, 10);
  return { body: object.body, size: object.size, filename: `clientele-export-${day}.zip` };
}
