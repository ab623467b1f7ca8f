import { describe, expect, it } from 'vitest';
import { createClient, createInvoice, json, sendInvoice, signUp } from './helpers/api';
import { portalCookie } from './helpers/portal';
import {
  checkout,
  checkoutRequests,
  completeCheckout,
  connectStripe,
  deliverSigned,
  fakeRequests,
  onlineStates,
  payableInvoice,
  startPay,
} from './helpers/stripe';

describe('Pay now and expiry events stay within one client and one business', () => {
  it('another client’s invoice is 404: its open session is neither handed out nor expired, and Stripe is not called', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { invoice, cookie } = await payableInvoice(owner);
    const theirs = await checkout(cookie, invoice.id);
    // A second client of the same business, signed into the portal.
    const other = await createClient(owner, { email: 'other.client@example.com' });
    await sendInvoice(owner, (await createInvoice(owner, other.id)).id);
    const otherCookie = await portalCookie(owner, other.id);
    for (const lang of ['en', 'ja']) {
      const res = await startPay(`${otherCookie}; clientele_lang=${lang}`, invoice.id);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(theirs.clientSecret);
    }
    // Another business's client cannot reach it either.
    const stranger = await signUp();
    await connectStripe(stranger);
    const strangerClient = await createClient(stranger, { email: 'stranger@example.com' });
    const strangerCookie = await portalCookie(stranger, strangerClient.id);
    expect((await startPay(strangerCookie, invoice.id)).status).toBe(404);
    // Their session was never retrieved or expired at Stripe, and no other was created.
    expect((await fakeRequests()).filter((r) => r.path.includes(theirs.sessionId))).toEqual([]);
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: theirs.sessionId, state: 'open' }]);
    expect(await checkoutRequests(invoice.id)).toHaveLength(1);
  });

  it('an expired event never undoes a paid session, and one naming another business’s invoice changes nothing', {
    timeout: 20_000,
  }, async () => {
    const owner = await signUp();
    const { invoice, cookie, keys } = await payableInvoice(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    const paid = await completeCheckout(sessionId, 'paid');
    await deliverSigned(owner.tenantId, paid.payload, keys.webhookSecret);
    const late = JSON.parse(paid.payload);
    late.id = `evt_late_${crypto.randomUUID().slice(0, 8)}`;
    late.type = 'checkout.session.expired';
    late.data.object.status = 'expired';
    const res = await deliverSigned(owner.tenantId, JSON.stringify(late), keys.webhookSecret);
    expect(res.status).toBe(200);
    expect(await onlineStates(owner, invoice.id)).toEqual([{ id: sessionId, state: 'paid' }]);

    // Nor a bank debit still settling: it keeps blocking a second payment until it ends.
    const debit = await payableInvoice(owner);
    const settling = await checkout(debit.cookie, debit.invoice.id);
    const started = await completeCheckout(settling.sessionId, 'unpaid');
    await deliverSigned(owner.tenantId, started.payload, debit.keys.webhookSecret);
    const expiry = JSON.parse(started.payload);
    expiry.id = `evt_expiry_${crypto.randomUUID().slice(0, 8)}`;
    expiry.type = 'checkout.session.expired';
    expiry.data.object.status = 'expired';
    expect(
      (await deliverSigned(owner.tenantId, JSON.stringify(expiry), debit.keys.webhookSecret)).status,
    ).toBe(200);
    expect(await onlineStates(owner, debit.invoice.id)).toEqual([
      { id: settling.sessionId, state: 'processing' },
    ]);
    expect((await startPay(debit.cookie, debit.invoice.id)).status).toBe(409);

    // Another business replays the first one's session as its own expired event.
    const other = await signUp();
    const otherKeys = await connectStripe(other);
    const open = await payableInvoice(owner);
    const openSession = await checkout(open.cookie, open.invoice.id);
    const foreign = JSON.parse(paid.payload);
    foreign.id = `evt_foreign_${crypto.randomUUID().slice(0, 8)}`;
    foreign.type = 'checkout.session.expired';
    foreign.data.object.id = openSession.sessionId;
    foreign.data.object.metadata = {
      tenantId: owner.tenantId,
      invoiceId: open.invoice.id,
      clientId: open.client.id,
    };
    const answer = await deliverSigned(other.tenantId, JSON.stringify(foreign), otherKeys.webhookSecret);
    expect(await json(answer)).toMatchObject({ outcome: 'ignored' });
    expect(await onlineStates(owner, open.invoice.id)).toEqual([
      { id: openSession.sessionId, state: 'open' },
    ]);
  });
});
