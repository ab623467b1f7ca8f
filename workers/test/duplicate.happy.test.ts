import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, json, pay, sendInvoice, signUp } from './helpers/api';
import { linesFor } from './helpers/audit';

/** The calendar date in `zone` right now, as the business there sees it. */
const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const LINES = [
  {
    description: 'Retainer, design',
    quantity: 1.5,
    unitPrice: 12345,
    discountPercent: 10,
    taxes: [{ rate: 23 }, { rate: 5, inclusive: false }],
  },
  {
    description: 'Hosting (tax included)',
    quantity: 2,
    unitPrice: 1210,
    taxes: [{ rate: 21, inclusive: true }],
  },
  { description: 'Travel', quantity: 1, unitPrice: 5000, taxRate: 0 },
];

async function duplicate(as: Caller, kind: 'invoices' | 'estimates', id: string) {
  const res = await call(`/${kind}/${id}/duplicate`, { method: 'POST', as });
  expect(res.status).toBe(201);
  return json(res);
}

/** What a copy must share with its original, field by field. */
const billed = (d: Record<string, any>) => ({
  clientId: d.clientId,
  currency: d.currency,
  lines: d.lines,
  discountPercent: d.discountPercent,
  subtotal: d.subtotal,
  discountTotal: d.discountTotal,
  taxTotal: d.taxTotal,
  total: d.total,
  taxes: d.taxes,
  notes: d.notes,
  footer: d.footer,
});

async function issuedWithEverything(owner: Caller) {
  const client = await createClient(owner, { name: 'Marta Silva', currency: 'EUR' });
  const created = await call('/invoices', {
    method: 'POST',
    body: {
      clientId: client.id,
      currency: 'USD',
      issueDate: '2026-01-10',
      dueDate: '2026-01-31',
      lines: LINES,
      discountPercent: 5,
      notes: 'Thank you for the January work',
      footer: 'IBAN PT50 0000 0000 0000 0000 0000 0',
    },
    as: owner,
  });
  expect(created.status).toBe(201);
  const invoice = await sendInvoice(owner, (await json(created)).id);
  return { client, invoice };
}

