import { describe, expect, it } from 'vitest';
import {
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  pay,
  problemOf,
  sendInvoice,
  signUp,
} from './helpers/api';

const year = new Date().getUTCFullYear();

describe('invoices: happy paths', () => {
  it('creates a draft with totals, client defaults and due date from payment terms', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { currency: 'USD', language: 'pt' });
    const inv = await createInvoice(owner, c.id, {
      issueDate: '2026-03-01',
      lines: [
        line({ description: 'Design', quantity: 1.5, unitPrice: 8000, taxRate: 23 }),
        line({ description: 'Hosting', quantity: 3, unitPrice: 999, taxRate: null, discountPercent: 10 }),
      ],
    });
    expect(inv).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'USD',
      language: 'pt',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      subtotal: 12000 + 2697,
      taxTotal: 2760,
      total: 12000 + 2697 + 2760,
      amountPaid: 0,
      amountDue: 12000 + 2697 + 2760,
      overdue: false,
    });
    expect(inv.id).toMatch(/^inv_/);
    expect(inv.lines.map((l: { amount: number }) => l.amount)).toEqual([12000, 2697]);
    expect(inv.lines[0]).toMatchObject({ quantity: 1.5, taxRate: 23 });
    expect(inv.billTo!.name).toBe(c.name);
  });

  it('edits and deletes a draft', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const inv = await createInvoice(owner, c.id);
    const res = await call(`/invoices/${inv.id}`, {
      method: 'PATCH',
      body: { lines: [line({ quantity: 2 })], notes: 'Thanks!' },
      as: owner,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ subtotal: 20000, total: 24000, notes: 'Thanks!' });
    expect((await call(`/invoices/${inv.id}`, { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await call(`/invoices/${inv.id}`, { as: owner })).status).toBe(404);
  });

  it('send issues it: number from the tenant format, status sent, 202', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    expect(invoice.number).toBe(`INV-${year}-0001`);
    expect(invoice.status).toBe('sent');
    // Sending it again is refused (no second email), unless it is an explicit resend.
    const again = await call(`/invoices/${invoice.id}/send`, { method: 'POST', as: owner });
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toContain(invoice.number);
    const resend = await call(`/invoices/${invoice.id}/send?resend=true`, { method: 'POST', as: owner });
    expect(resend.status).toBe(202);
    expect((await json(resend)).number).toBe(invoice.number);
    const second = await issuedInvoice(owner);
    expect(second.invoice.number).toBe(`INV-${year}-0002`);
  });

  it('freezes the snapshot: later client and business edits do not rewrite an issued invoice', async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { name: 'Old Studio', taxId: 'PT1' }, as: owner });
    const { client, invoice } = await issuedInvoice(
      owner,
      {},
      {
        name: 'Иван Петров',
        billingAddress: { street: 'ул. Тверская, 7', city: 'Москва', country: 'RU' },
        taxId: 'RU77',
      },
    );
    await call(`/clients/${client.id}`, {
      method: 'PATCH',
      body: { name: 'Someone Else', billingAddress: { street: 'Elsewhere 1' }, taxId: 'X' },
      as: owner,
    });
    await call('/settings', { method: 'PATCH', body: { name: 'New Studio' }, as: owner });
    const after = await json(await call(`/invoices/${invoice.id}`, { as: owner }));
    expect(after.billTo).toEqual({
      name: 'Иван Петров',
      company: null,
      email: null,
      billingAddress: {
        street: 'ул. Тверская, 7',
        city: 'Москва',
        state: null,
        postalCode: null,
        country: 'RU',
      },
      taxId: 'RU77',
    });
    const { env } = await import('cloudflare:test');
    const row = await env.DB.prepare('SELECT snapshot FROM documents WHERE id = ?')
      .bind(invoice.id)
      .first<{ snapshot: string }>();
    const snap = JSON.parse(row!.snapshot);
    expect(snap.seller.name).toBe('Old Studio');
    expect(snap.number).toBe(invoice.number);
  });

  it('payments: partial then paid, deleting one recomputes the status', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    expect(invoice.total).toBe(12000);
    const first = await pay(owner, invoice.id, 5000);
    expect(first.status).toBe(201);
    const p1 = await json(first);
    expect(p1).toMatchObject({ amount: 5000, currency: 'EUR', source: 'manual', invoiceId: invoice.id });
    expect(await json(await call(`/invoices/${invoice.id}`, { as: owner }))).toMatchObject({
      status: 'partial',
      amountPaid: 5000,
      amountDue: 7000,
    });
    expect((await pay(owner, invoice.id, 7000)).status).toBe(201);
    expect((await json(await call(`/invoices/${invoice.id}`, { as: owner }))).status).toBe('paid');
    const payments = await json(await call(`/invoices/${invoice.id}/payments`, { as: owner }));
    expect(payments.data).toHaveLength(2);
    expect(
      (await call(`/invoices/${invoice.id}/payments/${p1.id}`, { method: 'DELETE', as: owner })).status,
    ).toBe(204);
    expect(await json(await call(`/invoices/${invoice.id}`, { as: owner }))).toMatchObject({
      status: 'partial',
      amountPaid: 7000,
      amountDue: 5000,
    });
  });

  it('overdue is derived from the due date and balance, not stored', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner, { issueDate: '2024-01-01', dueDate: '2024-01-31' });
    expect(invoice.overdue).toBe(true);
    const listed = await json(await call('/invoices?status=overdue', { as: owner }));
    expect(listed.data.map((i: { id: string }) => i.id)).toEqual([invoice.id]);
    await pay(owner, invoice.id, invoice.total);
    const paid = await json(await call(`/invoices/${invoice.id}`, { as: owner }));
    expect(paid).toMatchObject({ status: 'paid', overdue: false });
    expect((await json(await call('/invoices?status=overdue', { as: owner }))).data).toHaveLength(0);
  });

  it('voids an unpaid issued invoice', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const res = await call(`/invoices/${invoice.id}/void`, { method: 'POST', as: owner });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'void', amountDue: 0 });
  });

  it('JPY has no decimals end to end', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { name: '山田太郎', currency: 'JPY', language: 'ja' });
    const inv = await createInvoice(owner, c.id, {
      lines: [line({ quantity: 2.5, unitPrice: 3333, taxRate: 10 })],
    });
    expect(inv).toMatchObject({ currency: 'JPY', subtotal: 8333, taxTotal: 833, total: 9166 });
    const sent = await sendInvoice(owner, inv.id);
    expect((await pay(owner, sent.id, 9166)).status).toBe(201);
    const summary = await json(await call(`/clients/${c.id}/summary`, { as: owner }));
    expect(summary.currencies).toEqual([
      {
        currency: 'JPY',
        totalInvoiced: 9166,
        totalPaid: 9166,
        outstanding: 0,
        overdue: 0,
        credited: 0,
        credit: 0,
      },
    ]);
  });

  it('lists with status filter and search by number or client name', async () => {
    const owner = await signUp();
    const a = await issuedInvoice(owner, {}, { name: 'Giulia Rossi' });
    const b = await createClient(owner, { name: 'Борис' });
    await createInvoice(owner, b.id);
    const all = await json(await call('/invoices', { as: owner }));
    expect(all.data).toHaveLength(2);
    expect(all.data[0]!.clientName).toBe('Борис');
    expect((await json(await call('/invoices?status=draft', { as: owner }))).data).toHaveLength(1);
    const byNumber = await json(await call(`/invoices?q=${a.invoice.number!.slice(-4)}`, { as: owner }));
    expect(byNumber.data.map((i: { id: string }) => i.id)).toEqual([a.invoice.id]);
    const byName = await json(await call(`/invoices?q=${encodeURIComponent('борис')}`, { as: owner }));
    expect(byName.data).toHaveLength(1);
    const page = await json(await call('/invoices?limit=1', { as: owner }));
    expect(page.nextCursor).not.toBeNull();
    const next = await json(await call(`/invoices?limit=1&cursor=${page.nextCursor}`, { as: owner }));
    expect(next.data[0]!.id).not.toBe(page.data[0]!.id);
  });

  it('numbers stay unique and gapless under 20 concurrent sends', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await createInvoice(owner, c.id));
    const sent = await Promise.all(
      drafts.map((d) => call(`/invoices/${d.id}/send`, { method: 'POST', as: owner }).then(json)),
    );
    const numbers = sent.map((s) => s.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `INV-${year}-${String(i + 1).padStart(4, '0')}`),
    );
    // Sending the same draft twice at once issues it once, spends one number and queues one email.
    const d = await createInvoice(owner, c.id);
    const twice = await Promise.all(
      [1, 2].map(() => call(`/invoices/${d.id}/send`, { method: 'POST', as: owner })),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([202, 409]);
    const issued = await json(await call(`/invoices/${d.id}`, { as: owner }));
    expect(issued.number).toBe(`INV-${year}-0021`);
    const next = await createInvoice(owner, c.id);
    expect((await json(await call(`/invoices/${next.id}/send`, { method: 'POST', as: owner }))).number).toBe(
      `INV-${year}-0022`,
    );
  });

  it('uses the tenant number format and restarts nothing when the year is absent', async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { invoiceNumberFormat: 'F{seq:3}/X' }, as: owner });
    const { invoice } = await issuedInvoice(owner);
    expect(invoice.number).toBe('F001/X');
  });
});
