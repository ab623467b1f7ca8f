import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createClient, json, signUp } from './helpers/api';
import { buildExport, deliverExportJob, exportView } from './helpers/exports';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

async function requested(owner: Awaited<ReturnType<typeof signUp>>) {
  const res = await call('/exports', { method: 'POST', as: owner });
  expect(res.status).toBe(202);
  return (await json<{ id: string }>(res)).id;
}

describe('export failures', () => {
  it('a file gone from storage fails the export with the reason, visible on GET; nothing is left behind', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const file = new File(['hello'], 'note.txt', { type: 'text/plain' });
    await ticketIdFrom(await openTicketInPortal(cookie, { subject: 'Q', message: 'Hi' }, [file]));
    const listed = await env.FILES.list({ prefix: `tickets/${owner.tenantId}/` });
    await env.FILES.delete(listed.objects.map((o) => o.key));

    const id = await requested(owner);
    const { view } = await buildExport(owner, id);
    expect(view).toMatchObject({ status: 'failed', downloadUrl: null });
    expect(view.error).toContain('attachments/');
    const staged = await env.FILES.list({ prefix: `exports/${owner.tenantId}/${id}/` });
    expect(staged.objects).toHaveLength(0);
    const download = await call(`/exports/${id}/download`, { as: owner });
    expect(download.status).toBe(409);
    // A failed export runs no further, whatever is delivered later.
    await deliverExportJob(owner.tenantId, id);
    expect((await exportView(owner, id)).status).toBe('failed');
  });

  it('a step that fails for a reason that may pass is retried, and the export is failed on the last attempt', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const file = new File(['hello'], 'note.txt', { type: 'text/plain' });
    await ticketIdFrom(await openTicketInPortal(cookie, { subject: 'Q', message: 'Hi' }, [file]));
    const id = await requested(owner);
    await deliverExportJob(owner.tenantId, id); // rows gathered, one chunk of files planned
    await env.FILES.put(`exports/${owner.tenantId}/${id}/plan.json`, 'not json');
    const first = await deliverExportJob(owner.tenantId, id, 1);
    expect(first.retryMessages).toHaveLength(1);
    expect(await exportView(owner, id)).toMatchObject({ status: 'running', error: null });
    const last = await deliverExportJob(owner.tenantId, id, 6);
    expect(last.explicitAcks).toHaveLength(1);
    const view = await exportView(owner, id);
    expect(view.status).toBe('failed');
    expect(view.error).toBeTruthy();
  });

  it('a queue message delivered twice does not do a step twice: the second finds the export moved on', async () => {
    const owner = await signUp();
    await createClient(owner);
    const id = await requested(owner);
    await deliverExportJob(owner.tenantId, id);
    const after = await env.DB.prepare('SELECT step, progress FROM data_exports WHERE id = ?')
      .bind(id)
      .first();
    // The same message again runs the current step (files), not the rows again, and moves on once.
    await Promise.all([deliverExportJob(owner.tenantId, id), deliverExportJob(owner.tenantId, id)]);
    const row = await env.DB.prepare('SELECT step FROM data_exports WHERE id = ?')
      .bind(id)
      .first<{ step: number }>();
    expect(row!.step).toBe(Number(after!.step) + 1);
    const { view } = await buildExport(owner, id);
    expect(view.status).toBe('ready');
    // One archive, one "ready" email, however many times the last step was delivered.
    await deliverExportJob(owner.tenantId, id);
    const emails = await json(await call('/emails?limit=200', { as: owner }));
    expect(emails.data.filter((e: { kind: string }) => e.kind === 'account_export_ready')).toHaveLength(1);
  });

  it('an unknown export is 404; one not ready yet cannot be downloaded (409)', async () => {
    const owner = await signUp();
    expect((await call('/exports/exp_0123456789abcdefghjkmnpq', { as: owner })).status).toBe(404);
    const id = await requested(owner);
    const res = await call(`/exports/${id}/download`, { as: owner });
    expect(res.status).toBe(409);
    expect((await exportView(owner, id)).downloadUrl).toBeNull();
  });
});