describe('duplicate an invoice or an estimate', () => {
  it('copies a paid invoice into a draft dated today with the same interval to its due date', async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedWithEverything(owner);
    expect((await pay(owner, invoice.id, invoice.total)).status).toBe(201);
    // The client moved after the invoice was issued: the copy bills them as they are now.
    await call(`/clients/${client.id}`, { method: 'PATCH', body: { name: 'Marta Silva Reis' }, as: owner });
    const before = await json(await call(`/invoices/${invoice.id}`, { as: owner }));
    expect(before.status).toBe('paid');

    const copy = await duplicate(owner, 'invoices', invoice.id);

    expect(billed(copy)).toEqual(billed(before));
    expect(copy.lines).toHaveLength(3);
    expect(copy.lines[0]).toMatchObject({ quantity: 1.5, unitPrice: 12345, discountPercent: 10 });
    expect(copy.lines[0].taxes).toEqual([
      { rate: 23, inclusive: false },
      { rate: 5, inclusive: false },
    ]);
    expect(copy.lines[1].taxes).toEqual([{ rate: 21, inclusive: true }]);
    const today = todayIn('UTC');
    expect(copy).toMatchObject({
      type: 'invoice',
      status: 'draft',
      number: null,
      issueDate: today,
      dueDate: plusDays(today, 21),
      amountPaid: 0,
      amountDue: copy.total,
      sentAt: null,
      viewedAt: null,
      dispute: null,
      estimateId: null,
    });
    expect(copy.id).not.toBe(invoice.id);
    expect(copy.billTo.name).toBe('Marta Silva Reis');
    expect(before.billTo.name).toBe('Marta Silva');

    // The original is untouched, and the copy is a draft like any other: it can be edited.
    expect(await json(await call(`/invoices/${invoice.id}`, { as: owner }))).toEqual(before);
    const edited = await call(`/invoices/${copy.id}`, {
      method: 'PATCH',
      body: { notes: 'February' },
      as: owner,
    });
    expect(edited.status).toBe(200);
    expect((await json(await call(`/invoices/${copy.id}/payments`, { as: owner }))).data).toEqual([]);

    const [audit] = await linesFor(owner, copy.id, 'invoice.duplicated');
    expect(audit?.detail).toMatchObject({ sourceId: invoice.id, sourceNumber: invoice.number });
  });

  it('copies a void invoice and a draft; a copy of a copy is one more draft', async () => {
    const owner = await signUp();
    const { invoice } = await issuedWithEverything(owner);
    expect((await call(`/invoices/${invoice.id}/void`, { method: 'POST', as: owner })).status).toBe(200);
    const fromVoid = await duplicate(owner, 'invoices', invoice.id);
    expect(fromVoid).toMatchObject({
      status: 'draft',
      number: null,
      total: invoice.total,
      amountDue: invoice.total,
    });
    const fromDraft = await duplicate(owner, 'invoices', fromVoid.id);
    expect(billed(fromDraft)).toEqual(billed(fromVoid));
    expect(fromDraft.id).not.toBe(fromVoid.id);
    const list = await json(await call('/invoices', { as: owner }));
    expect(list.data.map((d: { status: string }) => d.status).sort()).toEqual(['draft', 'draft', 'void']);
  });

  it('dates the copy by the business’s time zone and falls back to its terms without a due date', async () => {
    const owner = await signUp();
    const settings = await call('/settings', {
      method: 'PATCH',
      body: { address: { country: 'JP' }, paymentTermsDays: 10 },
      as: owner,
    });
    expect(settings.status).toBe(200);
    const client = await createClient(owner, { currency: 'JPY' });
    const draft = await json(
      await call('/invoices', {
        method: 'POST',
        body: { clientId: client.id, issueDate: '2025-12-01', lines: [LINES[2]] },
        as: owner,
      }),
    );
    await env.DB.prepare('UPDATE documents SET due_date = NULL WHERE id = ?').bind(draft.id).run();
    const copy = await duplicate(owner, 'invoices', draft.id);
    const today = todayIn('Asia/Tokyo');
    expect(copy).toMatchObject({ currency: 'JPY', issueDate: today, dueDate: plusDays(today, 10) });
  });

  it('copies an accepted, converted estimate without its link to the invoice, valid for the same days', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    // Still valid today, so it can be accepted: issued yesterday, valid for 14 days.
    const yesterday = plusDays(todayIn('UTC'), -1);
    const created = await json(
      await call('/estimates', {
        method: 'POST',
        body: {
          clientId: client.id,
          issueDate: yesterday,
          validUntil: plusDays(yesterday, 14),
          lines: LINES,
          notes: 'Valid for two weeks',
        },
        as: owner,
      }),
    );
    expect((await call(`/estimates/${created.id}/send`, { method: 'POST', as: owner })).status).toBe(202);
    expect(
      (await call(`/estimates/${created.id}/accept`, { method: 'POST', body: {}, as: owner })).status,
    ).toBe(200);
    const converted = await call(`/estimates/${created.id}/convert`, { method: 'POST', as: owner });
    expect(converted.status).toBe(201);
    const invoice = await json(converted);
    const before = await json(await call(`/estimates/${created.id}`, { as: owner }));
    expect(before.invoiceId).toBe(invoice.id);

    const copy = await duplicate(owner, 'estimates', created.id);
    const today = todayIn('UTC');
    expect(billed(copy)).toEqual(billed(before));
    expect(copy).toMatchObject({
      type: 'estimate',
      status: 'draft',
      number: null,
      issueDate: today,
      validUntil: plusDays(today, 14),
      dueDate: null,
      invoiceId: null,
      rejectionReason: null,
    });
    expect(await json(await call(`/estimates/${created.id}`, { as: owner }))).toEqual(before);
    // The invoice made from the estimate copies without pointing back at it.
    const invoiceCopy = await duplicate(owner, 'invoices', invoice.id);
    expect(invoiceCopy.estimateId).toBeNull();
    expect((await linesFor(owner, copy.id, 'estimate.duplicated'))[0]?.detail).toMatchObject({
      sourceId: created.id,
    });
  });

  it('a repeated request with the same Idempotency-Key makes one draft', async () => {
    const owner = await signUp();
    const { invoice } = await issuedWithEverything(owner);
    const headers = { 'idempotency-key': crypto.randomUUID() };
    const a = await call(`/invoices/${invoice.id}/duplicate`, { method: 'POST', headers, as: owner });
    const b = await call(`/invoices/${invoice.id}/duplicate`, { method: 'POST', headers, as: owner });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(b)).id).toBe((await json(a)).id);
    const drafts = await json(await call('/invoices?status=draft', { as: owner }));
    expect(drafts.data).toHaveLength(1);
  });
});
