import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Caller, call, json, line, problemOf, signUp } from './helpers/api';
import {
  anotherSession,
  captureLogs,
  checkout,
  completeCheckout,
  deliver,
  deliverSigned,
  invoiceOf,
  openDispute,
  payableInvoice,
  refund,
  signature,
} from './helpers/stripe';

/**
 * Properly signed events whose content is not what Stripe sends. The signature proves the
 * sender, not the shape: each must be a 400 problem with nothing written and a logged reason.
 */

/** Everything a webhook can write for a business, to compare before and after a refusal. */
async function stateOf(tenantId: string) {
  const rows = async (sql: string) => (await env.DB.prepare(sql).bind(tenantId).all()).results;
  return {
    events: await rows('SELECT * FROM stripe_events WHERE tenant_id = ? ORDER BY id'),
    payments: await rows('SELECT * FROM payments WHERE tenant_id = ? ORDER BY id'),
    sessions: await rows('SELECT * FROM checkout_sessions WHERE tenant_id = ? ORDER BY id'),
    documents: await rows(
      'SELECT id, status, amount_paid, updated_at FROM documents WHERE tenant_id = ? ORDER BY id',
    ),
    emails: await rows('SELECT id FROM emails WHERE tenant_id = ? ORDER BY id'),
  };
}

const now = () => Math.floor(Date.now() / 1000);

/** A paid checkout event for a €10.00 invoice, delivered nowhere yet. */
async function pendingPaidEvent(owner: Caller) {
  const setup = await payableInvoice(owner, { lines: [line({ unitPrice: 1000, taxRate: 0 })] });
  expect(setup.invoice.total).toBe(1000);
  const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
  const event = await completeCheckout(sessionId, 'paid');
  return { ...setup, sessionId, event, object: JSON.parse(event.payload) };
}

async function expectRefusedUnchanged(
  owner: Caller,
  secret: string,
  payload: string,
  header?: string,
): Promise<string[]> {
  const before = await stateOf(owner.tenantId);
  const logs = captureLogs();
  const res = header
    ? await deliver(owner.tenantId, payload, header)
    : await deliverSigned(owner.tenantId, payload, secret);
  vi.restoreAllMocks();
  expect(res.status, payload.slice(0, 200)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await json(res)).status).toBe(400);
  expect(await stateOf(owner.tenantId)).toEqual(before);
  const warnings = logs.filter((l) => l.includes('stripe-webhook'));
  expect(warnings.length, 'a logged reason').toBeGreaterThan(0);
  for (const l of logs) expect(l).not.toContain(secret);
  return warnings;
}

/** Each test pays through the Stripe stand-in first; on a busy machine that takes seconds. */
vi.setConfig({ testTimeout: 30_000 });

