import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import { call, json, problemOf, signUp } from './helpers/api';
import {
  checkout,
  completeCheckout,
  deliverSigned,
  invoiceOf,
  payableInvoice,
  refund,
} from './helpers/stripe';

async function paidThroughStripe(owner: Awaited<ReturnType<typeof signUp>>) {
  const setup = await payableInvoice(owner, { currency: 'EUR' });
  const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
  const event = await completeCheckout(sessionId, 'paid');
  await deliverSigned(owner.tenantId, event.payload, setup.keys.webhookSecret);
  const [payment] = (await json(await call(`/invoices/${setup.invoice.id}/payments`, { as: owner }))).data;
  return { ...setup, sessionId, payment };
}

async function runCron(at = new Date()) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron: '*/15 * * * *', scheduledTime: at.getTime() }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe('Stripe refunds', () => {
  it('a partial refund reopens the balance (partial); the full refund brings it back to sent', async () => {
    const owner = await signUp();
    const { invoice, payment, keys } = await paidThroughStripe(owner);
    const part = await refund(payment!.reference, 5000);
    expect((await json(await deliverSigned(owner.tenantId, part.payload, keys.webhookSecret))).outcome).toBe(
      'refund',
    );
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({
      status: 'partial',
      amountPaid: invoice.total - 5000,
      amountDue: 5000,
    });
    const rest = await refund(payment!.reference);
    await deliverSigned(owner.tenantId, rest.payload, keys.webhookSecret);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ amountPaid: 0, amountDue: invoice.total });
    expect(['sent', 'viewed']).toContain((await invoiceOf(owner, invoice.id)).status);
    const [after] = (await json(await call(`/invoices/${invoice.id}/payments`, { as: owner }))).data;
    expect(after!.refunded).toBe(invoice.total);
    // The older partial-refund event, delivered late (a retry), does not shrink the refund.
    const late = part.payload.replace(part.id, `${part.id}_retry`);
    await deliverSigned(owner.tenantId, late, keys.webhookSecret);
    expect((await invoiceOf(owner, invoice.id)).amountDue).toBe(invoice.total);
  });

  it('a refund arriving before its payment → 503 and nothing recorded, so Stripe retries it', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner);
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const paid = await completeCheckout(sessionId, 'paid');
    const pi = JSON.parse(paid.payload).data.object.payment_intent;
    const early = await refund(pi, 1000);
    const res = await deliverSigned(owner.tenantId, early.payload, setup.keys.webhookSecret);
    expect(res.status).toBe(503);
    await deliverSigned(owner.tenantId, paid.payload, setup.keys.webhookSecret);
    const retried = await deliverSigned(owner.tenantId, early.payload, setup.keys.webhookSecret);
    expect((await json(retried)).outcome).toBe('refund');
    expect((await invoiceOf(owner, setup.invoice.id)).amountDue).toBe(1000);
  });
});

describe('Stripe reconciliation (cron)', () => {
  it('applies a paid session whose webhook never arrived, once, through the same path', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner);
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const paid = await completeCheckout(sessionId, 'paid'); // webhook lost
    await runCron();
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    await runCron();
    // The webhook arriving late changes nothing either.
    await deliverSigned(owner.tenantId, paid.payload, setup.keys.webhookSecret);
    const list = (await json(await call(`/invoices/${setup.invoice.id}/payments`, { as: owner }))).data;
    expect(list).toHaveLength(1);
    const receipts = (await json(await call('/emails', { as: owner }))).data.filter(
      (e: { kind: string; documentId: string }) => e.kind === 'receipt' && e.documentId === setup.invoice.id,
    );
    expect(receipts).toHaveLength(1);
  });
});

describe('Stripe payments in the admin API', () => {
  it('a Stripe payment cannot be deleted (409: refund it in Stripe); a manual one still can', async () => {
    const owner = await signUp();
    const { invoice, payment } = await paidThroughStripe(owner);
    const res = await call(`/invoices/${invoice.id}/payments/${payment!.id}`, {
      method: 'DELETE',
      as: owner,
    });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/refund it in Stripe/);
    expect((await invoiceOf(owner, invoice.id)).status).toBe('paid');
  });
});

describe('online payments route', () => {
  it('needs a session (401) and finds nothing of another business (404)', async () => {
    const owner = await signUp();
    const { invoice } = await paidThroughStripe(owner);
    expect((await call(`/invoices/${invoice.id}/online-payments`)).status).toBe(401);
    const other = await signUp();
    expect((await call(`/invoices/${invoice.id}/online-payments`, { as: other })).status).toBe(404);
    expect((await call(`/invoices/${invoice.id}/online-payments`, { as: owner })).status).toBe(200);
  });
});
