import { createExecutionContext, env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../index';
import { call, json, ORIGIN, problemOf, signUp } from './helpers/api';
import { portal } from './helpers/portal';
import { captureLogs, fakeRequests, signature, startPay } from './helpers/stripe';
import {
  answerOauth,
  CONNECT_SECRET,
  connectEvent,
  connectedBusiness,
  connectPayable,
  deliverConnect,
  deliverConnectSigned,
  linkExisting,
  oauthReturn,
  PLATFORM_SECRET_KEY,
  startConnect,
  startLinkExisting,
  stripeAs,
} from './helpers/stripe-connect';

const connectRow = (tenantId: string) =>
  env.DB.prepare('SELECT * FROM stripe_connect_accounts WHERE tenant_id = ?')
    .bind(tenantId)
    .first<Record<string, unknown>>();

const account = (id: string, chargesEnabled = true) => ({
  id,
  object: 'account',
  charges_enabled: chargesEnabled,
  details_submitted: chargesEnabled,
  requirements: { currently_due: chargesEnabled ? [] : ['external_account'] },
});

/** The Worker as deployed without the platform's Connect settings. */
const withoutPlatform = (path: string, init: RequestInit) =>
  worker.fetch(
    new Request(`${ORIGIN}${path}`, init),
    {
      ...env,
      STRIPE_PLATFORM_SECRET_KEY: undefined,
      STRIPE_PLATFORM_PUBLISHABLE_KEY: undefined,
      STRIPE_CONNECT_WEBHOOK_SECRET: undefined,
    },
    createExecutionContext(),
  );

describe('Stripe Connect refusals', () => {
  afterEach(() => vi.restoreAllMocks());

  it('without a platform key Connect is not offered: 409 problem, Settings shows keys only, never a 5xx', async () => {
    const owner = await signUp();
    const headers = { ...owner.headers, origin: ORIGIN };
    const read = await withoutPlatform('/api/v1/settings/stripe', { headers });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ connectAvailable: false, method: null });
    const start = await withoutPlatform('/api/v1/settings/stripe/connect', { method: 'POST', headers });
    expect(start.status).toBe(409);
    expect(start.headers.get('content-type')).toContain('application/problem+json');
    expect((await problemOf(start)).detail).toMatch(/Connect is not set up/);
    expect(await connectRow(owner.tenantId)).toBeNull();
    const hook = await withoutPlatform('/webhooks/stripe/connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: '{}',
    });
    expect(hook.status).toBe(404);
  });

  it('a bad, missing or stale signature is 400 with nothing written', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    await startConnect(owner);
    const accountId = (await connectRow(owner.tenantId))!.account_id as string;
    const payload = connectEvent('account.updated', accountId, account(accountId));
    const wrong = await deliverConnect(payload, await signature(payload, 'whsec_notTheConnectSecret'));
    expect(wrong.status).toBe(400);
    expect((await problemOf(wrong)).detail).toMatch(/Connect webhook signing secret/);
    expect((await deliverConnect(payload, null)).status).toBe(400);
    const old = Math.floor(Date.now() / 1000) - 600;
    expect((await deliverConnect(payload, await signature(payload, CONNECT_SECRET, old))).status).toBe(400);
    // The business's own endpoint secret does not open the Connect endpoint either.
    const tampered = payload.replace('"charges_enabled":true', '"charges_enabled":false');
    const header = await signature(payload, CONNECT_SECRET);
    expect((await deliverConnect(tampered, header)).status).toBe(400);
    expect((await connectRow(owner.tenantId))!.charges_enabled).toBe(0);
    expect(logs.join('\n')).not.toContain(CONNECT_SECRET);
  });

  it('an event whose mode is not the platform’s is acknowledged (200, so Stripe stops retrying), logged and never applied', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    await startConnect(owner);
    const accountId = (await connectRow(owner.tenantId))!.account_id as string;
    const live = connectEvent('account.updated', accountId, account(accountId), true);
    const res = await deliverConnectSigned(live);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'ignored' });
    expect((await connectRow(owner.tenantId))!.charges_enabled).toBe(0);
    expect(logs.some((l) => l.includes('live-mode event, test-mode platform'))).toBe(true);
  });

  it('an event naming no account or an unknown account is acknowledged, logged and ignored', async () => {
    const logs = captureLogs();
    const none = await deliverConnectSigned(connectEvent('account.updated', null, account('acct_nobody')));
    expect(none.status).toBe(200);
    expect(await json(none)).toMatchObject({ outcome: 'ignored' });
    const unknown = await deliverConnectSigned(
      connectEvent('account.updated', 'acct_UnknownToUs0001', account('acct_UnknownToUs0001')),
    );
    expect(unknown.status).toBe(200);
    expect(await json(unknown)).toMatchObject({ outcome: 'ignored' });
    expect(logs.filter((l) => l.includes('stripe connect event ignored'))).toHaveLength(2);
  });

  it('a malformed account object is 400 with nothing written', async () => {
    const owner = await signUp();
    await startConnect(owner);
    const accountId = (await connectRow(owner.tenantId))!.account_id as string;
    const bad = connectEvent('account.updated', accountId, { ...account(accountId), charges_enabled: 'yes' });
    expect((await deliverConnectSigned(bad)).status).toBe(400);
    const other = connectEvent('account.updated', accountId, account('acct_SomeoneElse0001'));
    expect((await deliverConnectSigned(other)).status).toBe(400);
    expect((await connectRow(owner.tenantId))!.charges_enabled).toBe(0);
  });

  it('the stand-in refuses a checkout on an account that has not finished onboarding, as Stripe does', async () => {
    const owner = await signUp();
    await startConnect(owner);
    const accountId = (await connectRow(owner.tenantId))!.account_id as string;
    const refused = await stripeAs(PLATFORM_SECRET_KEY)
      .checkout.sessions.create(
        {
          mode: 'payment',
          ui_mode: 'embedded_page',
          return_url: 'https://app.clientele.test/r',
          line_items: [
            { quantity: 1, price_data: { currency: 'eur', unit_amount: 1000, product_data: { name: 'x' } } },
          ],
        },
        { stripeAccount: accountId },
      )
      .catch((err: { statusCode?: number; code?: string }) => err);
    expect(refused).toMatchObject({ statusCode: 400, code: 'account_invalid' });
    // And Settings does not call the business connected, so Pay now is not offered.
    expect((await json(await call('/settings/stripe', { as: owner }))).method).toBeNull();
  });

  it('Pay now on a connected account Stripe has since restricted is a 409 and no button, not a Stripe error', async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner);
    const restricted = { ...account(accountId, false), details_submitted: true };
    expect((await deliverConnectSigned(connectEvent('account.updated', accountId, restricted))).status).toBe(
      200,
    );
    const before = (await fakeRequests()).length;
    const res = await startPay(cookie, invoice.id);
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/not finished setting up Stripe/);
    expect(
      // The stand-in's log is shared by every test file running at the same time.
      (await fakeRequests())
        .slice(before)
        .filter((r) => r.path === '/v1/checkout/sessions' && r.body.metadata?.invoiceId === invoice.id),
    ).toHaveLength(0);
    const page = await portal(`/invoices/${invoice.id}/pay`, cookie);
    expect(page.status).toBe(303);
  });

  describe('linking an existing account (Connect OAuth)', () => {
    const settled = 'https://app.clientele.test/settings?stripe=';
    const tokenCalls = async (code: string) =>
      (await fakeRequests()).filter((r) => r.path === '/oauth/token' && r.body.code === code);

    it('declining on Stripe’s page comes back as ?stripe=declined with nothing stored, and the state is spent', async () => {
      const owner = await signUp();
      const { location } = await answerOauth(await startLinkExisting(owner), 'deny');
      expect(location.searchParams.get('error')).toBe('access_denied');
      expect(location.searchParams.get('code')).toBeNull();
      const back = await oauthReturn(owner, location);
      expect(back).toMatchObject({ status: 303, location: `${settled}declined` });
      expect(await connectRow(owner.tenantId)).toBeNull();
      expect((await oauthReturn(owner, location)).location).toBe(`${settled}failed`);
      // Any other error Stripe sends back is a failure, not the person's choice.
      const other = (await answerOauth(await startLinkExisting(owner), 'deny')).location;
      other.searchParams.set('error', 'invalid_scope');
      expect((await oauthReturn(owner, other)).location).toBe(`${settled}failed`);
      expect(await connectRow(owner.tenantId)).toBeNull();
    });

    it('a missing, unknown or reused state is refused before any code is exchanged', async () => {
      const owner = await signUp();
      const { location } = await answerOauth(await startLinkExisting(owner));
      const code = location.searchParams.get('code')!;
      const missing = new URL(location);
      missing.searchParams.delete('state');
      expect((await oauthReturn(owner, missing)).location).toBe(`${settled}failed`);
      const unknown = new URL(location);
      unknown.searchParams.set('state', 'x'.repeat(43));
      expect((await oauthReturn(owner, unknown)).location).toBe(`${settled}failed`);
      expect(await tokenCalls(code)).toHaveLength(0);
      expect(await connectRow(owner.tenantId)).toBeNull();
      // The right state works once; the same return again changes nothing.
      expect((await oauthReturn(owner, location)).location).toBe(`${settled}connected`);
      const linked = (await connectRow(owner.tenantId))!.account_id;
      expect((await oauthReturn(owner, location)).location).toBe(`${settled}failed`);
      expect(await tokenCalls(code)).toHaveLength(1);
      expect((await connectRow(owner.tenantId))!.account_id).toBe(linked);
    });

    it('a state older than ten minutes is refused and the code is not exchanged', async () => {
      const owner = await signUp();
      const { location } = await answerOauth(await startLinkExisting(owner));
      await env.DB.prepare(
        'UPDATE stripe_oauth_states SET created_at = created_at - 660000, expires_at = expires_at - 660000 WHERE tenant_id = ?',
      )
        .bind(owner.tenantId)
        .run();
      expect((await oauthReturn(owner, location)).location).toBe(`${settled}failed`);
      expect(await tokenCalls(location.searchParams.get('code')!)).toHaveLength(0);
      expect(await connectRow(owner.tenantId)).toBeNull();
    });

    it('a code used once is invalid_grant at Stripe; bringing it back with a fresh state links nothing', async () => {
      const logs = captureLogs();
      const owner = await signUp();
      const first = await answerOauth(await startLinkExisting(owner));
      const code = first.location.searchParams.get('code')!;
      const platform = stripeAs(PLATFORM_SECRET_KEY);
      await platform.oauth.token({ grant_type: 'authorization_code', code });
      const again = await platform.oauth
        .token({ grant_type: 'authorization_code', code })
        .catch((e: { type?: string; statusCode?: number; message?: string }) => e);
      expect(again).toMatchObject({ type: 'StripeInvalidGrantError', statusCode: 400 });
      expect((again as { message: string }).message).toMatch(/already been used/);
      const unknown = await platform.oauth
        .token({ grant_type: 'authorization_code', code: 'ac_doesNotExist' })
        .catch((e: { type?: string }) => e);
      expect(unknown).toMatchObject({ type: 'StripeInvalidGrantError' });

      const fresh = new URL(await startLinkExisting(owner)).searchParams.get('state')!;
      const replay = new URL(first.location);
      replay.searchParams.set('state', fresh);
      expect((await oauthReturn(owner, replay)).location).toBe(`${settled}failed`);
      expect(await connectRow(owner.tenantId)).toBeNull();
      const refused = logs.filter((l) => l.includes('stripe oauth token refused'));
      expect(refused.join('\n')).toContain('StripeInvalidGrantError');
    });

    it('an account another business already has is refused (?stripe=taken) and stays theirs', async () => {
      const a = await signUp();
      const accountA = await connectedBusiness(a);
      const b = await signUp();
      const back = await linkExisting(b, accountA);
      expect(back).toMatchObject({ status: 303, location: `${settled}taken` });
      expect(await connectRow(b.tenantId)).toBeNull();
      expect((await connectRow(a.tenantId))!.account_id).toBe(accountA);
      expect(await json(await call('/settings/stripe', { as: b }))).toMatchObject({
        method: null,
        accountId: null,
      });
    });

    it('Disconnect of an account Stripe already let go of still forgets it (invalid_client is no failure)', async () => {
      const owner = await signUp();
      const linked = await linkExisting(owner);
      const platform = stripeAs(PLATFORM_SECRET_KEY);
      await platform.oauth.deauthorize({
        client_id: env.STRIPE_CONNECT_CLIENT_ID as string,
        stripe_user_id: linked.accountId,
      });
      const again = await platform.oauth
        .deauthorize({ client_id: env.STRIPE_CONNECT_CLIENT_ID as string, stripe_user_id: linked.accountId })
        .catch((e: { type?: string }) => e);
      expect(again).toMatchObject({ type: 'StripeInvalidClientError' });
      expect((await call('/settings/stripe', { method: 'DELETE', as: owner })).status).toBe(204);
      expect(await connectRow(owner.tenantId)).toBeNull();
    });

    it('without the platform’s OAuth client id the option is not offered: 409 problem, nothing stored', async () => {
      const owner = await signUp();
      const headers = { ...owner.headers, origin: ORIGIN };
      const noClient = (path: string, init: RequestInit) =>
        worker.fetch(
          new Request(`${ORIGIN}${path}`, init),
          { ...env, STRIPE_CONNECT_CLIENT_ID: undefined },
          createExecutionContext(),
        );
      const read = await noClient('/api/v1/settings/stripe', { headers });
      expect(await read.json()).toMatchObject({ connectAvailable: true, canLinkExisting: false });
      const start = await noClient('/api/v1/settings/stripe/connect/oauth', { method: 'POST', headers });
      expect(start.status).toBe(409);
      expect((await problemOf(start)).detail).toMatch(/existing Stripe account/);
      const stored = await env.DB.prepare('SELECT count(*) AS n FROM stripe_oauth_states WHERE tenant_id = ?')
        .bind(owner.tenantId)
        .first<{ n: number }>();
      expect(stored!.n).toBe(0);
    });

    it('a callback parameter beyond its length is a 422 naming it; the stand-in refuses a malformed authorize request', async () => {
      const owner = await signUp();
      const res = await call(`/settings/stripe/oauth/callback?state=${'s'.repeat(200)}`, { as: owner });
      expect(res.status).toBe(422);
      expect((await problemOf(res)).errors.map((e) => e.path)).toContain('state');
      const url = new URL(await startLinkExisting(owner));
      url.searchParams.set('client_id', 'not-a-client');
      expect((await fetch(url)).status).toBe(400);
      url.searchParams.set('client_id', 'ca_x');
      url.searchParams.set('redirect_uri', 'javascript:alert(1)');
      expect((await fetch(url)).status).toBe(400);
    });
  });
});
