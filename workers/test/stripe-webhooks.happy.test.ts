import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, json, signUp } from './helpers/api';
import { portal } from './helpers/portal';
import {
  captureLogs,
  checkout,
  completeCheckout,
  deliver,
  deliverSigned,
  invoiceOf,
  payableInvoice,
  signature,
} from './helpers/stripe';

const payments = async (tenantId: string, invoiceId: string) =>
  (
    await env.DB.prepare('SELECT * FROM payments WHERE tenant_id = ? AND invoice_id = ?')
      .bind(tenantId, invoiceId)
      .all()
  ).results;

const receipts = async (owner: Awaited<ReturnType<typeof signUp>>, invoiceId: string) =>
  (await json(await call('/emails', { as: owner }))).data.filter(
    (e: { kind: string; documentId: string }) => e.kind === 'receipt' && e.documentId === invoiceId,
  );

describe('Stripe webhooks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a paid checkout marks the invoice paid (source stripe, Stripe id kept) and queues a receipt', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    const event = await completeCheckout(sessionId, 'paid');
    const res = await deliverSigned(owner.tenantId, event.payload, keys.webhookSecret);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ received: true, outcome: 'paid', eventId: event.id });
    const after = await invoiceOf(owner, invoice.id);
    expect(after).toMatchObject({ status: 'paid', amountPaid: invoice.total, amountDue: 0 });
    const list = await json(await call(`/invoices/${invoice.id}/payments`, { as: owner }));
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ source: 'stripe', amount: invoice.total, refunded: 0 });
    expect(list.data[0]!.reference).toMatch(/^pi_/);
    expect(await receipts(owner, invoice.id)).toHaveLength(1);
    const online = await json(await call(`/invoices/${invoice.id}/online-payments`, { as: owner }));
    expect(online.data[0]).toMatchObject({ id: sessionId, state: 'paid', paymentId: list.data[0]!.id });
    // The return page now says so (it never did on the redirect alone).
    const page = await portal(`/invoices/${invoice.id}/payment?session_id=${sessionId}`, cookie);
    expect(await page.text()).toContain('data-payment-state="paid"');
  });

  it('before the webhook the return page says processing, and the status endpoint says open', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    await completeCheckout(sessionId, 'paid'); // paid at Stripe, webhook not delivered yet
    const page = await (
      await portal(`/invoices/${invoice.id}/payment?session_id=${sessionId}`, cookie)
    ).text();
    expect(page).toContain('data-payment-state="open"');
    expect(page).toContain('Processing your payment');
    const status = await portal(`/invoices/${invoice.id}/payment-status?session_id=${sessionId}`, cookie);
    expect(await json(status)).toEqual({ state: 'open' });
    expect((await invoiceOf(owner, invoice.id)).status).not.toBe('paid');
  });

  it('a bad or missing signature, the wrong secret, or a stale timestamp → 400 and nothing recorded', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    const event = await completeCheckout(sessionId, 'paid');
    const good = await signature(event.payload, keys.webhookSecret);
    const tampered = event.payload.replace(`"amount_total": ${invoice.total}`, '"amount_total": 1');
    const attempts = [
      await deliver(owner.tenantId, event.payload, null),
      await deliver(owner.tenantId, event.payload, 't=1,v1=deadbeef'),
      await deliver(owner.tenantId, tampered, good),
      await deliverSigned(owner.tenantId, event.payload, 'whsec_somebodyelse'),
      await deliver(
        owner.tenantId,
        event.payload,
        await signature(event.payload, keys.webhookSecret, Math.floor(Date.now() / 1000) - 3600),
      ),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await payments(owner.tenantId, invoice.id)).toHaveLength(0);
    const events = await env.DB.prepare('SELECT COUNT(*) AS n FROM stripe_events WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first<{ n: number }>();
    expect(events?.n).toBe(0);
    // A business without Stripe, and an id that is not a business: refused the same way.
    const plain = await signUp();
    expect((await deliverSigned(plain.tenantId, event.payload, keys.webhookSecret)).status).toBe(400);
    expect((await deliverSigned('ten_nope', event.payload, keys.webhookSecret)).status).toBe(404);
  });

  it('the same event 20 times at once and 100 times in sequence → one payment, one receipt', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    const event = await completeCheckout(sessionId, 'paid');
    const header = await signature(event.payload, keys.webhookSecret);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => deliver(owner.tenantId, event.payload, header)),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(200));
    const outcomes = await Promise.all(burst.map(async (r) => (await json(r)).outcome));
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1);
    for (let i = 0; i < 100; i++) {
      const res = await deliver(owner.tenantId, event.payload, header);
      expect((await json(res)).outcome).toBe('duplicate');
    }
    expect(await payments(owner.tenantId, invoice.id)).toHaveLength(1);
    expect(await receipts(owner, invoice.id)).toHaveLength(1);
    expect((await invoiceOf(owner, invoice.id)).amountPaid).toBe(invoice.total);
  });

  it('delayed method: completed (unpaid) → processing, then async succeeded → paid once', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    const completed = await completeCheckout(sessionId, 'unpaid');
    expect(
      (await json(await deliverSigned(owner.tenantId, completed.payload, keys.webhookSecret))).outcome,
    ).toBe('processing');
    expect((await invoiceOf(owner, invoice.id)).status).toBe('sent');
    const page = await (
      await portal(`/invoices/${invoice.id}/payment?session_id=${sessionId}`, cookie)
    ).text();
    expect(page).toContain('data-payment-state="processing"');
    // While it settles the portal does not offer a second payment.
    const invoicePage = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(invoicePage).not.toContain(`/portal/invoices/${invoice.id}/pay"`);

    const succeeded = await completeCheckout(sessionId, 'async_succeeded');
    await deliverSigned(owner.tenantId, succeeded.payload, keys.webhookSecret);
    // Out of order: the older "completed (unpaid)" again, signed anew, changes nothing.
    await deliverSigned(owner.tenantId, completed.payload, keys.webhookSecret);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    expect(await payments(owner.tenantId, invoice.id)).toHaveLength(1);
    const online = await json(await call(`/invoices/${invoice.id}/online-payments`, { as: owner }));
    expect(online.data[0]!.state).toBe('paid');
  });

  it('delayed method failing → not paid, visible to the business and the client', async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    await deliverSigned(
      owner.tenantId,
      (await completeCheckout(sessionId, 'unpaid')).payload,
      keys.webhookSecret,
    );
    const failed = await completeCheckout(sessionId, 'async_failed');
    expect(
      (await json(await deliverSigned(owner.tenantId, failed.payload, keys.webhookSecret))).outcome,
    ).toBe('failed');
    expect((await invoiceOf(owner, invoice.id)).status).toBe('sent');
    const online = await json(await call(`/invoices/${invoice.id}/online-payments`, { as: owner }));
    expect(online.data[0]).toMatchObject({ state: 'failed' });
    expect(online.data[0]!.problem).toMatch(/failed/);
    const page = await (
      await portal(`/invoices/${invoice.id}/payment?session_id=${sessionId}`, cookie)
    ).text();
    expect(page).toContain('data-payment-state="failed"');
    expect(page).toContain(`href="/portal/invoices/${invoice.id}/pay"`);
  });

  it('an amount or currency mismatch is flagged for the business and never marks the invoice paid', async () => {
    const owner = await signUp();
    for (const override of [{ amount_total: 100 }, { currency: 'usd' }]) {
      const { invoice, cookie, keys } = await payableInvoice(owner, { currency: 'EUR' });
      const { sessionId } = await checkout(cookie, invoice.id);
      const event = await completeCheckout(sessionId, 'paid', override);
      const res = await deliverSigned(owner.tenantId, event.payload, keys.webhookSecret);
      expect((await json(res)).outcome).toBe('mismatch');
      expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'sent', amountPaid: 0 });
      expect(await payments(owner.tenantId, invoice.id)).toHaveLength(0);
      const online = await json(await call(`/invoices/${invoice.id}/online-payments`, { as: owner }));
      expect(online.data[0]!.state).toBe('mismatch');
      expect(online.data[0]!.problem).toMatch(/not applied/);
    }
  });

  it("an event naming another business's invoice changes nothing there", async () => {
    const victim = await signUp();
    const { invoice: victimInvoice } = await payableInvoice(victim);
    const attacker = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(attacker);
    const { sessionId } = await checkout(cookie, invoice.id);
    const event = await completeCheckout(sessionId, 'paid');
    // The attacker controls its own signing secret, so it can sign anything it likes.
    const forged = event.payload
      .replaceAll(invoice.id, victimInvoice.id)
      .replaceAll(attacker.tenantId, victim.tenantId);
    const res = await deliverSigned(attacker.tenantId, forged, keys.webhookSecret);
    expect(res.status).toBe(200);
    expect((await json(res)).outcome).toBe('ignored');
    expect(await invoiceOf(victim, victimInvoice.id)).toMatchObject({ status: 'sent', amountPaid: 0 });
    expect(await payments(victim.tenantId, victimInvoice.id)).toHaveLength(0);
    // Nor does posting it to the victim's URL help: the victim's secret is not the attacker's.
    expect((await deliverSigned(victim.tenantId, forged, keys.webhookSecret)).status).toBe(400);
  });

  it('other event types are acknowledged with 200 and change nothing', async () => {
    const owner = await signUp();
    const { keys } = await payableInvoice(owner);
    const payload = JSON.stringify({
      id: 'evt_other_1',
      object: 'event',
      type: 'customer.created',
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    const res = await deliverSigned(owner.tenantId, payload, keys.webhookSecret);
    expect(res.status).toBe(200);
    expect((await json(res)).outcome).toBe('ignored');
  });

  it('no secret appears in any response or log line of the whole flow', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const bodies: string[] = [];
    const pay = await (await portal(`/invoices/${invoice.id}/pay`, cookie)).text();
    const { sessionId } = await checkout(cookie, invoice.id);
    const event = await completeCheckout(sessionId, 'paid');
    bodies.push(pay, await (await deliverSigned(owner.tenantId, event.payload, keys.webhookSecret)).text());
    bodies.push(await (await deliverSigned(owner.tenantId, event.payload, 'whsec_wrong')).text());
    bodies.push(await (await call('/settings/stripe', { as: owner })).text());
    bodies.push(await (await call(`/invoices/${invoice.id}/online-payments`, { as: owner })).text());
    for (const text of [...bodies, ...logs]) {
      expect(text).not.toContain(keys.secretKey);
      expect(text).not.toContain(keys.webhookSecret);
    }
  });
});
