import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Caller, json, line, signUp } from './helpers/api';
import {
  captureLogs,
  checkout,
  completeCheckout,
  deliver,
  deliverSigned,
  invoiceOf,
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
