import { env } from 'cloudflare:test';
import { deletePayment, startCreditRefund } from '@clientele/db';
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
  problemOf,
  sendInvoice,
  signUp,
} from './helpers/api';
import { appContext } from './helpers/context';

const creditNote = (owner: Caller, invoiceId: string, body: unknown) =>
  call(`/invoices/${invoiceId}/credit-notes`, { method: 'POST', body, as: owner });

async function rowsOf(table: string, tenantId: string) {
  const r = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?`)
    .bind(tenantId)
    .first<{ n: number }>();
  return r?.n ?? 0;
}

describe('credit notes: refusals', () => {
  it('more than the invoice can still be credited → 422 naming the field, nothing written', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const res = await creditNote(owner, invoice.id, { amount: 12001, reason: 'Too much' });
    expect(res.status).toBe(422);
    const p = await problemOf(res);
    expect(p.errors).toEqual([{ path: 'amount', message: expect.stringContaining('120.00') }]);
    expect(await rowsOf('credit_notes', owner.tenantId)).toBe(0);
    // After a partial credit, the rest is the limit; lines over it are refused on `lines`.
    expect((await creditNote(owner, invoice.id, { amount: 5000, reason: 'Part' })).status).toBe(201);
    const lines = await creditNote(owner, invoice.id, { lines: [{ line: 0 }], reason: 'All of it' });
    expect(lines.status).toBe(422);
    expect((await problemOf(lines)).errors[0]).toMatchObject({
      path: 'lines',
      message: expect.stringContaining('70.00'),
    });
    expect(await rowsOf('credit_notes', owner.tenantId)).toBe(1);
  });

  it('a line the invoice does not have, a line twice, lines and an amount together → 422', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const missing = await creditNote(owner, invoice.id, { lines: [{ line: 3 }], reason: 'x' });
    expect(missing.status).toBe(422);
    expect((await problemOf(missing)).errors[0]).toMatchObject({
      path: 'lines.0.line',
      message: 'This invoice has no line 3',
    });
    const twice = await creditNote(owner, invoice.id, { lines: [{ line: 0 }, { line: 0 }], reason: 'x' });
    expect((await problemOf(twice)).errors[0]?.path).toBe('lines.1.line');
    const both = await creditNote(owner, invoice.id, { lines: [{ line: 0 }], amount: 100, reason: 'x' });
    expect(both.status).toBe(422);
    expect((await problemOf(both)).errors[0]?.path).toBe('amount');
    const noReason = await creditNote(owner, invoice.id, { amount: 100, reason: '  ' });
    expect((await problemOf(noReason)).errors[0]?.path).toBe('reason');
    const cents = await creditNote(owner, invoice.id, { amount: 10.5, reason: 'x' });
    expect(cents.status).toBe(422);
    expect((await problemOf(cents)).errors[0]?.path).toBe('amount');
    expect(await rowsOf('credit_notes', owner.tenantId)).toBe(0);
  });

  it('a draft → 409, a void invoice → 409 (it keeps working as before)', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const draft = await createInvoice(owner, c.id);
    const d = await creditNote(owner, draft.id, { reason: 'x' });
    expect(d.status).toBe(409);
    expect((await problemOf(d)).detail).toMatch(/Send the invoice/);
    const issued = await sendInvoice(owner, (await createInvoice(owner, c.id)).id);
    expect((await call(`/invoices/${issued.id}/void`, { method: 'POST', as: owner })).status).toBe(200);
    const v = await creditNote(owner, issued.id, { reason: 'x' });
    expect(v.status).toBe(409);
    expect((await problemOf(v)).detail).toMatch(/void/i);
    // The void invoice is unchanged and can still be read.
    expect(await json(await call(`/invoices/${issued.id}`, { as: owner }))).toMatchObject({ status: 'void' });
  });

  it('settlements by credit note or credit cannot be deleted as payments (409)', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    await creditNote(owner, invoice.id, { amount: 2000, reason: 'x' });
    const [settled] = (await json(await call(`/invoices/${invoice.id}/payments`, { as: owner }))).data;
    const res = await call(`/invoices/${invoice.id}/payments/${settled.id}`, { method: 'DELETE', as: owner });
    expect(res.status).toBe(409);
    expect((await json(await call(`/invoices/${invoice.id}`, { as: owner }))).amountDue).toBe(10000);
  });

  it('a line an earlier credit note took back → 422 naming lines.i.line, nothing written', async () => {
    const owner = await signUp();
    const lines = [line({ unitPrice: 5000 }), line({ unitPrice: 5000 }), line({ unitPrice: 10000 })];
    const { invoice } = await issuedInvoice(owner, { lines });
    expect((await creditNote(owner, invoice.id, { lines: [{ line: 0 }], reason: 'A' })).status).toBe(201);
    const again = await creditNote(owner, invoice.id, {
      lines: [{ line: 2 }, { line: 0 }],
      reason: 'A again',
    });
    expect(again.status).toBe(422);
    expect((await problemOf(again)).errors).toEqual([
      { path: 'lines.1.line', message: 'Line 0 was already credited by an earlier credit note' },
    ]);
    expect(await rowsOf('credit_notes', owner.tenantId)).toBe(1);
    // The other lines can still be credited.
    expect((await creditNote(owner, invoice.id, { lines: [{ line: 1 }], reason: 'B' })).status).toBe(201);
  });

  it('a payment a credit note turned into credit cannot be deleted (409); invoice and credit unchanged', async () => {
    const owner = await signUp();
    const { invoice, client } = await issuedInvoice(owner);
    const paid = await json(await pay(owner, invoice.id, invoice.total));
    const note = await json(await creditNote(owner, invoice.id, { reason: 'Cancelled order' }));
    expect(note.toCredit).toBe(12000);
    const res = await call(`/invoices/${invoice.id}/payments/${paid.id}`, { method: 'DELETE', as: owner });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/credit note turned this payment/);
    expect(await json(await call(`/invoices/${invoice.id}`, { as: owner }))).toMatchObject({
      status: 'paid',
      amountDue: 0,
    });
    const s = await json(await call(`/clients/${client.id}/summary`, { as: owner }));
    expect(s.currencies[0]).toMatchObject({ credit: 12000, outstanding: 0 });
  });

  it('two credit notes at once never credit more than the invoice', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const results = await Promise.all(
      [0, 1, 2].map(() => creditNote(owner, invoice.id, { amount: 5000, reason: 'Race' })),
    );
    const created = results.filter((r) => r.status === 201).length;
    expect(created).toBe(2);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 422 || r.status === 409)).toBe(
      true,
    );
    const notes = (await json(await call(`/credit-notes?invoiceId=${invoice.id}`, { as: owner }))).data;
    expect(notes.map((n: { number: string }) => n.number).sort()).toEqual(
      [1, 2].map((n) => `CN-${new Date().getUTCFullYear()}-000${n}`),
    );
  });

  it('an unknown credit note → 404; a cursor the list did not issue → 422', async () => {
    const owner = await signUp();
    expect((await call('/credit-notes/crn_0000000000000000000000000', { as: owner })).status).toBe(404);
    const bad = await call('/credit-notes?cursor=nonsense', { as: owner });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors[0]?.path).toBe('cursor');
  });
});

describe('client credit: refusals', () => {
  it('applying more than the credit or than the amount due → 422 on amount; a paid invoice → 409', async () => {
    const owner = await signUp();
    const { invoice, client } = await issuedInvoice(owner);
    await pay(owner, invoice.id, invoice.total);
    await creditNote(owner, invoice.id, { amount: 3000, reason: 'After payment' });
    const small = await sendInvoice(
      owner,
      (
        await createInvoice(owner, client.id, {
          lines: [{ description: 'Small', quantity: 1, unitPrice: 1000, taxRate: 0 }],
        })
      ).id,
    );
    const overCredit = await call(`/invoices/${small.id}/apply-credit`, {
      method: 'POST',
      body: { amount: 3001 },
      as: owner,
    });
    expect(overCredit.status).toBe(422);
    expect((await problemOf(overCredit)).errors[0]).toMatchObject({
      path: 'amount',
      message: expect.stringContaining('30.00'),
    });
    const overDue = await call(`/invoices/${small.id}/apply-credit`, {
      method: 'POST',
      body: { amount: 1500 },
      as: owner,
    });
    expect(overDue.status).toBe(422);
    expect((await problemOf(overDue)).errors[0]?.message).toContain('10.00');
    const paid = await call(`/invoices/${invoice.id}/apply-credit`, {
      method: 'POST',
      body: { amount: 100 },
      as: owner,
    });
    expect(paid.status).toBe(409);
    // Another currency's credit is not this invoice's.
    const usd = await sendInvoice(owner, (await createInvoice(owner, client.id, { currency: 'USD' })).id);
    expect(
      (await call(`/invoices/${usd.id}/apply-credit`, { method: 'POST', body: { amount: 100 }, as: owner }))
        .status,
    ).toBe(422);
    const s = await json(await call(`/clients/${client.id}/summary`, { as: owner }));
    expect(s.currencies.find((x: { currency: string }) => x.currency === 'EUR').credit).toBe(3000);
  });

  it('two uses of the same credit at once never overdraw it', async () => {
    const owner = await signUp();
    const { invoice, client } = await issuedInvoice(owner);
    await pay(owner, invoice.id, invoice.total);
    await creditNote(owner, invoice.id, { amount: 3000, reason: 'After payment' });
    const targets = await Promise.all(
      [0, 1, 2].map(async () => sendInvoice(owner, (await createInvoice(owner, client.id)).id)),
    );
    const results = await Promise.all(
      targets.map((t) =>
        call(`/invoices/${t.id}/apply-credit`, { method: 'POST', body: { amount: 2000 }, as: owner }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const s = await json(await call(`/clients/${client.id}/summary`, { as: owner }));
    expect(s.currencies[0].credit).toBe(1000);
  });

  it('credit used between the check and the write is neither refunded to the card nor deleted with its payment', async () => {
    const owner = await signUp();
    const { db } = appContext();
    // 30.00 of credit from a credit note on a paid invoice, then 20.00 of it used elsewhere.
    const { invoice, client } = await issuedInvoice(owner);
    await pay(owner, invoice.id, invoice.total);
    await creditNote(owner, invoice.id, { amount: 3000, reason: 'After payment' });
    const [credit] = (await json(await call(`/clients/${client.id}/credits`, { as: owner }))).data;
    const other = await sendInvoice(owner, (await createInvoice(owner, client.id)).id);
    const use = (amount: number) =>
      call(`/invoices/${other.id}/apply-credit`, { method: 'POST', body: { amount }, as: owner });
    expect((await use(2000)).status).toBe(201);
    // The refund's own write refuses what the balance no longer covers.
    expect(await startCreditRefund(db, owner.tenantId, credit.id)).toBe(false);
    const after = (await json(await call(`/clients/${client.id}/credits`, { as: owner }))).data;
    expect(after.find((c: { id: string }) => c.id === credit.id).state).toBe('open');
    // An overpayment saved as credit, used up after the delete was checked: payment and credit stay.
    const third = await sendInvoice(owner, (await createInvoice(owner, client.id)).id);
    const over = await json(
      await call(`/invoices/${third.id}/payments`, {
        method: 'POST',
        body: { amount: 14000, date: '2026-03-01', method: 'cash', excessAsCredit: true },
        as: owner,
      }),
    );
    expect(over.savedAsCredit).toBe(2000);
    expect((await use(3000)).status).toBe(201);
    const done = await deletePayment(db, owner.tenantId, third.id, over.id);
    expect(done?.deleted).toBe(false);
    expect((await json(await call(`/invoices/${third.id}`, { as: owner }))).amountPaid).toBe(12000);
    const s = await json(await call(`/clients/${client.id}/summary`, { as: owner }));
    expect(s.currencies[0].credit).toBe(0);
  });
});