describe('signed events are parsed, not trusted', () => {
  afterEach(() => vi.restoreAllMocks());

  it('amount_total "1e3" is refused, never applied as €10.00', async () => {
    const owner = await signUp();
    const { event, object, keys, invoice } = await pendingPaidEvent(owner);
    object.data.object.amount_total = '1e3';
    const [why] = await expectRefusedUnchanged(owner, keys.webhookSecret, JSON.stringify(object));
    expect(why).toContain('amount_total');
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ amountPaid: 0 });
    // The genuine event still applies.
    const ok = await deliverSigned(owner.tenantId, event.payload, keys.webhookSecret);
    expect(await json(ok)).toMatchObject({ outcome: 'paid' });
  });

  it.each([
    ['a fractional amount', (o: any) => (o.data.object.amount_total = 1000.5)],
    ['a negative amount', (o: any) => (o.data.object.amount_total = -1000)],
    ['an amount beyond safe integers', (o: any) => (o.data.object.amount_total = 2 ** 60)],
    ['a boolean amount', (o: any) => (o.data.object.amount_total = true)],
    ['a currency that is not three letters', (o: any) => (o.data.object.currency = 'euro')],
    ['a numeric currency', (o: any) => (o.data.object.currency = 978)],
    ['an unknown payment status', (o: any) => (o.data.object.payment_status = 'maybe')],
    ['metadata that is a list', (o: any) => (o.data.object.metadata = ['ten_x'])],
    ['metadata with a non-string value', (o: any) => (o.data.object.metadata.invoiceId = { $ne: null })],
    ['a numeric payment intent', (o: any) => (o.data.object.payment_intent = 42)],
    ['a session without id', (o: any) => delete o.data.object.id],
    ['data.object: null', (o: any) => (o.data.object = null)],
    ['data.object a string', (o: any) => (o.data.object = 'cs_test')],
    ['no data', (o: any) => delete o.data],
    ['no id', (o: any) => delete o.id],
    ['a numeric id', (o: any) => (o.id = 12345)],
  ])('%s → 400, nothing written', async (_, mutate) => {
    const owner = await signUp();
    const { object, keys } = await pendingPaidEvent(owner);
    mutate(object);
    await expectRefusedUnchanged(owner, keys.webhookSecret, JSON.stringify(object));
  });

  it('a JSON array, a 5 000-deep array, a bare string and broken JSON → 400, nothing written', async () => {
    const owner = await signUp();
    const { event, keys } = await pendingPaidEvent(owner);
    for (const payload of [
      `[${event.payload}]`,
      '[]',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `{"id":"evt_deep","type":"checkout.session.completed","data":{"object":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
      '"checkout.session.completed"',
      'null',
      '{"id":',
    ]) {
      await expectRefusedUnchanged(owner, keys.webhookSecret, payload);
    }
  });

  it('an event type we do not act on still needs an id and an object', async () => {
    const owner = await signUp();
    const { keys } = await pendingPaidEvent(owner);
    const other = { id: 'evt_other', type: 'customer.created', data: { object: { id: 'cus_1' } } };
    const ok = await deliverSigned(owner.tenantId, JSON.stringify(other), keys.webhookSecret);
    expect(await json(ok)).toMatchObject({ outcome: 'ignored' });
    await expectRefusedUnchanged(
      owner,
      keys.webhookSecret,
      JSON.stringify({ ...other, id: 'evt_other2', data: { object: null } }),
    );
  });

  it('a refund without currency (or with a fractional refunded amount) → 400, the payment untouched', async () => {
    const owner = await signUp();
    const { event, keys, invoice } = await pendingPaidEvent(owner);
    await deliverSigned(owner.tenantId, event.payload, keys.webhookSecret);
    const paid = await invoiceOf(owner, invoice.id);
    expect(paid.status).toBe('paid');
    const pi = JSON.parse(event.payload).data.object.payment_intent as string;
    const r = await refund(pi, 500);
    const noCurrency = JSON.parse(r.payload);
    delete noCurrency.data.object.currency;
    await expectRefusedUnchanged(owner, keys.webhookSecret, JSON.stringify(noCurrency));
    const fractional = JSON.parse(r.payload);
    fractional.data.object.amount_refunded = '500';
    await expectRefusedUnchanged(owner, keys.webhookSecret, JSON.stringify(fractional));
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', amountPaid: 1000 });
    // The genuine refund still applies.
    expect(await json(await deliverSigned(owner.tenantId, r.payload, keys.webhookSecret))).toMatchObject({
      outcome: 'refund',
    });
  });
});

describe('signature timestamps: five minutes either way', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['a year ahead', 365 * 24 * 3600],
    ['six minutes ahead', 360],
    ['six minutes ago', -360],
  ])('signed %s → 400, nothing written', async (_, offset) => {
    const owner = await signUp();
    const { event, keys } = await pendingPaidEvent(owner);
    const header = await signature(event.payload, keys.webhookSecret, now() + offset);
    const [why] = await expectRefusedUnchanged(owner, keys.webhookSecret, event.payload, header);
    expect(why).toMatch(/timestamp|too old/);
  });

  it('a header with two timestamps, or one that is not a number → 400', async () => {
    const owner = await signUp();
    const { event, keys } = await pendingPaidEvent(owner);
    const header = await signature(event.payload, keys.webhookSecret);
    const t = /t=(\d+)/.exec(header)![1];
    await expectRefusedUnchanged(
      owner,
      keys.webhookSecret,
      event.payload,
      `${header},t=${Number(t) + 86400}`,
    );
    await expectRefusedUnchanged(
      owner,
      keys.webhookSecret,
      event.payload,
      header.replace(`t=${t}`, `t=${t}.5`),
    );
  });

  it('signed four minutes ahead or behind is still accepted', async () => {
    for (const offset of [240, -240]) {
      const owner = await signUp();
      const { event, keys } = await pendingPaidEvent(owner);
      const header = await signature(event.payload, keys.webhookSecret, now() + offset);
      const res = await deliver(owner.tenantId, event.payload, header);
      expect(await json(res)).toMatchObject({ outcome: 'paid' });
    }
  });
});

/** A paid invoice (€10.00) with its PaymentIntent, the event already applied. */
async function paidInvoice(owner: Caller) {
  const setup = await pendingPaidEvent(owner);
  await deliverSigned(owner.tenantId, setup.event.payload, setup.keys.webhookSecret);
  return { ...setup, pi: setup.object.data.object.payment_intent as string };
}

describe('Stripe events beyond the signature', () => {
  it('a live-mode event to a test-mode business is acknowledged, logged and applies nothing', async () => {
    const owner = await signUp();
    const { event, keys, invoice } = await pendingPaidEvent(owner);
    const live = JSON.parse(event.payload);
    live.livemode = true;
    live.id = `${live.id}_live`;
    const before = await stateOf(owner.tenantId);
    const logs = captureLogs();
    const res = await deliverSigned(owner.tenantId, JSON.stringify(live), keys.webhookSecret);
    vi.restoreAllMocks();
    // 200, not 400: a retry cannot change the event's mode (see webhooks.ts).
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ outcome: 'ignored' });
    expect(logs.some((l) => l.includes('live-mode event, test-mode keys'))).toBe(true);
    const after = await stateOf(owner.tenantId);
    expect(after.payments).toEqual(before.payments);
    expect(after.documents).toEqual(before.documents);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect((await invoiceOf(owner, invoice.id)).status).toBe('sent');
    // The genuine test-mode event still pays the invoice.
    expect(await json(await deliverSigned(owner.tenantId, event.payload, keys.webhookSecret))).toMatchObject({
      outcome: 'paid',
    });
  });

  it('an event of another API version whose object Stripe does not have → 400 (no retry can find it), nothing applied', async () => {
    const owner = await signUp();
    const { event, keys, invoice } = await pendingPaidEvent(owner);
    const old = JSON.parse(event.payload);
    old.api_version = '2024-06-20';
    old.data.object.id = 'cs_test_unknown_to_stripe';
    const before = await stateOf(owner.tenantId);
    const res = await deliverSigned(owner.tenantId, JSON.stringify(old), keys.webhookSecret);
    expect(res.status).toBe(400);
    expect(await stateOf(owner.tenantId)).toEqual(before);
    expect((await invoiceOf(owner, invoice.id)).status).toBe('sent');
  });

  it('a dispute with a malformed amount → 400, the invoice stays paid', async () => {
    const owner = await signUp();
    const { keys, pi, invoice } = await paidInvoice(owner);
    const [created] = (await openDispute(pi)).events;
    const bad = JSON.parse(created!.payload);
    bad.data.object.amount = '1000';
    await expectRefusedUnchanged(owner, keys.webhookSecret, JSON.stringify(bad));
    expect((await invoiceOf(owner, invoice.id)).status).toBe('paid');
  });

  it('a dispute in another currency than the payment is flagged, not applied', async () => {
    const owner = await signUp();
    const { keys, pi, invoice } = await paidInvoice(owner);
    const [created] = (await openDispute(pi)).events;
    const other = JSON.parse(created!.payload);
    other.data.object.currency = 'usd';
    const res = await json(await deliverSigned(owner.tenantId, JSON.stringify(other), keys.webhookSecret));
    expect(res.outcome).toBe('mismatch');
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', dispute: null });
  });

  it('a dispute on another business’s charge changes nothing here', async () => {
    const victim = await signUp();
    const attacker = await signUp();
    const theirs = await paidInvoice(victim);
    const mine = await pendingPaidEvent(attacker);
    const [created] = (await openDispute(theirs.pi)).events;
    // Delivered (signed with its own secret) to a business whose payments do not hold it.
    const res = await json(await deliverSigned(attacker.tenantId, created!.payload, mine.keys.webhookSecret));
    expect(res.outcome).toBe('ignored');
    expect((await invoiceOf(victim, theirs.invoice.id)).status).toBe('paid');
    expect(
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM stripe_disputes').first<{ n: number }>())?.n,
    ).toBe(0);
  });
});

describe('Refunding a client credit: refusals', () => {
  async function withCredit(owner: Caller) {
    const setup = await pendingPaidEvent(owner);
    await deliverSigned(owner.tenantId, setup.event.payload, setup.keys.webhookSecret);
    const second = await anotherSession(setup.keys, owner, setup.invoice);
    const paid = await completeCheckout(second, 'paid');
    expect(
      (await json(await deliverSigned(owner.tenantId, paid.payload, setup.keys.webhookSecret))).outcome,
    ).toBe('credit');
    const [credit] = (await json(await call(`/clients/${setup.client.id}/credits`, { as: owner }))).data;
    return { ...setup, credit, pi: JSON.parse(paid.payload).data.object.payment_intent as string };
  }
  const refundCredit = (owner: Caller, clientId: string, creditId: string) =>
    call(`/clients/${clientId}/credits/${creditId}/refund`, {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });

  it('Stripe refuses (the charge was refunded meanwhile in its dashboard) → 409 naming why, the credit stays', async () => {
    const owner = await signUp();
    const { client, credit, pi } = await withCredit(owner);
    await refund(pi); // the whole charge, from Stripe's dashboard
    const res = await refundCredit(owner, client.id, credit.id);
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/Stripe refused the refund: .*greater than unrefunded/);
    const [after] = (await json(await call(`/clients/${client.id}/credits`, { as: owner }))).data;
    expect(after).toMatchObject({ state: 'open', refundId: null });
  });

  it('another client’s or another business’s credit → 404, nothing sent to Stripe', async () => {
    const owner = await signUp();
    const { credit, client } = await withCredit(owner);
    const stranger = await signUp();
    expect((await refundCredit(stranger, client.id, credit.id)).status).toBe(404);
    const { client: other } = await payableInvoice(owner);
    expect((await refundCredit(owner, other.id, credit.id)).status).toBe(404);
    const [still] = (await json(await call(`/clients/${client.id}/credits`, { as: owner }))).data;
    expect(still.state).toBe('open');
  });
});
