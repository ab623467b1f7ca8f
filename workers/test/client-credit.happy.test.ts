import { describe, expect, it } from 'vitest';
import { type Caller, call, createInvoice, json, pay, problemOf, sendInvoice, signUp } from './helpers/api';
import { portal } from './helpers/portal';
import {
  anotherSession,
  checkout,
  completeCheckout,
  deliverSigned,
  invoiceOf,
  payableInvoice,
  refund,
} from './helpers/stripe';

const creditNote = (owner: Caller, invoiceId: string, body: Record<string, unknown>) =>
  call(`/invoices/${invoiceId}/credit-notes`, { method: 'POST', body, as: owner });
const applyCredit = (owner: Caller, invoiceId: string, amount: number) =>
  call(`/invoices/${invoiceId}/apply-credit`, { method: 'POST', body: { amount }, as: owner });
const summaryOf = async (owner: Caller, clientId: string) =>
  (await json(await call(`/clients/${clientId}/summary`, { as: owner }))).currencies;
const options = async (owner: Caller, invoiceId: string) =>
  json(await call(`/invoices/${invoiceId}/credit-options`, { as: owner }));

/** Another issued invoice for the same client (120.00 in EUR by default). */
async function nextInvoice(owner: Caller, clientId: string, body: Record<string, unknown> = {}) {
  return sendInvoice(owner, (await createInvoice(owner, clientId, { currency: 'EUR', ...body })).id);
}

/** A client whose paid invoice was credited 30.00: the credit is theirs. */
async function clientWithCredit(owner: Caller) {
  const setup = await payableInvoice(owner, { currency: 'EUR' });
  await pay(owner, setup.invoice.id, setup.invoice.total);
  await creditNote(owner, setup.invoice.id, { amount: 3000, reason: 'Discount after payment' });
  return setup;
}

