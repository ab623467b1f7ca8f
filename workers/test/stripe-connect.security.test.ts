import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, json, problemOf, signUp, withApiKey } from './helpers/api';
import { checkout, completeCheckout, connectStripe, fakeRequests, invoiceOf } from './helpers/stripe';
import {
  answerOauth,
  connectEvent,
  connectedBusiness,
  connectPayable,
  deliverConnectSigned,
  oauthReturn,
  PLATFORM_SECRET_KEY,
  startLinkExisting,
  stripeAs,
} from './helpers/stripe-connect';
import { joinAs } from './helpers/team';

describe('Stripe Connect isolation', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an event for business A’s account never touches business B, even naming B’s invoice', async () => {
    const a = await signUp();
    const b = await signUp();
    const accountA = await connectedBusiness(a);
    const { invoice: invoiceB, cookie: cookieB } = await connectPayable(b);
    const { sessionId } = await checkout(cookieB, invoiceB.id);
    const paidB = JSON.parse((await completeCheckout(sessionId, 'paid')).payload);
    // The same session facts, but delivered as if they happened on A's account.
    const forged = JSON.stringify({ ...paidB, id: `${paidB.id}x`, account: accountA });
    const res = await deliverConnectSigned(forged);
    expect(res.status).toBe(200);
    expect((await json(res)).outcome).not.toBe('paid');
    expect((await invoiceOf(b, invoiceB.id)).status).not.toBe('paid');
    const rowsA = await env.DB.prepare('SELECT * FROM payments WHERE tenant_id = ?').bind(a.tenantId).all();
    expect(rowsA.results).toHaveLength(0);
  });

  it('a session made on one connected account is not found through another, nor without the header', async () => {
    const a = await signUp();
    const b = await signUp();
    const { invoice, cookie } = await connectPayable(a);
    const accountB = await connectedBusiness(b);
    const { sessionId } = await checkout(cookie, invoice.id);
    const platform = stripeAs(PLATFORM_SECRET_KEY);
    const viaB = await platform.checkout.sessions
      .retrieve(sessionId, {}, { stripeAccount: accountB })
      .catch((e: { statusCode?: number }) => e);
    expect(viaB).toMatchObject({ statusCode: 404 });
    const plain = await platform.checkout.sessions
      .retrieve(sessionId)
      .catch((e: { statusCode?: number }) => e);
    expect(plain).toMatchObject({ statusCode: 404 });
  });

  it('another platform’s key cannot act on our connected account (403 account_invalid)', async () => {
    const owner = await signUp();
    const accountId = await connectedBusiness(owner);
    const other = stripeAs('sk_test_someOtherPlatform0001');
    const refused = await other.checkout.sessions
      .list({ limit: 1 }, { stripeAccount: accountId })
      .catch((e: { statusCode?: number; code?: string }) => e);
    expect(refused).toMatchObject({ statusCode: 403, code: 'account_invalid' });
    const read = await other.accounts.retrieve(accountId).catch((e: { statusCode?: number }) => e);
    expect(read).toMatchObject({ statusCode: 404 });
  });

  it('an API key cannot start Connect; a deauthorisation for another business’s account leaves ours alone', async () => {
    const owner = await signUp();
    const key = await withApiKey(owner);
    expect((await call('/settings/stripe/connect', { method: 'POST', as: key })).status).toBe(403);
    const accountId = await connectedBusiness(owner);
    const other = await signUp();
    await connectStripe(other);
    const otherAccount = await connectedBusiness(await signUp());
    await deliverConnectSigned(
      connectEvent('account.application.deauthorized', otherAccount, { id: 'ca_x' }),
    );
    const mine = await json(await call('/settings/stripe', { as: owner }));
    expect(mine).toMatchObject({ method: 'connect', accountId });
  });

  it('the platform key and Connect secret never appear in a settings answer or the pay page', async () => {
    const owner = await signUp();
    const { invoice, cookie } = await connectPayable(owner);
    const settings = await (await call('/settings/stripe', { as: owner })).text();
    const { portal } = await import('./helpers/portal');
    const page = await (await portal(`/invoices/${invoice.id}/pay`, cookie)).text();
    for (const text of [settings, page]) {
      expect(text).not.toContain(PLATFORM_SECRET_KEY);
      expect(text).not.toContain(env.STRIPE_CONNECT_WEBHOOK_SECRET as string);
    }
  });

  describe('linking an existing account (Connect OAuth)', () => {
    const settled = 'https://app.clientele.test/settings?stripe=';
    const connectRow = (tenantId: string) =>
      env.DB.prepare('SELECT account_id FROM stripe_connect_accounts WHERE tenant_id = ?')
        .bind(tenantId)
        .first();

    it('without a session both steps are 401; an API key of any scope is 403', async () => {
      const owner = await signUp();
      const { location } = await answerOauth(await startLinkExisting(owner));
      expect((await call('/settings/stripe/connect/oauth', { method: 'POST' })).status).toBe(401);
      const anonymous = await oauthReturn(null, location);
      expect(anonymous.status).toBe(401);
      expect(anonymous.res.headers.get('content-type')).toContain('application/problem+json');
      const key = await withApiKey(owner);
      expect((await call('/settings/stripe/connect/oauth', { method: 'POST', as: key })).status).toBe(403);
      expect((await oauthReturn(key, location)).status).toBe(403);
      expect(await connectRow(owner.tenantId)).toBeNull();
      // Refused callers did not spend the owner’s state.
      expect((await oauthReturn(owner, location)).location).toBe(`${settled}connected`);
    });

    it('a member or an accountant can neither start linking nor finish it (403, nothing stored)', async () => {
      const owner = await signUp();
      const { location } = await answerOauth(await startLinkExisting(owner));
      for (const role of ['member', 'accountant'] as const) {
        const person = await joinAs(owner, role, `${role}.${Date.now()}@example.com`);
        const start = await call('/settings/stripe/connect/oauth', { method: 'POST', as: person });
        expect(start.status).toBe(403);
        expect((await problemOf(start)).detail).toContain(`(${role})`);
        expect((await oauthReturn(person, location)).status).toBe(403);
      }
      expect(await connectRow(owner.tenantId)).toBeNull();
    });

    it('a state minted in business A, brought back in business B’s session, links nothing anywhere', async () => {
      const a = await signUp();
      const b = await signUp();
      const { location } = await answerOauth(await startLinkExisting(a));
      const code = location.searchParams.get('code')!;
      expect((await oauthReturn(b, location)).location).toBe(`${settled}failed`);
      expect(await connectRow(b.tenantId)).toBeNull();
      expect(await connectRow(a.tenantId)).toBeNull();
      expect(
        (await fakeRequests()).filter((r) => r.path === '/oauth/token' && r.body.code === code),
      ).toHaveLength(0);
      const audit = await json(await call('/audit-log?action=stripe.connected', { as: b }));
      expect(audit.data).toHaveLength(0);
    });

    it('a state one admin started cannot be finished by another person of the same business', async () => {
      const owner = await signUp();
      const admin = await joinAs(owner, 'admin', `admin.${Date.now()}@example.com`);
      const { location } = await answerOauth(await startLinkExisting(admin));
      expect((await oauthReturn(owner, location)).location).toBe(`${settled}failed`);
      expect(await connectRow(owner.tenantId)).toBeNull();
      expect((await oauthReturn(admin, location)).location).toBe(`${settled}connected`);
    });
  });
});
