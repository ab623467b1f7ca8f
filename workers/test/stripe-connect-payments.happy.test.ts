import { describe, expect, it } from 'vitest';
import { call, json, signUp } from './helpers/api';
import {
  checkout,
  checkoutRequests,
  completeCheckout,
  fakeRequests,
  intentOf,
  invoiceOf,
  onlineStates,
  openDispute,
  runCron,
  settleIntent,
  startPay,
} from './helpers/stripe';
import {
  connectPayable,
  deliverConnectSigned,
  PLATFORM_SECRET_KEY,
  stripeAs,
} from './helpers/stripe-connect';

/**
 * A Connect business gets the same retries as one with pasted keys: every call about an
 * earlier session (expire, retrieve, its PaymentIntent) is made on the connected account.
 */
describe('Stripe Connect: paying again and reconciliation on the connected account', () => {
  it('switching the portal language expires the older session on the connected account and opens a new one there', async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner);
    const english = await checkout(cookie, invoice.id);
    const res = await startPay(`${cookie}; clientele_lang=it`, invoice.id);
    expect(res.status).toBe(200);
    const italian = await json<{ sessionId: string; stripeAccount?: string }>(res);
    expect(italian.sessionId).not.toBe(english.sessionId);
    expect(italian.stripeAccount).toBe(accountId);

    const made = await checkoutRequests(invoice.id);
    expect(made.map((r) => r.stripeAccount)).toEqual([accountId, accountId]);
    expect(made.map((r) => r.body.locale)).toEqual(['en', 'it']);
    const expired = (await fakeRequests()).filter(
      (r) => r.path === `/v1/checkout/sessions/${english.sessionId}/expire`,
    );
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      method: 'POST',
      stripeAccount: accountId,
      keyLast4: PLATFORM_SECRET_KEY.slice(-4),
    });
    const atStripe = await stripeAs(PLATFORM_SECRET_KEY).checkout.sessions.retrieve(
      english.sessionId,
      {},
      { stripeAccount: accountId },
    );
    expect(atStripe.status).toBe('expired');
    expect(await onlineStates(owner, invoice.id)).toEqual([
      { id: italian.sessionId, state: 'open' },
      { id: english.sessionId, state: 'expired' },
    ]);

    // A reload in Italian hands back the same open session, read on the connected account.
    const again = await startPay(`${cookie}; clientele_lang=it`, invoice.id);
    expect((await json<{ sessionId: string }>(again)).sessionId).toBe(italian.sessionId);
    const read = (await fakeRequests()).filter(
      (r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${italian.sessionId}`,
    );
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((r) => r.stripeAccount === accountId)).toBe(true);
  });

  it('reconciliation reads a processing debit’s PaymentIntent on the connected account and pays once', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    const started = await completeCheckout(sessionId, 'unpaid');
    expect(JSON.parse(started.payload).account).toBe(accountId);
    expect((await deliverConnectSigned(started.payload)).status).toBe(200);
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: sessionId, state: 'processing' }]);

    // The async_payment_succeeded event is lost; only the PaymentIntent knows.
    const intent = intentOf(started);
    await settleIntent(intent, 'succeeded');
    await runCron();
    await runCron(); // a second tick changes nothing
    const asked = (await fakeRequests()).filter(
      (r) => r.method === 'GET' && r.path === `/v1/payment_intents/${intent}`,
    );
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.stripeAccount === accountId)).toBe(true);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: sessionId, state: 'paid' }]);
  });
});

describe('Stripe Connect: money after a payment on the connected account', () => {
  it('a dispute on the connected account comes through the Connect endpoint and the amount is owed again', async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(cookie, invoice.id);
    const paid = await completeCheckout(sessionId, 'paid');
    expect((await json(await deliverConnectSigned(paid.payload))).outcome).toBe('paid');

    const opened = await openDispute(intentOf(paid), { reason: 'fraudulent' });
    const outcomes: string[] = [];
    for (const e of opened.events) {
      expect(JSON.parse(e.payload).account).toBe(accountId);
      outcomes.push((await json(await deliverConnectSigned(e.payload))).outcome);
    }
    expect(outcomes).toEqual(['dispute', 'dispute']);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({
      amountPaid: 0,
      amountDue: invoice.total,
      dispute: { amount: invoice.total, status: 'needs_response', reason: 'fraudulent' },
    });
  });

  it('credit beyond the amount due is refunded in one click on the connected account', async () => {
    const owner = await signUp();
    const { accountId, client, invoice, cookie } = await connectPayable(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(cookie, invoice.id);
    await call(`/invoices/${invoice.id}/payments`, {
      method: 'POST',
      as: owner,
      body: { amount: 3000, date: '2026-03-01', method: 'bank transfer' },
    });
    const paid = await completeCheckout(sessionId, 'paid');
    expect((await json(await deliverConnectSigned(paid.payload))).outcome).toBe('paid');
    const [credit] = (await json(await call(`/clients/${client.id}/credits`, { as: owner }))).data;
    expect(credit).toMatchObject({ amount: 3000, state: 'open' });

    const res = await call(`/clients/${client.id}/credits/${credit.id}/refund`, {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ state: 'refunded' });
    const refunds = (await fakeRequests()).filter(
      (r) => r.method === 'POST' && r.path === '/v1/refunds' && r.body.metadata?.creditId === credit.id,
    );
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      stripeAccount: accountId,
      keyLast4: PLATFORM_SECRET_KEY.slice(-4),
      body: { payment_intent: intentOf(paid), amount: '3000' },
    });
  });
});
