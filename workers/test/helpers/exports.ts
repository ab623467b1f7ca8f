import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { unzipSync } from 'fflate';
import { handleQueue } from '../../queue';
import { type Caller, call, json } from './api';

/** One delivery of an export's job to the real consumer, as the queue would make it. */
export async function deliverExportJob(tenantId: string, exportId: string, attempts = 1) {
  const batch = createMessageBatch('clientele-email', [
    {
      id: `x-${exportId}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts,
      body: { type: 'export', tenantId, exportId },
    },
  ]);
  const ctx = createExecutionContext();
  await handleQueue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

export interface ExportView {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  progress: number;
  bytes: number | null;
  error: string | null;
  downloadUrl: string | null;
  expiresAt: string | null;
}

export async function exportView(as: Caller, id: string): Promise<ExportView> {
  return json(await call(`/exports/${id}`, { as }));
}

/**
 * Runs an export's steps one queue message at a time (each step queues the next; here the
 * test delivers it) until it is ready or failed, noting the progress after each step.
 */
export async function buildExport(as: Caller, id: string, maxSteps = 60) {
  const progress: number[] = [];
  for (let i = 0; i < maxSteps; i++) {
    await deliverExportJob(as.tenantId, id);
    const view = await exportView(as, id);
    progress.push(view.progress);
    if (view.status === 'ready' || view.status === 'failed') return { view, progress };
  }
  throw new Error(`export ${id} did not finish in ${maxSteps} steps`);
}

/** Asks for an export, builds it and downloads the ZIP's entries. */
export async function exportNow(as: Caller) {
  const res = await call('/exports', { method: 'POST', as });
  if (res.status !== 202) throw new Error(`export refused: ${res.status} ${await res.text()}`);
  const { id } = await json<{ id: string }>(res);
  const built = await buildExport(as, id);
  if (built.view.status !== 'ready') throw new Error(`export failed: ${built.view.error}`);
  const download = await call(`/exports/${id}/download`, { as });
  if (download.status !== 200)
    throw new Error(`download refused: ${download.status} ${await download.text()}`);
  const bytes = new Uint8Array(await download.arrayBuffer());
  return { id, ...built, bytes, files: unzipSync(bytes), download };
}

export const jsonFile = (files: Record<string, Uint8Array>, name: string) =>
  JSON.parse(new TextDecoder().decode(files[name]));
