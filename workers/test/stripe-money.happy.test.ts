import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, problemOf, signUp } from './helpers/api';
import { portal } from './helpers/portal';
import {
  anotherSession,
  checkout,
  closeDispute,
  completeCheckout,
  deliverSigned,
  fakeRequests,
  invoiceOf,
  openDispute,
  payableInvoice,
  refund,
  respondToDispute,
} from './helpers/stripe';

type Owner = Awaited<ReturnType<typeof signUp>>;

async function paidThroughStripe(owner: Owner, body: Record<string, unknown> = { currency: 'EUR' }) {
  const setup = await payableInvoice(owner, body);
  const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
  const event = await completeCheckout(sessionId, 'paid');
  const res = await deliverSigned(owner.tenantId, event.payload, setup.keys.webhookSecret);
  expect((await json(res)).outcome).toBe('paid');
  const pi = JSON.parse(event.payload).data.object.payment_intent as string;
  return { ...setup, sessionId, pi };
}

/** The `charge.refunded` event Stripe sent after the product's refund (its cumulative figure). */
async function refundEventFor(paymentIntentId: string, refunded: number) {
  const { payload } = await refund(paymentIntentId, 1);
  const e = JSON.parse(payload);
  // The fake emitted its own event when the product refunded; this is the same charge with
  // the cumulative figure Stripe reports after that refund.
  e.data.object.amount_refunded = refunded;
  e.id = `${e.id}_after_credit_refund`;
  return { payload: JSON.stringify(e) };
}

const send = (owner: Owner, secret: string) => async (events: { payload: string }[]) => {
  const outcomes: string[] = [];
  for (const e of events)
    outcomes.push((await json(await deliverSigned(owner.tenantId, e.payload, secret))).outcome);
  return outcomes;
};

async function activity(owner: Owner) {
  return (await json(await call('/dashboard', { as: owner }))).activity as { kind: string; text: string }[];
}

