import { env } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { removeExpiredExportFiles } from '../services/housekeeping';
import { call, createClient, createInvoice, issuedInvoice, json, pay, signUp } from './helpers/api';
import { appContext } from './helpers/context';
import { exportNow, jsonFile } from './helpers/exports';
import { runEmailQueue } from './helpers/queue';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

/** A 1×1 PNG, accepted as a logo. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('exports', () => {
  it('builds one ZIP with a JSON file per kind, every issued PDF, the attachment and the logo; progress reaches 100; the requester is emailed', {
    timeout: 120_000,
  }, async () => {
    const owner = await signUp();
    await call('/settings/logo', {
      method: 'PUT',
      body: PNG,
      headers: { 'content-type': 'image/png' },
      as: owner,
    });
    const { client, invoice } = await issuedInvoice(owner);
    await pay(owner, invoice.id, 5000);
    const draft = await createInvoice(owner, client.id, { notes: 'still a draft' });
    const { cookie } = await supportClient(owner);
    const file = new File(['%PDF-1.4 receipt'], 'receipt.pdf', { type: 'application/pdf' });
    const ticketId = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Question', message: 'Hi' }, [file]),
    );

    const out = await exportNow(owner);
    expect(out.view).toMatchObject({ status: 'ready', progress: 100, error: null });
    expect(out.progress.at(-1)).toBe(100);
    // Progress only moves forward.
    expect([...out.progress].sort((a, b) => a - b)).toEqual(out.progress);
    expect(out.view.bytes).toBe(out.bytes.byteLength);
    expect(out.download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="clientele-export-\d{4}-\d\d-\d\d\.zip"$/,
    );

    const names = Object.keys(out.files);
    for (const n of [
      'manifest.json',
      'settings.json',
      'clients.json',
      'documents.json',
      'payments.json',
      'templates.json',
      'tickets.json',
      'emails.json',
      'audit-log.json',
    ]) {
      expect(names).toContain(n);
    }
    const documents = jsonFile(out.files, 'documents.json');
    expect(documents.map((d: { id: string }) => d.id).sort()).toEqual([invoice.id, draft.id].sort());
    const issued = documents.find((d: { id: string }) => d.id === invoice.id);
    expect(issued.snapshot.number).toBe(invoice.number);
    expect(issued.lines).toHaveLength(1);
    expect(issued).not.toHaveProperty('tenantId');
    // Only the issued invoice has a PDF, and it is one.
    expect(new TextDecoder().decode(out.files[`pdfs/${invoice.id}.pdf`]!.subarray(0, 5))).toBe('%PDF-');
    expect(out.files[`pdfs/${draft.id}.pdf`]).toBeUndefined();
    expect(jsonFile(out.files, 'payments.json')).toMatchObject([{ invoiceId: invoice.id, amount: 5000 }]);
    const [ticket] = jsonFile(out.files, 'tickets.json');
    expect(ticket).toMatchObject({ id: ticketId, subject: 'Question', messages: [{ body: 'Hi' }] });
    const attachment = ticket.messages[0].attachments[0];
    expect(new TextDecoder().decode(out.files[`attachments/${attachment.id}/receipt.pdf`])).toBe(
      '%PDF-1.4 receipt',
    );
    expect(names.filter((n) => n.startsWith('logos/'))).toHaveLength(1);
    const settings = jsonFile(out.files, 'settings.json');
    expect(settings.business.name).toBe('Studio Norte');
    expect(settings.numbering).toEqual([expect.objectContaining({ value: 1 })]);
    const manifest = jsonFile(out.files, 'manifest.json');
    expect(manifest).toMatchObject({
      format: 'clientele-export',
      version: 2,
      counts: { clients: 2, documents: 2, payments: 1, tickets: 1 },
    });
    expect(manifest.files.sort()).toEqual(names.filter((n) => n.includes('/')).sort());
    const audit = jsonFile(out.files, 'audit-log.json');
    expect(audit.map((a: { action: string }) => a.action)).toContain('export.requested');

    // The person who asked is told, with a link to the Data screen.
    const emails = await json(await call('/emails?limit=200', { as: owner }));
    const ready = emails.data.find((e: { kind: string }) => e.kind === 'account_export_ready');
    expect(ready).toMatchObject({ to: owner.email });
    // The queue may already have sent it in the background; sending again is a no-op.
    expect(['queued', 'sent']).toContain(ready.status);
    await runEmailQueue(owner.tenantId, [ready.id]);
    const outbox = await json(await call('/dev/outbox', { as: owner }));
    const mail = outbox.data.find((m: { emailId?: string; subject: string }) => m.subject.includes('export'));
    const parsed = await PostalMime.parse(mail.raw);
    expect(parsed.text).toContain('https://app.clientele.test/settings/data');

    // The download is in the audit log; the staging parts are gone, only the archive is left.
    const after = await env.FILES.list({ prefix: `exports/${owner.tenantId}/${out.id}/` });
    expect(after.objects.map((o) => o.key)).toEqual([
      `exports/${owner.tenantId}/${out.id}/clientele-export.zip`,
    ]);
  });

  it('after the expiry the link is null and the download is 410', async () => {
    const owner = await signUp();
    await createClient(owner);
    const out = await exportNow(owner);
    const list = await json(await call('/exports', { as: owner }));
    expect(list.data[0]).toMatchObject({ id: out.id, status: 'ready' });
    expect(list.data[0].downloadUrl).toBe(`https://app.clientele.test/api/v1/exports/${out.id}/download`);
    await env.DB.prepare('UPDATE data_exports SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, out.id)
      .run();
    expect((await json(await call(`/exports/${out.id}`, { as: owner }))).downloadUrl).toBeNull();
    const gone = await call(`/exports/${out.id}/download`, { as: owner });
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');
  });

  it('the cron deletes the ZIP of an expired export and keeps its row; a live one stays', async () => {
    const [a, b] = await Promise.all([signUp(), signUp()]);
    await Promise.all([createClient(a), createClient(b)]);
    const [old, live] = await Promise.all([exportNow(a), exportNow(b)]);
    const keyOf = async (id: string) =>
      (await env.DB.prepare('SELECT file_key AS k FROM data_exports WHERE id = ?')
        .bind(id)
        .first<{ k: string | null }>())!.k;
    const oldKey = (await keyOf(old.id))!;
    const liveKey = (await keyOf(live.id))!;
    expect(await env.FILES.head(oldKey)).not.toBeNull();
    await env.DB.prepare('UPDATE data_exports SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, old.id)
      .run();

    expect(await removeExpiredExportFiles(appContext(env))).toBeGreaterThanOrEqual(1);
    expect(await env.FILES.head(oldKey)).toBeNull();
    expect(await keyOf(old.id)).toBeNull();
    expect(await env.FILES.head(liveKey)).not.toBeNull();
    expect(await keyOf(live.id)).toBe(liveKey);
    // The list still shows the expired export; its download stays 410, never a 5xx.
    const list = await json(await call('/exports', { as: a }));
    expect(list.data[0]).toMatchObject({ id: old.id, status: 'ready', downloadUrl: null });
    expect((await call(`/exports/${old.id}/download`, { as: a })).status).toBe(410);
    // A second tick finds nothing more to remove for it.
    await removeExpiredExportFiles(appContext(env));
    expect(await env.FILES.head(liveKey)).not.toBeNull();
  });
});
