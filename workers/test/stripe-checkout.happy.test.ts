import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { STRIPE_JS_URL, Stripe } from '../services/stripe/client';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  pay,
  sendInvoice,
  signUp,
} from './helpers/api';
import { portal, portalCookie } from './helpers/portal';
import {
  checkout,
  checkoutRequests,
  completeCheckout,
  deliverSigned,
  fakeRequests,
  intentOf,
  invoiceOf,
  lapseCheckout,
  onlineStates,
  payableInvoice,
  runCron,
  settleIntent,
  startPay,
  stripeFor,
  testKeys,
} from './helpers/stripe';

/** A CSP header as directive → sources. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  ) as Record<string, string[] | undefined>;

/**
 * Two invoices of one business (two clients, one Stripe account), each with a bank debit
 * started at Checkout and still settling: its webhook says completed but unpaid.
 */
async function twoSettlingDebits(owner: Caller) {
  const one = await payableInvoice(owner);
  const s1 = await checkout(one.cookie, one.invoice.id);
  const started1 = await completeCheckout(s1.sessionId, 'unpaid');
  await deliverSigned(owner.tenantId, started1.payload, one.keys.webhookSecret);
  const other = await issuedInvoice(
    owner,
    {},
    { email: `second.${crypto.randomUUID().slice(0, 8)}@example.com` },
  );
  const two = { invoice: other.invoice, cookie: await portalCookie(owner, other.client.id) };
  const s2 = await checkout(two.cookie, two.invoice.id);
  const started2 = await completeCheckout(s2.sessionId, 'unpaid');
  await deliverSigned(owner.tenantId, started2.payload, one.keys.webhookSecret);
  return { one, s1, started1, two, s2, started2 };
}

