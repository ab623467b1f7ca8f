import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, issuedInvoice, json, signUp } from './helpers/api';
import { portal, portalCookie } from './helpers/portal';
import {
  captureLogs,
  checkout,
  completeCheckout,
  connectStripe,
  fakeRequests,
  invoiceOf,
  refund,
  startPay,
} from './helpers/stripe';
import {
  accountUpdated,
  CONNECT_SECRET,
  connectEvent,
  connectedBusiness,
  connectPayable,
  deliverConnectSigned,
  linkExisting,
  PLATFORM_PUBLISHABLE_KEY,
  PLATFORM_SECRET_KEY,
  startConnect,
  startLinkExisting,
  stripeAs,
  submitOnboarding,
} from './helpers/stripe-connect';

const connectRow = (tenantId: string) =>
  env.DB.prepare('SELECT * FROM stripe_connect_accounts WHERE tenant_id = ?')
    .bind(tenantId)
    .first<Record<string, unknown>>();

describe('Stripe Connect', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is offered when the platform key is set, before anything is connected', async () => {
    const owner = await signUp();
    const body = await json(await call('/settings/stripe', { as: owner }));
    expect(body).toMatchObject({
      configured: false,
      method: null,
      connectAvailable: true,
      accountId: null,
      chargesEnabled: false,
      requirementsDue: [],
    });
  });

  it('connect → Account Link → onboarding submit → back in Settings with charges enabled', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    const url = await startConnect(owner);
    expect(url).toMatch(/\/connect\/onboarding\/al_/);
    // Before onboarding: the account exists, nothing is enabled, Stripe's requirements are listed.
    const pending = await json(await call('/settings/stripe', { as: owner }));
    expect(pending).toMatchObject({ method: null, configured: false, chargesEnabled: false });
    expect(pending.accountId).toMatch(/^acct_/);
    expect(pending.requirementsDue.length).toBeGreaterThan(0);
    const requests = await fakeRequests();
    const created = requests.filter(
      (r) => r.path === '/v1/accounts' && r.body.metadata?.tenantId === owner.tenantId,
    );
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      keyLast4: PLATFORM_SECRET_KEY.slice(-4),
      stripeAccount: null,
      body: { type: 'standard' },
    });
    const link = requests.filter(
      (r) => r.path === '/v1/account_links' && r.body.account === pending.accountId,
    );
    expect(link[0]!.body).toMatchObject({
      type: 'account_onboarding',
      return_url: 'https://app.clientele.test/settings?stripe=return',
      refresh_url: 'https://app.clientele.test/settings?stripe=refresh',
    });

    // A second press reuses the pending account and makes a new link.
    const again = await startConnect(owner);
    expect(again).not.toBe(url);
    const createdAgain = (await fakeRequests()).filter(
      (r) => r.path === '/v1/accounts' && r.body.metadata?.tenantId === owner.tenantId,
    );
    expect(createdAgain).toHaveLength(1);

    const back = await submitOnboarding(again);
    expect(back).toEqual({ status: 303, location: 'https://app.clientele.test/settings?stripe=return' });
    const done = await json(await call('/settings/stripe', { as: owner }));
    expect(done).toMatchObject({
      configured: true,
      method: 'connect',
      accountId: pending.accountId,
      chargesEnabled: true,
      detailsSubmitted: true,
      requirementsDue: [],
      mode: 'test',
      publishableKey: null,
    });
    const audit = await json(await call('/audit-log?action=stripe.', { as: owner }));
    expect(audit.data.map((l: { action: string }) => l.action)).toEqual(
      expect.arrayContaining(['stripe.connect_started', 'stripe.connected']),
    );
    for (const line of logs) expect(line).not.toContain(PLATFORM_SECRET_KEY);
    expect(JSON.stringify(done)).not.toContain(PLATFORM_SECRET_KEY);
  });

  it('the account.updated Connect event alone moves the business to connected (once per event)', async () => {
    const owner = await signUp();
    const url = await startConnect(owner);
    const accountId = (await connectRow(owner.tenantId))!.account_id as string;
    await submitOnboarding(url);
    // The row still says pending: only the event (no Settings read yet) may move it.
    expect((await connectRow(owner.tenantId))!.charges_enabled).toBe(0);
    const event = await accountUpdated(accountId);
    const res = await deliverConnectSigned(event.payload);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ received: true, eventId: event.id });
    const row = await connectRow(owner.tenantId);
    expect(row).toMatchObject({ charges_enabled: 1, details_submitted: 1, requirements_due: '[]' });
    const copy = await deliverConnectSigned(event.payload);
    expect(await json(copy)).toMatchObject({ outcome: 'duplicate' });
  });

  it('Pay now makes the session on the connected account with the platform key; the Connect event pays once', async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner);
    const page = await portal(`/invoices/${invoice.id}/pay`, cookie);
    const html = await page.text();
    expect(html).toContain(`data-key="${PLATFORM_PUBLISHABLE_KEY}"`);
    expect(html).toContain(`data-account="${accountId}"`);
    expect(html).toContain('stripeAccount');

    const started = await checkout(cookie, invoice.id);
    expect(started).toMatchObject({ publishableKey: PLATFORM_PUBLISHABLE_KEY, stripeAccount: accountId });
    const made = (await fakeRequests()).filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/v1/checkout/sessions' &&
        r.body.metadata?.invoiceId === invoice.id,
    );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ stripeAccount: accountId, keyLast4: PLATFORM_SECRET_KEY.slice(-4) });

    const event = await completeCheckout(started.sessionId, 'paid');
    expect(JSON.parse(event.payload).account).toBe(accountId);
    const copies = await Promise.all([1, 2, 3].map(() => deliverConnectSigned(event.payload)));
    expect(copies.map((r) => r.status)).toEqual([200, 200, 200]);
    const outcomes = await Promise.all(copies.map(async (r) => (await json(r)).outcome));
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1);
    const after = await invoiceOf(owner, invoice.id);
    expect(after).toMatchObject({ status: 'paid', amountPaid: invoice.total, amountDue: 0 });
    const payments = await env.DB.prepare('SELECT * FROM payments WHERE tenant_id = ? AND invoice_id = ?')
      .bind(owner.tenantId, invoice.id)
      .all();
    expect(payments.results).toHaveLength(1);

    // A refund on the connected account comes through the same endpoint.
    const paymentIntent = JSON.parse(event.payload).data.object.payment_intent as string;
    const refunded = await refund(paymentIntent, 1000);
    expect(JSON.parse(refunded.payload).account).toBe(accountId);
    expect((await deliverConnectSigned(refunded.payload)).status).toBe(200);
    expect((await invoiceOf(owner, invoice.id)).amountPaid).toBe(invoice.total - 1000);
  });

  it('reconciliation lists the connected account’s sessions with the Stripe-Account header', async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner);
    const { sessionId } = await checkout(cookie, invoice.id);
    await completeCheckout(sessionId, 'paid'); // the event is never delivered
    const { createExecutionContext, createScheduledController, waitOnExecutionContext } = await import(
      'cloudflare:test'
    );
    const worker = (await import('../index')).default;
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '*/15 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const listed = (await fakeRequests()).filter(
      (r) => r.method === 'GET' && r.path === '/v1/checkout/sessions' && r.stripeAccount === accountId,
    );
    expect(listed.length).toBeGreaterThan(0);
    expect((await invoiceOf(owner, invoice.id)).status).toBe('paid');
  });

  it('Disconnect forgets the account: no Pay now, an audit line, and events for it are ignored', async () => {
    const owner = await signUp();
    const { accountId, invoice, cookie } = await connectPayable(owner);
    const res = await call('/settings/stripe', { method: 'DELETE', as: owner });
    expect(res.status).toBe(204);
    expect(await json(await call('/settings/stripe', { as: owner }))).toMatchObject({
      method: null,
      accountId: null,
      configured: false,
    });
    expect(await connectRow(owner.tenantId)).toBeNull();
    expect((await startPay(cookie, invoice.id)).status).toBe(409);
    const audit = await json(await call('/audit-log?action=stripe.disconnected', { as: owner }));
    expect(audit.data[0]).toMatchObject({ action: 'stripe.disconnected' });
    const late = connectEvent('account.updated', accountId, {
      id: accountId,
      object: 'account',
      charges_enabled: true,
      details_submitted: true,
      requirements: { currently_due: [] },
    });
    const ignored = await deliverConnectSigned(late);
    expect(await json(ignored)).toMatchObject({ outcome: 'ignored' });
    expect(await connectRow(owner.tenantId)).toBeNull();
  });

  it('account.application.deauthorized disconnects the business', async () => {
    const owner = await signUp();
    const accountId = await connectedBusiness(owner);
    const event = connectEvent('account.application.deauthorized', accountId, {
      id: 'ca_platform',
      object: 'application',
      name: 'Clientele',
    });
    expect((await deliverConnectSigned(event, CONNECT_SECRET)).status).toBe(200);
    expect(await connectRow(owner.tenantId)).toBeNull();
    expect((await json(await call('/settings/stripe', { as: owner }))).method).toBeNull();
  });

  it('"I already have a Stripe account": OAuth authorize → callback links it, and Pay now charges on it', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    const before = await json(await call('/settings/stripe', { as: owner }));
    expect(before).toMatchObject({ canLinkExisting: true, method: null });

    const url = new URL(await startLinkExisting(owner));
    expect(`${url.origin}${url.pathname}`).toBe(`${env.STRIPE_API_URL}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: env.STRIPE_CONNECT_CLIENT_ID,
      scope: 'read_write',
      redirect_uri: 'https://app.clientele.test/api/v1/settings/stripe/oauth/callback',
    });
    const state = url.searchParams.get('state')!;
    expect(state.length).toBeGreaterThanOrEqual(40);
    // Only the state's hash is stored.
    const stored = await env.DB.prepare('SELECT * FROM stripe_oauth_states WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .all<Record<string, unknown>>();
    expect(stored.results).toHaveLength(1);
    expect(JSON.stringify(stored.results)).not.toContain(state);
    expect(Number(stored.results[0]!.expires_at) - Number(stored.results[0]!.created_at)).toBe(600_000);

    const linked = await linkExisting(owner);
    expect(linked.status).toBe(303);
    expect(linked.location).toBe('https://app.clientele.test/settings?stripe=connected');
    const token = (await fakeRequests()).filter(
      (r) => r.path === '/oauth/token' && r.keyLast4 === PLATFORM_SECRET_KEY.slice(-4),
    );
    expect(token.at(-1)!.body).toMatchObject({ grant_type: 'authorization_code' });
    const settings = await json(await call('/settings/stripe', { as: owner }));
    expect(settings).toMatchObject({
      configured: true,
      method: 'connect',
      accountId: linked.accountId,
      chargesEnabled: true,
      detailsSubmitted: true,
      requirementsDue: [],
    });
    expect(await connectRow(owner.tenantId)).toMatchObject({
      account_id: linked.accountId,
      charges_enabled: 1,
    });
    const audit = await json(await call('/audit-log?action=stripe.connected', { as: owner }));
    expect(audit.data[0]).toMatchObject({ action: 'stripe.connected' });
    expect(JSON.stringify(audit.data[0])).toContain(linked.accountId);
    // No Account Link account was made along the way.
    const created = (await fakeRequests()).filter(
      (r) => r.path === '/v1/accounts' && r.body.metadata?.tenantId === owner.tenantId,
    );
    expect(created).toHaveLength(0);

    // Pay now on the linked account: direct charge with its Stripe-Account, paid by its Connect event.
    const { client, invoice } = await issuedInvoice(owner, {}, { email: `linked.${Date.now()}@example.com` });
    const cookie = await portalCookie(owner, client.id);
    const started = await checkout(cookie, invoice.id);
    expect(started).toMatchObject({
      publishableKey: PLATFORM_PUBLISHABLE_KEY,
      stripeAccount: linked.accountId,
    });
    const made = (await fakeRequests()).filter(
      (r) => r.path === '/v1/checkout/sessions' && r.body.metadata?.invoiceId === invoice.id,
    );
    expect(made[0]).toMatchObject({ stripeAccount: linked.accountId });
    const event = await completeCheckout(started.sessionId, 'paid');
    expect(JSON.parse(event.payload).account).toBe(linked.accountId);
    expect((await deliverConnectSigned(event.payload)).status).toBe(200);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    for (const line of logs) {
      expect(line).not.toContain(PLATFORM_SECRET_KEY);
      expect(line).not.toContain(state);
    }
  });

  it('linking replaces an onboarding left unfinished, and takes over from pasted keys', async () => {
    const owner = await signUp();
    await connectStripe(owner);
    await startConnect(owner);
    const pending = (await connectRow(owner.tenantId))!.account_id as string;
    const linked = await linkExisting(owner);
    expect(linked.location).toBe('https://app.clientele.test/settings?stripe=connected');
    const settings = await json(await call('/settings/stripe', { as: owner }));
    expect(settings).toMatchObject({ method: 'connect', accountId: linked.accountId, publishableKey: null });
    expect(settings.accountId).not.toBe(pending);
    const keys = await env.DB.prepare('SELECT count(*) AS n FROM stripe_accounts WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first<{ n: number }>();
    expect(keys!.n).toBe(0);
  });

  it('Disconnect lets go of a linked account at Stripe too (deauthorize), and the account stays its own', async () => {
    const owner = await signUp();
    const linked = await linkExisting(owner);
    const platform = stripeAs(PLATFORM_SECRET_KEY);
    expect((await platform.accounts.retrieve(linked.accountId)).id).toBe(linked.accountId);
    expect((await call('/settings/stripe', { method: 'DELETE', as: owner })).status).toBe(204);
    const deauthorized = (await fakeRequests()).filter(
      (r) => r.path === '/oauth/deauthorize' && r.body.stripe_user_id === linked.accountId,
    );
    expect(deauthorized).toHaveLength(1);
    expect(deauthorized[0]!.body.client_id).toBe(env.STRIPE_CONNECT_CLIENT_ID);
    const gone = await platform.accounts.retrieve(linked.accountId).catch((e: { statusCode?: number }) => e);
    expect(gone).toMatchObject({ statusCode: 404 });
    expect(await connectRow(owner.tenantId)).toBeNull();
  });
});
