import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from 'cloudflare:test';
import Stripe from 'stripe';
import { vi } from 'vitest';
import worker from '../../index';
import { type Caller, call, issuedInvoice, json, ORIGIN } from './api';
import { portal, portalCookie } from './portal';

const fakeUrl = () => env.STRIPE_API_URL as string;
const random = () => crypto.randomUUID().replaceAll('-', '');

export interface StripeKeys {
  publishableKey: string;
  secretKey: string;
  webhookSecret: string;
}

export const testKeys = (): StripeKeys => ({
  publishableKey: `pk_test_${random()}`,
  secretKey: `sk_test_${random()}`,
  webhookSecret: `whsec_${random()}`,
});

/** Connects the business to (fake) Stripe through the API, as the Settings screen does. */
export async function connectStripe(owner: Caller, keys = testKeys()) {
  const res = await call('/settings/stripe', { method: 'PUT', body: keys, as: owner });
  if (res.status !== 200) throw new Error(`stripe setup failed: ${res.status} ${await res.text()}`);
  return keys;
}

const signer = new Stripe('sk_test_signer_only', { httpClient: Stripe.createFetchHttpClient() });

/** Signs a payload exactly as Stripe does (the SDK's own test-header helper). */
export function signature(payload: string, secret: string, timestamp?: number) {
  return signer.webhooks.generateTestHeaderStringAsync({
    payload,
    secret,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    ...(timestamp ? { timestamp } : {}),
  });
}

export function deliver(tenantId: string, payload: string, header: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (header !== null) headers['stripe-signature'] = header;
  return SELF.fetch(`${ORIGIN}/webhooks/stripe/${tenantId}`, { method: 'POST', headers, body: payload });
}

/** Signs and delivers one event to the business's webhook URL. */
export async function deliverSigned(tenantId: string, payload: string, secret: string) {
  return deliver(tenantId, payload, await signature(payload, secret));
}

/** The fake's control surface: finish a checkout (as the customer would) and get its event. */
export async function completeCheckout(
  sessionId: string,
  outcome: 'paid' | 'unpaid' | 'async_succeeded' | 'async_failed' = 'paid',
  override: { amount_total?: number; currency?: string } = {},
): Promise<{ id: string; type: string; payload: string }> {
  const res = await fetch(`${fakeUrl()}/_fake/checkout/sessions/${sessionId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome, ...override }),
  });
  if (!res.ok) throw new Error(`fake complete failed: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function refund(paymentIntentId: string, amount?: number) {
  const res = await fetch(`${fakeUrl()}/_fake/refunds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_intent: paymentIntentId, ...(amount ? { amount } : {}) }),
  });
  if (!res.ok) throw new Error(`fake refund failed: ${res.status}`);
  return (await res.json()) as { id: string; type: string; payload: string };
}

export async function fakeRequests(): Promise<
  { method: string; path: string; idempotencyKey: string | null; body: any }[]
> {
  return (await fetch(`${fakeUrl()}/_fake/requests`)).json();
}

/** "Pay now" as the portal page's script calls it. */
export function startPay(cookie: string, invoiceId: string, headers: Record<string, string> = {}) {
  return portal(`/invoices/${invoiceId}/pay`, cookie, {
    method: 'POST',
    headers: { accept: 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
  });
}

/** A business on Stripe, a client signed into the portal, and one issued invoice. */
export async function payableInvoice(owner: Caller, body: Record<string, unknown> = {}) {
  const keys = await connectStripe(owner);
  const { client, invoice } = await issuedInvoice(owner, body, {
    email: `client.${random().slice(0, 8)}@example.com`,
  });
  const cookie = await portalCookie(owner, client.id);
  return { keys, client, invoice, cookie };
}

/** Starts a checkout for the invoice and returns the session the fake created. */
export async function checkout(cookie: string, invoiceId: string) {
  const res = await startPay(cookie, invoiceId);
  if (res.status !== 200) throw new Error(`pay failed: ${res.status} ${await res.text()}`);
  return json<{ sessionId: string; clientSecret: string; publishableKey: string }>(res);
}

export async function invoiceOf(owner: Caller, id: string) {
  return json(await call(`/invoices/${id}`, { as: owner }));
}

/** Every console line the Worker writes from now on (restore with vi.restoreAllMocks). */
export function captureLogs(): string[] {
  const logs: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(' '));
    });
  }
  return logs;
}

async function fakeControl<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${fakeUrl()}/_fake/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake ${path} failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The session runs out of time unpaid, as 24 hours passing would; returns its event. */
export function lapseCheckout(sessionId: string) {
  return fakeControl<{ id: string; type: string; payload: string }>(`checkout/sessions/${sessionId}/expire`);
}

/** How a bank debit ended at Stripe, with no event sent (the webhook that would say so is lost). */
export function settleIntent(
  paymentIntentId: string,
  status: 'succeeded' | 'requires_payment_method' | 'canceled' | 'processing',
) {
  return fakeControl<{ id: string; status: string }>(`payment_intents/${paymentIntentId}`, { status });
}

/** Moves the stand-in's clock forward (idempotency keys are kept 24 hours). */
export function advanceFakeClock(seconds: number) {
  return fakeControl<{ now: number }>('clock', { advance_seconds: seconds });
}

/** The Stripe API as a business's own key reaches it (the stand-in), for checks beside the product. */
export function stripeFor(secretKey: string) {
  const local = new URL(fakeUrl());
  return new Stripe(secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    host: local.hostname,
    port: Number(local.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

/** Requests the product sent to the stand-in for one invoice's checkouts. */
export async function checkoutRequests(invoiceId: string) {
  return (await fakeRequests()).filter(
    (r) => r.path === '/v1/checkout/sessions' && r.body.metadata?.invoiceId === invoiceId,
  );
}

/** One cron tick (reconciliation runs in it), waited for to the end. */
export async function runCron(at = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** The invoice's Stripe checkouts as the business sees them, newest first. */
export async function onlineStates(owner: Caller, invoiceId: string) {
  const body = await json(await call(`/invoices/${invoiceId}/online-payments`, { as: owner }));
  return (body.data as { id: string; state: string }[]).map((o) => ({ id: o.id, state: o.state }));
}

/** The PaymentIntent an event's session carries. */
export const intentOf = (event: { payload: string }) =>
  String(JSON.parse(event.payload).data.object.payment_intent);
