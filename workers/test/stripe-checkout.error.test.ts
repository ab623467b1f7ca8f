import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, issuedInvoice, json, problemOf, signUp } from './helpers/api';
import { portal, portalCookie } from './helpers/portal';
import {
  advanceFakeClock,
  checkout,
  checkoutRequests,
  completeCheckout,
  connectStripe,
  fakeRequests,
  onlineStates,
  payableInvoice,
  type StripeKeys,
  startPay,
  stripeFor,
  testKeys,
} from './helpers/stripe';

/** An issued invoice of one line in `currency`, for a client of `language`, signed into the portal. */
async function invoiceIn(owner: Caller, currency: string, unitPrice: number, language = 'en') {
  const { client, invoice } = await issuedInvoice(
    owner,
    { currency, lines: [{ description: 'Service', quantity: 1, unitPrice, taxRate: 0 }] },
    { email: `c.${crypto.randomUUID().slice(0, 8)}@example.com`, language },
  );
  return { client, invoice, cookie: await portalCookie(owner, client.id) };
}

/** A session-create body as the product sends it, for poking the stand-in directly. */
const sessionParams = (unitAmount: number, currency = 'eur') => ({
  mode: 'payment' as const,
  ui_mode: 'embedded_page' as const,
  return_url: 'https://app.clientele.test/return',
  line_items: [
    { quantity: 1, price_data: { currency, unit_amount: unitAmount, product_data: { name: 'Invoice' } } },
  ],
});

