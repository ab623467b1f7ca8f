import { env } from 'cloudflare:test';
import { strToU8, zipSync } from 'fflate';
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
  sendInvoice,
  signUp,
} from './helpers/api';
import { exportNow, jsonFile } from './helpers/exports';
import { createRecurring, runRecurring } from './helpers/recurring';
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
  // Billing beside the documents: a paid invoice credited in part (the client keeps 30.00 of
  // credit, and the credit note is emailed), and a monthly profile that has billed its first period.
  const paid = await sendInvoice(owner, (await createInvoice(owner, client.id)).id);
  await pay(owner, paid.id, paid.total);
  const note = await json(
    await call(`/invoices/${paid.id}/credit-notes`, {
      method: 'POST',
      body: { amount: 3000, reason: 'Late delivery' },
      as: owner,
    }),
  );
  await call(`/credit-notes/${note.id}/send`, { method: 'POST', as: owner });
  const recurring = await createRecurring(owner, { clientId: client.id });
  await runRecurring(new Date());
  return { owner, invoice, ticketId, client, note, recurring };
}

/** What a business shows of a client's credit notes, credit and a recurring profile. */
async function creditAndProfile(as: Caller, clientId: string, recurringId: string) {
  const notes = (await json(await call(`/credit-notes?clientId=${clientId}`, { as }))).data;
  const summary = await json(await call(`/clients/${clientId}/summary`, { as }));
  const profile = await json(await call(`/recurring-invoices/${recurringId}`, { as }));
  return {
    notes,
    credit: summary.currencies.map((c: { currency: string; credit: number }) => ({
      currency: c.currency,
      credit: c.credit,
    })),
    profile,
  };
}

/** A row as the API shows it, its ids and times set aside (they differ after an import). */
const withoutIds = (row: Record<string, unknown>) =>
  JSON.parse(
    JSON.stringify(row)
      .replace(/"[a-z]{3}_[0-9a-z]{24}"/g, '"id"')
      .replace(/"\d{4}-\d{2}-\d{2}T[^"]+"/g, '"time"'),
  );

describe('imports', () => {
  it('export → import into a new empty business → export again: the two exports are equal once ids are mapped', {
    timeout: 180_000,
  }, async () => {
    const { owner, client, note, recurring } = await seeded();
    const first = await exportNow(owner);

    const target = await signUp({ businessName: 'Empty for now' });
    const res = await importZip(target, first.bytes);
    expect(res.status, await res.clone().text()).toBe(201);
    const { counts } = await json(res);
    expect(counts).toMatchObject({
      clients: 3,
      documents: 6,
      payments: 2,
      tickets: 1,
      messages: 2,
      creditNotes: 1,
      clientCredits: 1,
      recurringInvoices: 1,
    });

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
    // The credit note, the client's credit and the recurring profile work as they did.
    const source = await creditAndProfile(owner, client.id, recurring.id);
    const [targetClient] = (await json(await call('/clients?q=Ana', { as: target }))).data;
    const [targetProfile] = (await json(await call('/recurring-invoices', { as: target }))).data;
    const copied = await creditAndProfile(target, targetClient.id, targetProfile.id);
    expect(source.notes).toHaveLength(1);
    expect(copied.notes.map(withoutIds)).toEqual(source.notes.map(withoutIds));
    expect(copied.credit).toEqual(source.credit);
    expect(source.credit).toEqual([expect.objectContaining({ currency: 'EUR', credit: 3000 })]);
    expect(withoutIds(copied.profile)).toEqual(withoutIds(source.profile));
    expect(copied.profile.invoiceIds).toHaveLength(1);
    expect(copied.profile.nextRunDates[0]).toBe(source.profile.nextRunDates[0]);
    const notePdf = await call(`/credit-notes/${copied.notes[0].id}/pdf`, { as: target });
    expect(notePdf.status).toBe(200);
    const sourcePdf = await call(`/credit-notes/${note.id}/pdf`, { as: owner });
    expect(new Uint8Array(await notePdf.arrayBuffer())).toEqual(
      new Uint8Array(await sourcePdf.arrayBuffer()),
    );
    // The period already billed is not billed again by the new business's cron.
    await runRecurring(new Date());
    expect(
      (await json(await call(`/recurring-invoices/${targetProfile.id}`, { as: target }))).invoiceIds,
    ).toHaveLength(1);

    // The attachment is under the new business's keys.
    const listed = await env.FILES.list({ prefix: `tickets/${target.tenantId}/` });
    expect(listed.objects).toHaveLength(1);
  });

  it('an archive made before credit notes and recurring invoices (version 1) still imports', {
    timeout: 120_000,
  }, async () => {
    const owner = await signUp();
    const { client } = await issuedInvoice(owner, {}, { name: 'Old Archive Lda' });
    const { files } = await exportNow(owner);
    const billing = ['credit-notes.json', 'client-credits.json', 'recurring-invoices.json'];
    const old = Object.fromEntries(Object.entries(files).filter(([n]) => !billing.includes(n)));
    const manifest = jsonFile(files, 'manifest.json');
    old['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 1 }));
    // As version 1 wrote it: the single reminder rule, none of the columns added since.
    const settings = jsonFile(files, 'settings.json');
    const {
      reminderSteps: _,
      remindersPauseForTickets: __,
      creditNoteNumberFormat: ___,
      ...business
    } = settings.business;
    old['settings.json'] = strToU8(
      JSON.stringify({
        ...settings,
        business: { ...business, remindersEnabled: true, reminderDaysAfterDue: 5 },
      }),
    );
    old['emails.json'] = strToU8(
      JSON.stringify(
        jsonFile(files, 'emails.json').map(({ variant: _v, ...e }: Record<string, unknown>) => e),
      ),
    );

    const target = await signUp();
    const res = await importZip(target, zipSync(old));
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await json(res)).counts).toMatchObject({
      clients: 1,
      documents: 1,
      creditNotes: 0,
      clientCredits: 0,
      recurringInvoices: 0,
    });
    const clients = (await json(await call('/clients', { as: target }))).data;
    expect(clients.map((c: { name: string }) => c.name)).toEqual([client.name]);
    const restored = await json(await call('/settings', { as: target }));
    expect(restored.reminders.map((r: { offsetDays: number }) => r.offsetDays)).toEqual([5]);
    expect(restored.creditNoteNumberFormat).toBe('CN-{YYYY}-{seq:4}');
    // The same archive claiming to be a version this build does not know is refused.
    const future = { ...old, 'manifest.json': strToU8(JSON.stringify({ ...manifest, version: 3 })) };
    expect((await importZip(await signUp(), zipSync(future))).status).toBe(422);
  });
});