describe('the client’s credit', { timeout: 30_000 }, () => {
  it('is used on another open invoice: a payment from credit, the amount due and the balance go down', async () => {
    const owner = await signUp();
    const { client } = await clientWithCredit(owner);
    const open = await nextInvoice(owner, client.id);
    expect(await options(owner, open.id)).toMatchObject({
      clientCredit: 3000,
      amountDue: 12000,
      creditable: 12000,
    });
    const res = await applyCredit(owner, open.id, 2000);
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      source: 'credit',
      amount: 2000,
      invoiceId: open.id,
      currency: 'EUR',
    });
    expect(await invoiceOf(owner, open.id)).toMatchObject({
      status: 'partial',
      amountPaid: 2000,
      amountDue: 10000,
    });
    const [eur] = await summaryOf(owner, client.id);
    // Money received is the first invoice's 120.00: the credit used is not paid a second time.
    expect(eur).toMatchObject({ credit: 1000, outstanding: 10000, totalPaid: 12000, credited: 3000 });
    const credits = (await json(await call(`/clients/${client.id}/credits`, { as: owner }))).data;
    expect(credits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'applied', amount: -2000, invoiceId: open.id }),
      ]),
    );
    // The rest of the credit is more than is left: refused, nothing moves.
    expect((await applyCredit(owner, open.id, 1001)).status).toBe(422);
    expect((await options(owner, open.id)).clientCredit).toBe(1000);
  });

  it('is recorded as refunded by hand with a reference, per currency', async () => {
    const owner = await signUp();
    const { client } = await clientWithCredit(owner);
    const res = await call(`/clients/${client.id}/credit-refunds`, {
      method: 'POST',
      body: { amount: 1200, currency: 'EUR', reference: 'Bank transfer 0042' },
      as: owner,
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      source: 'refund',
      amount: -1200,
      reference: 'Bank transfer 0042',
    });
    expect((await summaryOf(owner, client.id))[0].credit).toBe(1800);
    // Another currency holds nothing: refusing it names the amount.
    const usd = await call(`/clients/${client.id}/credit-refunds`, {
      method: 'POST',
      body: { amount: 1, currency: 'USD' },
      as: owner,
    });
    expect(usd.status).toBe(422);
    expect((await problemOf(usd)).errors[0]?.path).toBe('amount');
  });

  it('keeps a manual overpayment as credit only when asked', async () => {
    const owner = await signUp();
    const { client, invoice } = await payableInvoice(owner, { currency: 'EUR' });
    const body = { amount: 15000, date: '2026-03-01', method: 'bank transfer', reference: 'TX-9' };
    const refused = await call(`/invoices/${invoice.id}/payments`, { method: 'POST', body, as: owner });
    expect(refused.status).toBe(422);
    const kept = await call(`/invoices/${invoice.id}/payments`, {
      method: 'POST',
      body: { ...body, excessAsCredit: true },
      as: owner,
    });
    expect(kept.status).toBe(201);
    const payment = await json(kept);
    expect(payment).toMatchObject({ amount: 12000, savedAsCredit: 3000, source: 'manual' });
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    expect((await summaryOf(owner, client.id))[0]).toMatchObject({ credit: 3000, totalPaid: 12000 });
    // Deleting the payment takes its saved excess with it.
    const del = await call(`/invoices/${invoice.id}/payments/${payment.id}`, { method: 'DELETE', as: owner });
    expect(del.status).toBe(204);
    expect((await summaryOf(owner, client.id))[0]).toMatchObject({ credit: 0, outstanding: 12000 });
  });

  it('a Stripe overpayment joins the same balance, and is no longer refundable whole once used', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const first = await checkout(setup.cookie, setup.invoice.id);
    const secondId = await anotherSession(setup.keys, owner, setup.invoice);
    for (const s of [first.sessionId, secondId]) {
      const e = await completeCheckout(s, 'paid');
      await deliverSigned(owner.tenantId, e.payload, setup.keys.webhookSecret);
    }
    // 120.00 from Stripe, plus a 30.00 credit note on the paid invoice: one balance.
    await creditNote(owner, setup.invoice.id, { amount: 3000, reason: 'Discount' });
    expect((await summaryOf(owner, setup.client.id))[0].credit).toBe(15000);
    const open = await nextInvoice(owner, setup.client.id, {
      lines: [{ description: 'Retainer', quantity: 1, unitPrice: 20000, taxRate: 0 }],
    });
    expect((await applyCredit(owner, open.id, 15000)).status).toBe(201);
    expect(await invoiceOf(owner, open.id)).toMatchObject({ amountDue: 5000 });
    const stripeCredit = (
      await json(await call(`/clients/${setup.client.id}/credits`, { as: owner }))
    ).data.find((c: { source: string }) => c.source === 'stripe');
    const res = await call(`/clients/${setup.client.id}/credits/${stripeCredit.id}/refund`, {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/already been used/);
    // The portal statement shows the client what is left (nothing here).
    expect(await (await portal('', setup.cookie)).text()).not.toContain('data-credit=');
  });

  it('a Stripe refund on a paid invoice offers the matching credit note, which squares it', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const paid = await completeCheckout(sessionId, 'paid');
    await deliverSigned(owner.tenantId, paid.payload, setup.keys.webhookSecret);
    const pi = JSON.parse(paid.payload).data.object.payment_intent as string;
    const refunded = await refund(pi, 4000);
    await deliverSigned(owner.tenantId, refunded.payload, setup.keys.webhookSecret);
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'partial', amountDue: 4000 });
    expect(await options(owner, setup.invoice.id)).toMatchObject({ refundToCredit: 4000 });
    const note = await json(await creditNote(owner, setup.invoice.id, { amount: 4000, reason: 'Refunded' }));
    expect(note).toMatchObject({ toInvoice: 4000, toCredit: 0 });
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    expect(await options(owner, setup.invoice.id)).toMatchObject({ refundToCredit: 0, creditable: 8000 });
  });
});