describe('Pay now refusals (amount limits, sessions that cannot be replaced)', () => {
  it('EUR 0.10 is refused before Stripe is called: 422 in the client’s language, no button but a sentence why', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    await connectStripe(owner);
    const { invoice, cookie } = await invoiceIn(owner, 'EUR', 10, 'it');
    const res = await startPay(cookie, invoice.id);
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    // Money as Italian writes it (a no-break space before the sign).
    expect(problem.detail).toBe(
      '0,10\u00a0€ è inferiore all’importo minimo pagabile online in questa valuta (0,50\u00a0€); paga in un altro modo',
    );
    expect(problem.errors).toEqual([{ path: 'amountDue', message: problem.detail }]);
    // Never sent to Stripe (which would refuse it: see the stand-in's own refusal below).
    expect(await checkoutRequests(invoice.id)).toEqual([]);

    const page = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(page).not.toContain(`href="/portal/invoices/${invoice.id}/pay"`);
    expect(page).toContain('data-pay-limit');
    expect(page).toContain('inferiore a 0,50\u00a0€');
    // The payment page itself sends the client back to the invoice.
    const pay = await portal(`/invoices/${invoice.id}/pay`, cookie);
    expect(pay.status).toBe(303);
    expect(pay.headers.get('location')).toBe(`/portal/invoices/${invoice.id}`);
  });

  it('the minimum is Stripe’s for each currency: JPY 49 and EUR 0.30 refused, JPY 50 and GBP 0.30 accepted', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    await connectStripe(owner);
    const jpy49 = await invoiceIn(owner, 'JPY', 49);
    const jpy50 = await invoiceIn(owner, 'JPY', 50);
    const eur30 = await invoiceIn(owner, 'EUR', 30);
    const gbp30 = await invoiceIn(owner, 'GBP', 30);
    expect((await startPay(jpy49.cookie, jpy49.invoice.id)).status).toBe(422);
    expect((await startPay(eur30.cookie, eur30.invoice.id)).status).toBe(422);
    expect((await checkout(jpy50.cookie, jpy50.invoice.id)).sessionId).toMatch(/^cs_test_/);
    expect((await checkout(gbp30.cookie, gbp30.invoice.id)).sessionId).toMatch(/^cs_test_/);
    const refused = await problemOf(await startPay(jpy49.cookie, jpy49.invoice.id));
    expect(refused.detail).toContain('¥50');
  });

  it('above Stripe’s maximum (eight digits) is refused with 422, no Stripe call and no button', async () => {
    const owner = await signUp();
    await connectStripe(owner);
    const { invoice, cookie } = await invoiceIn(owner, 'USD', 100_000_000);
    const res = await startPay(cookie, invoice.id);
    expect(res.status).toBe(422);
    expect((await problemOf(res)).detail).toBe(
      '$1,000,000.00 is above the largest amount that can be paid online in this currency ($999,999.99); pay it another way',
    );
    expect(await checkoutRequests(invoice.id)).toEqual([]);
    const page = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(page).not.toContain(`href="/portal/invoices/${invoice.id}/pay"`);
    expect(page).toContain('above $999,999.99');
  });

  it('IDR takes twelve digits: Rp 50 000 000 is payable, where eight digits would refuse it', async () => {
    const owner = await signUp();
    await connectStripe(owner);
    const { invoice, cookie } = await invoiceIn(owner, 'IDR', 5_000_000_000);
    const res = await startPay(cookie, invoice.id);
    expect(res.status).toBe(200);
    const [sent] = await checkoutRequests(invoice.id);
    expect(sent).toBeDefined();
  });

  it('the stand-in refuses as Stripe does: below the minimum (amount_too_small), above eight digits (amount_too_large)', async () => {
    const stripe = stripeFor(testKeys().secretKey);
    await expect(stripe.checkout.sessions.create(sessionParams(10))).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_small',
      statusCode: 400,
    });
    await expect(stripe.checkout.sessions.create(sessionParams(100_000_000, 'usd'))).rejects.toMatchObject({
      code: 'amount_too_large',
    });
    await expect(stripe.checkout.sessions.create(sessionParams(50))).resolves.toMatchObject({
      status: 'open',
    });
  });

  it('the stand-in refuses a reused Idempotency-Key with other parameters (idempotency_error) for 24 hours, replays it with the same ones', async () => {
    const stripe = stripeFor(testKeys().secretKey);
    const idempotencyKey = `checkout:test:${crypto.randomUUID()}`;
    const first = await stripe.checkout.sessions.create(sessionParams(5000), { idempotencyKey });
    const replay = await stripe.checkout.sessions.create(sessionParams(5000), { idempotencyKey });
    expect(replay.id).toBe(first.id);
    await expect(
      stripe.checkout.sessions.create({ ...sessionParams(5000), locale: 'it' }, { idempotencyKey }),
    ).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      rawType: 'idempotency_error',
      statusCode: 400,
    });
    // Keys are kept 24 hours; a day later the same key is a new request.
    await advanceFakeClock(24 * 3600 + 1);
    try {
      const later = await stripe.checkout.sessions.create(
        { ...sessionParams(5000), locale: 'it' },
        { idempotencyKey },
      );
      expect(later.id).not.toBe(first.id);
    } finally {
      await advanceFakeClock(-(24 * 3600 + 1));
    }
    // A request refused for its parameters leaves the key free, as at Stripe.
    const otherKey = `checkout:test:${crypto.randomUUID()}`;
    await expect(
      stripe.checkout.sessions.create(sessionParams(10), { idempotencyKey: otherKey }),
    ).rejects.toThrow();
    await expect(
      stripe.checkout.sessions.create(sessionParams(5000), { idempotencyKey: otherKey }),
    ).resolves.toMatchObject({ status: 'open' });
  });

  it('the stand-in expires only open sessions (POST …/expire), with a checkout.session.expired event', async () => {
    const keys: StripeKeys = testKeys();
    const stripe = stripeFor(keys.secretKey);
    const open = await stripe.checkout.sessions.create(sessionParams(5000));
    const expired = await stripe.checkout.sessions.expire(open.id);
    expect(expired).toMatchObject({ id: open.id, status: 'expired' });
    await expect(stripe.checkout.sessions.expire(open.id)).rejects.toMatchObject({ statusCode: 400 });
    const done = await stripe.checkout.sessions.create(sessionParams(5000));
    await completeCheckout(done.id, 'paid');
    await expect(stripe.checkout.sessions.expire(done.id)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
    });
    await expect(stripe.checkout.sessions.expire('cs_test_nope')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a session completed at Stripe but not yet recorded cannot be expired: no second session, 409 "payment arriving"', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    const first = await checkout(cookie, invoice.id);
    await completeCheckout(first.sessionId, 'paid'); // its webhook has not arrived yet
    for (const lang of ['en', 'it']) {
      const res = await startPay(`${cookie}; clientele_lang=${lang}`, invoice.id);
      expect(res.status).toBe(409);
    }
    const problem = await problemOf(await startPay(cookie, invoice.id));
    expect(problem.detail).toBe(
      'A payment for this invoice was just completed and is being recorded; check again in a moment',
    );
    expect(await checkoutRequests(invoice.id)).toHaveLength(1);
    const expireCalls = (await fakeRequests()).filter(
      (r) => r.path === `/v1/checkout/sessions/${first.sessionId}/expire`,
    );
    expect(expireCalls).toHaveLength(1); // tried once (language switch), refused by Stripe
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: first.sessionId, state: 'open' }]);
  });

  it('while another request holds the invoice past the wait, Pay now answers 409 "being prepared" and calls no Stripe', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    await env.DB.prepare(
      'INSERT INTO checkout_claims (tenant_id, invoice_id, token, expires_at) VALUES (?, ?, ?, ?)',
    )
      .bind(owner.tenantId, invoice.id, 'another-request', Date.now() + 60_000)
      .run();
    const res = await startPay(cookie, invoice.id);
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toBe(
      'A payment for this invoice is being prepared in another window; try again in a moment',
    );
    expect(await checkoutRequests(invoice.id)).toHaveLength(0);
  });

  it('a payment completed at Stripe but not yet recorded stops new keys: 409, the old keys stay', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const first = await checkout(cookie, invoice.id);
    await completeCheckout(first.sessionId, 'paid'); // its webhook has not arrived yet
    const res = await call('/settings/stripe', { method: 'PUT', body: testKeys(), as: owner });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toBe(
      'A client’s payment was just completed on this Stripe account and is being recorded; try again in a minute',
    );
    const settings = await json<{ secretKeyLast4: string }>(await call('/settings/stripe', { as: owner }));
    expect(settings.secretKeyLast4).toBe(keys.secretKey.slice(-4));
  });
});