describe('Stripe disputes', { timeout: 30_000 }, () => {
  it('a dispute puts the amount back as owed, shows it, tells the business; won restores the payment', async () => {
    const owner = await signUp();
    const { invoice, pi, keys, cookie } = await paidThroughStripe(owner);
    const deliver = send(owner, keys.webhookSecret);
    expect((await invoiceOf(owner, invoice.id)).status).toBe('paid');

    const opened = await openDispute(pi, { reason: 'fraudulent' });
    expect(await deliver(opened.events)).toEqual(['dispute', 'dispute']);
    const disputed = await invoiceOf(owner, invoice.id);
    expect(disputed).toMatchObject({
      status: 'sent',
      amountPaid: 0,
      amountDue: invoice.total,
      dispute: { amount: invoice.total, status: 'needs_response', reason: 'fraudulent' },
    });
    // Lists carry it too (the admin app's badge), and the portal shows the amount owed again.
    const listed = (await json(await call('/invoices?status=sent', { as: owner }))).data;
    expect(listed.find((i: { id: string }) => i.id === invoice.id)?.dispute?.status).toBe('needs_response');
    const page = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(page).toContain('Under dispute');
    // Found by kind: two lines written in the same millisecond have no order between them.
    const disputedLine = (await activity(owner)).find((a) => a.kind === 'payment_disputed');
    expect(disputedLine?.text).toContain(invoice.number);

    expect(await deliver((await respondToDispute(opened.id)).events)).toEqual(['dispute']);
    expect((await invoiceOf(owner, invoice.id)).dispute.status).toBe('under_review');

    const won = await closeDispute(opened.id, 'won');
    expect(await deliver(won.events)).toEqual(['dispute', 'dispute']);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({
      status: 'paid',
      amountPaid: invoice.total,
      amountDue: 0,
      dispute: null,
    });
    const closedLine = (await activity(owner)).find((a) => a.kind === 'dispute_closed');
    expect(closedLine?.text).toMatch(/won/);
  });

  it('events of one second are ordered by how far the dispute has gone: opened, answered, decided', async () => {
    const owner = await signUp();
    const { invoice, pi, keys } = await paidThroughStripe(owner);
    const deliver = send(owner, keys.webhookSecret);
    const opened = await openDispute(pi, { reason: 'fraudulent' });
    const second = JSON.parse(opened.events[0]!.payload).created as number;
    const sameSecond = (events: { payload: string }[]) =>
      events.map((e) => ({ payload: JSON.stringify({ ...JSON.parse(e.payload), created: second }) }));
    await deliver(sameSecond(opened.events));
    await deliver(sameSecond((await respondToDispute(opened.id)).events));
    expect((await invoiceOf(owner, invoice.id)).dispute.status).toBe('under_review');
    const won = sameSecond((await closeDispute(opened.id, 'won')).events);
    // The decision first, then the answer again (a retry): the decision stays.
    await deliver(won);
    await deliver(
      sameSecond((await respondToDispute(opened.id)).events).map((e) => ({
        payload: JSON.stringify({
          ...JSON.parse(e.payload),
          id: `evt_retry_${crypto.randomUUID().slice(0, 8)}`,
        }),
      })),
    );
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', dispute: null });
  });

  it('a lost dispute stays owed; repeated and out-of-order events change nothing twice', async () => {
    const owner = await signUp();
    const { invoice, pi, keys } = await paidThroughStripe(owner);
    const deliver = send(owner, keys.webhookSecret);
    const opened = await openDispute(pi, { amount: 4000, reason: 'product_not_received' });
    const [created] = opened.events;
    const lost = await closeDispute(opened.id, 'lost');
    // The close arrives first, then the opening events (Stripe does not promise order).
    expect(await deliver(lost.events)).toEqual(['dispute']);
    expect(await deliver(opened.events)).toEqual(['dispute', 'dispute']);
    const after = await invoiceOf(owner, invoice.id);
    expect(after).toMatchObject({
      status: 'partial',
      amountDue: 4000,
      dispute: { amount: 4000, status: 'lost', reason: 'product_not_received' },
    });
    // The same event again is a duplicate; a copy under a new id (a replay) finds the state kept.
    expect(await deliver([created!])).toEqual(['duplicate']);
    await deliver([
      { payload: created!.payload.replace(JSON.parse(created!.payload).id, 'evt_replayed_dispute') },
    ]);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({
      amountDue: 4000,
      dispute: { status: 'lost' },
    });
    const rows = await env.DB.prepare('SELECT status FROM stripe_disputes WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .all();
    expect(rows.results).toEqual([{ status: 'lost' }]);
  });
});

describe('Money beyond what is due', { timeout: 30_000 }, () => {
  it('two sessions both paid: the second becomes credit, shown in the summary; one click refunds it, once', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const first = await checkout(setup.cookie, setup.invoice.id);
    const secondId = await anotherSession(setup.keys, owner, setup.invoice);
    const paid1 = await completeCheckout(first.sessionId, 'paid');
    const paid2 = await completeCheckout(secondId, 'paid');
    const deliver = send(owner, setup.keys.webhookSecret);
    expect(await deliver([paid1, paid2])).toEqual(['paid', 'credit']);
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({
      status: 'paid',
      amountPaid: setup.invoice.total,
    });
    const summary = await json(await call(`/clients/${setup.client.id}/summary`, { as: owner }));
    expect(summary.currencies).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        totalPaid: setup.invoice.total,
        credit: setup.invoice.total,
      }),
    ]);
    const [credit] = (await json(await call(`/clients/${setup.client.id}/credits`, { as: owner }))).data;
    expect(credit).toMatchObject({ amount: setup.invoice.total, currency: 'EUR', state: 'open' });
    // The portal statement shows it to the client.
    expect(await (await portal('', setup.cookie)).text()).toContain('Credit');

    const key = `refund-${credit.id}`;
    const refundIt = (k = key) =>
      call(`/clients/${setup.client.id}/credits/${credit.id}/refund`, {
        method: 'POST',
        as: owner,
        headers: { 'idempotency-key': k },
      });
    const done = await refundIt();
    expect(done.status).toBe(200);
    expect(await json(done)).toMatchObject({ state: 'refunded', refundId: expect.stringMatching(/^re_/) });
    const pi2 = JSON.parse(paid2.payload).data.object.payment_intent as string;
    // This credit's refunds only: the stand-in is shared with other files running beside this one.
    const refunds = () =>
      fakeRequests().then((rs) =>
        rs.filter((r) => r.path === '/v1/refunds' && r.body.metadata?.creditId === credit.id),
      );
    expect(await refunds()).toHaveLength(1);
    expect((await refunds())[0]!.body).toMatchObject({
      payment_intent: pi2,
      amount: String(setup.invoice.total),
    });
    // The same click again (same key) answers the same; a new click is refused: already refunded.
    expect((await refundIt()).status).toBe(200);
    const again = await refundIt(`${key}-again`);
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toMatch(/already refunded/);
    expect(await refunds()).toHaveLength(1);
    const after = await json(await call(`/clients/${setup.client.id}/summary`, { as: owner }));
    expect(after.currencies[0].credit).toBe(0);
    // Stripe's charge.refunded for that refund does not touch the invoice's payment.
    const event = await refundEventFor(pi2, setup.invoice.total);
    expect(await deliver([event])).toEqual(['ignored']);
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
  });

  it('a payment larger than what is still due pays the invoice and keeps the rest as credit', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    await call(`/invoices/${setup.invoice.id}/payments`, {
      method: 'POST',
      as: owner,
      body: { amount: 3000, date: '2026-03-01', method: 'bank transfer' },
    });
    const paid = await completeCheckout(sessionId, 'paid');
    expect(
      (await json(await deliverSigned(owner.tenantId, paid.payload, setup.keys.webhookSecret))).outcome,
    ).toBe('paid');
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    const [credit] = (await json(await call(`/clients/${setup.client.id}/credits`, { as: owner }))).data;
    expect(credit).toMatchObject({ amount: 3000, state: 'open' });
    // A refund of that credit later is not a refund of the invoice's payment either.
    const res = await call(`/clients/${setup.client.id}/credits/${credit.id}/refund`, {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(res.status).toBe(200);
    const pi = JSON.parse(paid.payload).data.object.payment_intent as string;
    const event = await refundEventFor(pi, 3000);
    expect(await send(owner, setup.keys.webhookSecret)([event])).toEqual(['refund']);
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
  });
});