describe('Pay now (embedded Checkout)', () => {
  it('creates a session for the amount due, in the invoice currency, with metadata and an idempotency key', async () => {
    const owner = await signUp();
    const { client, invoice, cookie, keys } = await payableInvoice(owner, { currency: 'EUR' });
    await pay(owner, invoice.id, 2000);
    const due = invoice.total - 2000;
    const started = await checkout(cookie, invoice.id);
    expect(started.clientSecret).toMatch(/^cs_test_.+_secret_/);
    expect(started.publishableKey).toBe(keys.publishableKey);
    const req = (await fakeRequests()).find(
      (r) => r.path === '/v1/checkout/sessions' && r.body.metadata?.invoiceId === invoice.id,
    );
    // The first attempt, and a hash of every parameter sent.
    expect(req?.idempotencyKey).toMatch(new RegExp(`^checkout:${invoice.id}:0:[0-9a-f]{48}$`));
    expect(req?.body).toMatchObject({
      mode: 'payment',
      ui_mode: 'embedded_page',
      customer_email: client.email,
      metadata: { tenantId: owner.tenantId, invoiceId: invoice.id, clientId: client.id },
      payment_intent_data: {
        metadata: { tenantId: owner.tenantId, invoiceId: invoice.id, clientId: client.id },
      },
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'eur',
            unit_amount: String(due),
            product_data: { name: `Invoice ${invoice.number}` },
          },
        },
      ],
    });
    expect(req?.body.return_url).toBe(
      `https://app.clientele.test/portal/invoices/${invoice.id}/payment?session_id={CHECKOUT_SESSION_ID}`,
    );
    // A second click gets the same session (same key), not a second one.
    const again = await checkout(cookie, invoice.id);
    expect(again.sessionId).toBe(started.sessionId);
  });

  it('JPY is sent as is (zero-decimal on both sides)', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner, {
      currency: 'JPY',
      lines: [{ description: 'コンサルティング', quantity: 1, unitPrice: 125800, taxRate: 10 }],
    });
    const { sessionId } = await checkout(cookie, invoice.id);
    const req = (await fakeRequests()).find((r) => r.body.metadata?.invoiceId === invoice.id);
    expect(req?.body.line_items[0].price_data).toMatchObject({
      currency: 'jpy',
      unit_amount: String(invoice.total),
    });
    expect(sessionId).toMatch(/^cs_test_/);
  });

  it('a three-decimal amount Stripe cannot take is refused with a clear message', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner, {
      currency: 'KWD',
      lines: [{ description: 'Audit', quantity: 1, unitPrice: 12345, taxRate: 0 }],
    });
    const res = await startPay(cookie, invoice.id);
    expect(res.status).toBe(409);
    expect((await json(res)).detail).toMatch(/steps of 0\.010/);
  });

  it('already paid or void → 409; another client’s invoice → 404; no Stripe → 409 and no button', async () => {
    const owner = await signUp();
    const { invoice, cookie, client } = await payableInvoice(owner);
    await pay(owner, invoice.id, invoice.total);
    expect((await startPay(cookie, invoice.id)).status).toBe(409);

    const other = await createClient(owner, { name: 'Other' });
    const otherInvoice = await sendInvoice(owner, (await createInvoice(owner, other.id)).id);
    expect((await startPay(cookie, otherInvoice.id)).status).toBe(404);
    const voided = await sendInvoice(owner, (await createInvoice(owner, client.id)).id);
    await call(`/invoices/${voided.id}/void`, { method: 'POST', as: owner });
    expect((await startPay(cookie, voided.id)).status).toBe(409);

    const plain = await signUp();
    const c = await createClient(plain, { email: 'x@example.com' });
    const inv = await sendInvoice(plain, (await createInvoice(plain, c.id)).id);
    const plainCookie = await portalCookie(plain, c.id);
    const page = await (await portal(`/invoices/${inv.id}`, plainCookie)).text();
    expect(page).not.toContain('/pay"');
    expect((await startPay(plainCookie, inv.id)).status).toBe(409);
  });

  it('needs a portal session, and refuses a call from another site', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    const anonymous = await portal(`/invoices/${invoice.id}/pay`, null, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(anonymous.status).toBe(401);
    const crossSite = await startPay(cookie, invoice.id, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('the invoice page offers Pay now; the payment page loads Stripe.js under a policy opened only there', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const page = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(page).toContain(`href="/portal/invoices/${invoice.id}/pay"`);
    const invoiceCsp = (await portal(`/invoices/${invoice.id}`, cookie)).headers.get(
      'content-security-policy',
    );
    expect(invoiceCsp).not.toContain('frame-src');

    const res = await portal(`/invoices/${invoice.id}/pay`, cookie);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    const local = new URL(env.STRIPE_JS_URL as string).origin;
    // Stripe's security guide for Stripe.js and Checkout, exactly, plus the local stand-in.
    expect(csp['script-src']?.slice(1)).toEqual([
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://checkout.stripe.com',
      'https://maps.googleapis.com',
      local,
    ]);
    expect(csp['script-src']?.[0]).toMatch(/^'nonce-[^']+'$/);
    expect(csp['frame-src']).toEqual([
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://hooks.stripe.com',
      'https://checkout.stripe.com',
      local,
    ]);
    expect(csp['connect-src']).toEqual([
      "'self'",
      'https://api.stripe.com',
      'https://checkout.stripe.com',
      'https://maps.googleapis.com',
      local,
    ]);
    expect(csp['img-src']).toEqual(["'self'", 'https://*.stripe.com', local]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'none'"]);
    // Pop-up payment methods must be able to talk back to the page.
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    const html = await res.text();
    expect(html).toContain(`data-key="${keys.publishableKey}"`);
    expect(html).toMatch(/<script nonce="[^"]+" src="http:\/\/127\.0\.0\.1:\d+\/endive\/stripe\.js"/);
    // Outside local runs: Stripe.js of the pinned API's release at its versioned address (the
    // pattern @stripe/stripe-js accepts), never the moving /v3/.
    // Written out, not derived as the code does: an SDK upgrade to another release shows here.
    expect(Stripe.API_VERSION).toBe('2026-10-28.endive');
    expect(STRIPE_JS_URL).toBe('https://js.stripe.com/endive/stripe.js');
    expect(STRIPE_JS_URL).toMatch(/^https:\/\/js\.stripe\.com\/[a-z]+\/stripe\.js$/);
    // Today's Stripe.js: the old initEmbeddedCheckout throws an IntegrationError.
    expect(html).toContain('stripe.createEmbeddedCheckoutPage(');
    expect(html).not.toContain('initEmbeddedCheckout');
  });

  it('a repeated Pay now with the same parameters hands back the open session without creating another', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    const first = await checkout(cookie, invoice.id);
    const second = await checkout(cookie, invoice.id);
    expect(second).toEqual(first);
    expect(await checkoutRequests(invoice.id)).toHaveLength(1);
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: first.sessionId, state: 'open' }]);
  });

  it('switching the portal language opens a new session (no 502) and expires the older open one first', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const english = await checkout(cookie, invoice.id);
    const res = await startPay(`${cookie}; clientele_lang=it`, invoice.id);
    expect(res.status).toBe(200);
    const italian = await json<{ sessionId: string }>(res);
    expect(italian.sessionId).not.toBe(english.sessionId);
    const [a, b] = await checkoutRequests(invoice.id);
    expect(a?.body.locale).toBe('en');
    expect(b?.body.locale).toBe('it');
    expect(b?.body.line_items[0].price_data.product_data.name).toBe(`Fattura ${invoice.number}`);
    expect(b?.idempotencyKey).not.toBe(a?.idempotencyKey);
    // The English session can no longer be paid: Stripe holds it expired, and so do we.
    const expireCall = (await fakeRequests()).find(
      (r) => r.path === `/v1/checkout/sessions/${english.sessionId}/expire`,
    );
    expect(expireCall?.method).toBe('POST');
    const atStripe = await stripeFor(keys.secretKey).checkout.sessions.retrieve(english.sessionId);
    expect(atStripe.status).toBe('expired');
    expect(await onlineStates(owner, invoice.id)).toEqual([
      { id: italian.sessionId, state: 'open' },
      { id: english.sessionId, state: 'expired' },
    ]);
  });

  it('two Pay now at the same moment in two languages leave one payable session, never two', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const [en, it] = await Promise.all([
      startPay(cookie, invoice.id),
      startPay(`${cookie}; clientele_lang=it`, invoice.id),
    ]);
    expect([en.status, it.status]).toEqual([200, 200]);
    const ids = [
      (await json<{ sessionId: string }>(en)).sessionId,
      (await json<{ sessionId: string }>(it)).sessionId,
    ];
    const atStripe = await Promise.all(
      ids.map((id) => stripeFor(keys.secretKey).checkout.sessions.retrieve(id)),
    );
    // The later request saw the earlier one's session and expired it before opening its own.
    expect(atStripe.map((s) => s.status).sort()).toEqual(['expired', 'open']);
    const states = await onlineStates(owner, invoice.id);
    expect(states.filter((s) => s.state === 'open')).toHaveLength(1);
    expect(states).toHaveLength(2);
  });

  it('a claim left by a request that died is taken over once its time has run out', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    await env.DB.prepare(
      'INSERT INTO checkout_claims (tenant_id, invoice_id, token, expires_at) VALUES (?, ?, ?, ?)',
    )
      .bind(owner.tenantId, invoice.id, 'a-request-that-died', Date.now() + 1_500)
      .run();
    const started = await checkout(cookie, invoice.id);
    expect(started.sessionId).toMatch(/^cs_test_/);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM checkout_claims WHERE invoice_id = ?')
      .bind(invoice.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it('new keys or Disconnect first expire, on the old account, every session a client could still pay', async () => {
    for (const change of ['new keys', 'disconnect'] as const) {
      const owner = await signUp();
      const { invoice, cookie, keys } = await payableInvoice(owner);
      const open = await checkout(cookie, invoice.id);
      const res =
        change === 'new keys'
          ? await call('/settings/stripe', { method: 'PUT', body: testKeys(), as: owner })
          : await call('/settings/stripe', { method: 'DELETE', as: owner });
      expect(res.status, change).toBeLessThan(300);
      const atOldAccount = await stripeFor(keys.secretKey).checkout.sessions.retrieve(open.sessionId);
      expect(atOldAccount.status, change).toBe('expired');
      expect(await onlineStates(owner, invoice.id), change).toEqual([
        { id: open.sessionId, state: 'expired' },
      ]);
    }
  });

  it('a changed email also gets a new session (with the new address), never an idempotency error', async () => {
    const owner = await signUp();
    const { invoice, cookie, client } = await payableInvoice(owner);
    const before = await checkout(cookie, invoice.id);
    const changed = await call(`/clients/${client.id}`, {
      method: 'PATCH',
      body: { email: 'new.address@example.com' },
      as: owner,
    });
    expect(changed.status).toBe(200);
    const after = await checkout(cookie, invoice.id);
    expect(after.sessionId).not.toBe(before.sessionId);
    const [, second] = await checkoutRequests(invoice.id);
    expect(second?.body.customer_email).toBe('new.address@example.com');
    expect((await onlineStates(owner, invoice.id)).map((o) => o.state)).toEqual(['open', 'expired']);
  });

  it('a failed bank debit: the invoice page says so and Pay now opens a new session', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const first = await checkout(cookie, invoice.id);
    const started = await completeCheckout(first.sessionId, 'unpaid');
    await deliverSigned(owner.tenantId, started.payload, keys.webhookSecret);
    expect((await startPay(cookie, invoice.id)).status).toBe(409); // the debit is settling
    const failed = await completeCheckout(first.sessionId, 'async_failed');
    expect((await deliverSigned(owner.tenantId, failed.payload, keys.webhookSecret)).status).toBe(200);

    const page = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(page).toContain('data-last-attempt="failed"');
    expect(page).toContain('Your last payment did not go through. You can pay again.');
    expect(page).toContain(`href="/portal/invoices/${invoice.id}/pay"`);
    const again = await checkout(cookie, invoice.id);
    expect(again.sessionId).not.toBe(first.sessionId);
    const paid = await completeCheckout(again.sessionId, 'paid');
    await deliverSigned(owner.tenantId, paid.payload, keys.webhookSecret);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
  });

  it('an expired session (checkout.session.expired) frees the invoice: the page says so, Pay now opens a new one', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const first = await checkout(cookie, invoice.id);
    const expired = await lapseCheckout(first.sessionId);
    expect(expired.type).toBe('checkout.session.expired');
    const res = await deliverSigned(owner.tenantId, expired.payload, keys.webhookSecret);
    expect(await json(res)).toMatchObject({ outcome: 'expired' });
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: first.sessionId, state: 'expired' }]);
    const page = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(page).toContain('data-last-attempt="expired"');
    const returned = await (
      await portal(`/invoices/${invoice.id}/payment?session_id=${first.sessionId}`, cookie)
    ).text();
    expect(returned).toContain('data-payment-state="expired"');
    expect(returned).toContain(`href="/portal/invoices/${invoice.id}/pay"`);
    const again = await checkout(cookie, invoice.id);
    expect(again.sessionId).not.toBe(first.sessionId);
    // A second attempt: its own idempotency key.
    const [a, b] = await checkoutRequests(invoice.id);
    expect(a?.idempotencyKey).toMatch(new RegExp(`^checkout:${invoice.id}:0:`));
    expect(b?.idempotencyKey).toMatch(new RegExp(`^checkout:${invoice.id}:1:`));
  });

  it('reconciliation finds a session that expired without its webhook; Pay now then opens a new one', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    const first = await checkout(cookie, invoice.id);
    await lapseCheckout(first.sessionId); // event never delivered
    await runCron();
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: first.sessionId, state: 'expired' }]);
    const again = await checkout(cookie, invoice.id);
    expect(again.sessionId).not.toBe(first.sessionId);
  });

  it('reconciliation asks Stripe about processing debits: a succeeded PaymentIntent pays once, a failed one frees the invoice', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { one, s1, started1, two, s2, started2 } = await twoSettlingDebits(owner);

    // Nothing settled yet: the cron leaves both processing.
    await runCron();
    expect((await onlineStates(owner, one.invoice.id))[0]?.state).toBe('processing');

    // The async_payment_* webhooks are lost; only the PaymentIntents know.
    await settleIntent(intentOf(started1), 'succeeded');
    await settleIntent(intentOf(started2), 'requires_payment_method');
    await runCron();
    await runCron(); // a second tick changes nothing
    expect(await invoiceOf(owner, one.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    const paid = await json(await call(`/invoices/${one.invoice.id}/payments`, { as: owner }));
    expect(paid.data).toHaveLength(1);
    expect(paid.data[0]).toMatchObject({ source: 'stripe', reference: intentOf(started1) });
    expect(await onlineStates(owner, one.invoice.id)).toEqual([{ id: s1.sessionId, state: 'paid' }]);

    expect(await onlineStates(owner, two.invoice.id)).toEqual([{ id: s2.sessionId, state: 'failed' }]);
    expect((await invoiceOf(owner, two.invoice.id)).amountPaid).toBe(0);
    const again = await checkout(two.cookie, two.invoice.id);
    expect(again.sessionId).not.toBe(s2.sessionId);
  });

  it('a processing session Stripe no longer knows is skipped and logged; the ones after it still settle', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { one, s1, two, started2 } = await twoSettlingDebits(owner);
    // The first (oldest) row names a PaymentIntent the account does not have.
    await env.DB.prepare('UPDATE checkout_sessions SET payment_intent_id = ?, updated_at = 0 WHERE id = ?')
      .bind('pi_unknown_to_this_account', s1.sessionId)
      .run();
    await settleIntent(intentOf(started2), 'succeeded');
    const warn = vi.spyOn(console, 'warn');
    await runCron();
    expect(await invoiceOf(owner, two.invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    expect((await onlineStates(owner, one.invoice.id))[0]?.state).toBe('processing');
    expect(warn.mock.calls.flat().join('\n')).toContain('stripe reconcile skipped a processing session');
    warn.mockRestore();
  });
});
