import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  pay,
  signUp,
} from './helpers/api';
import { exportNow, jsonFile } from './helpers/exports';
import { comparable, mapIds } from './helpers/round-trip';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

function importZip(as: Caller, bytes: Uint8Array) {
  return call('/imports', {
    method: 'POST',
    body: bytes,
    headers: { 'content-type': 'application/zip' },
    as,
  });
}

/** A business with a bit of everything an export carries. */
async function seeded() {
  const owner = await signUp({ businessName: 'Atelier Sol' });
  await call('/settings/logo', {
    method: 'PUT',
    body: PNG,
    headers: { 'content-type': 'image/png' },
    as: owner,
  });
  await call('/settings', { method: 'PATCH', body: { paymentInstructions: 'IBAN PT50 0000' }, as: owner });
  const { client, invoice } = await issuedInvoice(
    owner,
    {},
    { name: 'Ana Lima', language: 'pt', currency: 'EUR' },
  );
  await pay(owner, invoice.id, 6000);
  const second = await createInvoice(owner, client.id, { lines: [line({ quantity: 2.5, unitPrice: 999 })] });
  await call(`/invoices/${second.id}/send`, { method: 'POST', as: owner });
  await createInvoice(owner, client.id, { notes: 'draft, never sent' });
  const estimate = await json(
    await call('/estimates', { method: 'POST', body: { clientId: client.id, lines: [line()] }, as: owner }),
  );
  await call(`/estimates/${estimate.id}/send`, { method: 'POST', as: owner });
  await call('/templates/invoice', {
    method: 'PUT',
    body: { language: 'en', subject: 'Invoice {{document.number}}', body: 'Hello {{client.name}}' },
    as: owner,
  });
  await call(`/clients/${client.id}/templates/invoice`, {
    method: 'PUT',
    body: { language: 'pt', subject: 'Fatura {{document.number}}', body: 'Olá {{client.name}}' },
    as: owner,
  });
  const { cookie } = await supportClient(owner, { name: 'Bruno' });
  const file = new File(['%PDF-1.4 photo of the receipt'], 'recibo.pdf', { type: 'application/pdf' });
  const ticketId = await ticketIdFrom(
    await openTicketInPortal(cookie, { subject: 'Dúvida', message: 'Olá!' }, [file]),
  );
  await call(`/tickets/${ticketId}/messages`, {
    method: 'POST',
    body: { body: 'Respondemos já.' },
    as: owner,
  });
  await createClient(owner, { name: 'Carla', email: 'carla@example.com' });
  return { owner, invoice, ticketId };
}

describe('imports', () => {
  it('export → import into a new empty business → export again: the two exports are equal once ids are mapped', {
    timeout: 180_000,
  }, async () => {
    const { owner } = await seeded();
    const first = await exportNow(owner);

    const target = await signUp({ businessName: 'Empty for now' });
    const res = await importZip(target, first.bytes);
    expect(res.status, await res.clone().text()).toBe(201);
    const { counts } = await json(res);
    expect(counts).toMatchObject({ clients: 3, documents: 4, payments: 1, tickets: 1, messages: 2 });

    const second = await exportNow(target);
    const a = comparable(first.files);
    const b = comparable(second.files, { audit: a.audit.length, emails: a.emails.length });
    // Every row with new ids (none kept), references followed, times as they were.
    expect(JSON.stringify(b)).not.toContain(owner.tenantId);
    expect(mapIds(JSON.stringify(a), JSON.stringify(b))).toBe(JSON.stringify(b));
    // Every file is there, byte for byte.
    const firstFiles = Object.keys(first.files)
      .filter((n) => n.includes('/'))
      .sort();
    const secondFiles = Object.keys(second.files)
      .filter((n) => n.includes('/'))
      .sort();
    expect(secondFiles).toHaveLength(firstFiles.length);
    const bytesOf = (files: Record<string, Uint8Array>, names: string[]) =>
      names.map((n) => Array.from(files[n]!).join(',')).sort();
    expect(bytesOf(second.files, secondFiles)).toEqual(bytesOf(first.files, firstFiles));
    // What the new business said happened after the import is its own.
    const extra = jsonFile(second.files, 'audit-log.json')
      .slice(a.audit.length)
      .map((l: { action: string }) => l.action);
    expect(extra).toContain('data.imported');

    // The imported business works: numbering goes on from where it was, PDFs are served.
    const docs = await json(await call('/invoices?limit=200', { as: target }));
    const issued = docs.data.find((d: { status: string; number: string | null }) => d.number);
    const pdf = await call(`/invoices/${issued.id}/pdf`, { as: target });
    expect(pdf.status).toBe(200);
    const clients = await json(await call('/clients', { as: target }));
    const next = await createInvoice(target, clients.data[0].id);
    const sent = await json(await call(`/invoices/${next.id}/send`, { method: 'POST', as: target }));
    const numbers = jsonFile(first.files, 'documents.json')
      .filter((d: { type: string; number: string | null }) => d.type === 'invoice' && d.number)
      .map((d: { number: string }) => d.number);
    expect(numbers).not.toContain(sent.number);
    expect(sent.number.endsWith(String(numbers.length + 1).padStart(4, '0'))).toBe(true);
    // The attachment is under the new business's keys.
    const listed = await env.FILES.list({ prefix: `tickets/${target.tenantId}/` });
    expect(listed.objects).toHaveLength(1);
  });
});