describe('Adaptive Pricing and API versions', { timeout: 30_000 }, () => {
  it('a session the customer paid in their own currency is applied in the invoice currency', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const event = await completeCheckout(sessionId, 'paid', {
      presentment: { currency: 'usd', amount: Math.round(setup.invoice.total * 1.08) },
    });
    const object = JSON.parse(event.payload).data.object;
    expect(object.presentment_details.presentment_currency).toBe('usd');
    expect(
      (await json(await deliverSigned(owner.tenantId, event.payload, setup.keys.webhookSecret))).outcome,
    ).toBe('paid');
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({ status: 'paid', currency: 'EUR' });
  });

  it('an event rendered for an older API version is re-read from Stripe at the pinned one and applied', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const event = await completeCheckout(sessionId, 'paid', {
      presentment: { currency: 'usd', amount: Math.round(setup.invoice.total * 1.08) },
      api_version: '2024-06-20',
    });
    const old = JSON.parse(event.payload);
    // What an older endpoint gets: the customer's currency up front, the session's aside.
    expect(old).toMatchObject({ api_version: '2024-06-20', data: { object: { currency: 'usd' } } });
    expect(old.data.object.currency_conversion).toMatchObject({ source_currency: 'eur' });
    const before = (await fakeRequests()).length;
    const res = await json(await deliverSigned(owner.tenantId, event.payload, setup.keys.webhookSecret));
    expect(res.outcome).toBe('paid');
    const reads = (await fakeRequests()).slice(before);
    expect(reads.map((r) => `${r.method} ${r.path}`)).toContain(`GET /v1/checkout/sessions/${sessionId}`);
    expect(await invoiceOf(owner, setup.invoice.id)).toMatchObject({
      status: 'paid',
      amountPaid: setup.invoice.total,
    });
  });

  it('a legacy session with currency_conversion at the pinned version is read from its source amounts', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const event = await completeCheckout(sessionId, 'paid');
    const e = JSON.parse(event.payload);
    const o = e.data.object;
    o.currency_conversion = {
      amount_subtotal: o.amount_total,
      amount_total: o.amount_total,
      fx_rate: '1.08',
      source_currency: 'eur',
    };
    o.currency = 'usd';
    o.amount_total = Math.round(o.amount_total * 1.08);
    e.id = 'evt_legacy_adaptive';
    expect(
      (await json(await deliverSigned(owner.tenantId, JSON.stringify(e), setup.keys.webhookSecret))).outcome,
    ).toBe('paid');
    expect((await invoiceOf(owner, setup.invoice.id)).status).toBe('paid');
  });

  it('GET /settings/stripe reports the pinned API version for the webhook endpoint', async () => {
    const owner = await signUp();
    await payableInvoice(owner);
    const settings = await json(await call('/settings/stripe', { as: owner }));
    expect(settings.apiVersion).toBe('2026-10-28.endive');
    expect(settings.events).toEqual(
      expect.arrayContaining(['charge.dispute.created', 'charge.dispute.closed']),
    );
  });
});
