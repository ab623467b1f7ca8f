import { env, SELF } from 'cloudflare:test';
import Stripe from 'stripe';
import { type Caller, call, issuedInvoice, json, ORIGIN } from './api';
import { portalCookie } from './portal';
import { signature } from './stripe';

/** The platform's test values (workers/vitest.config.ts bindings). */
export const PLATFORM_SECRET_KEY = env.STRIPE_PLATFORM_SECRET_KEY as string;
export const PLATFORM_PUBLISHABLE_KEY = env.STRIPE_PLATFORM_PUBLISHABLE_KEY as string;
export const CONNECT_SECRET = env.STRIPE_CONNECT_WEBHOOK_SECRET as string;

const fakeUrl = () => env.STRIPE_API_URL as string;

/** The SDK on the stand-in, as a platform (or another platform) would call Stripe. */
export function stripeAs(secretKey: string) {
  const local = new URL(fakeUrl());
  return new Stripe(secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    host: local.hostname,
    port: Number(local.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

/** "Connect with Stripe": the Account Link Settings opens. */
export async function startConnect(owner: Caller) {
  const res = await call('/settings/stripe/connect', { method: 'POST', as: owner });
  if (res.status !== 200) throw new Error(`connect failed: ${res.status} ${await res.text()}`);
  return (await json<{ url: string }>(res)).url;
}

/** The stand-in's onboarding page, submitted with its one button; answers where it sends the browser. */
export async function submitOnboarding(url: string) {
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`onboarding page: ${page.status}`);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no onboarding form');
  const res = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') };
}

export interface FakeEvent {
  id: string;
  type: string;
  payload: string;
  account?: string;
}

/** Every event the stand-in has sent (newest last). */
export async function fakeEvents(): Promise<FakeEvent[]> {
  return (await fetch(`${fakeUrl()}/_fake/events`)).json();
}

export async function accountUpdated(accountId: string) {
  const found = (await fakeEvents()).filter((e) => e.type === 'account.updated' && e.account === accountId);
  const last = found.at(-1);
  if (!last) throw new Error(`no account.updated for ${accountId}`);
  return last;
}

export function deliverConnect(payload: string, header: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (header !== null) headers['stripe-signature'] = header;
  return SELF.fetch(`${ORIGIN}/webhooks/stripe/connect`, { method: 'POST', headers, body: payload });
}

/** Signs with the platform's Connect endpoint secret (as Stripe does) and delivers. */
export async function deliverConnectSigned(payload: string, secret = CONNECT_SECRET) {
  return deliverConnect(payload, await signature(payload, secret));
}

/** A business connected through Connect with onboarding completed; answers its account id. */
export async function connectedBusiness(owner: Caller) {
  const url = await startConnect(owner);
  await submitOnboarding(url);
  const settings = await json(await call('/settings/stripe', { as: owner }));
  if (settings.method !== 'connect') throw new Error(`not connected: ${JSON.stringify(settings)}`);
  return settings.accountId as string;
}

const random = () => crypto.randomUUID().replaceAll('-', '').slice(0, 8);

/** A Connect business, a client signed into the portal, and one issued invoice. */
export async function connectPayable(owner: Caller, body: Record<string, unknown> = {}) {
  const accountId = await connectedBusiness(owner);
  const { client, invoice } = await issuedInvoice(owner, body, { email: `client.${random()}@example.com` });
  const cookie = await portalCookie(owner, client.id);
  return { accountId, client, invoice, cookie };
}

/** The event of another kind about a connected account, shaped as Stripe sends it. */
export function connectEvent(type: string, account: string | null, object: unknown, livemode = false) {
  return JSON.stringify({
    id: `evt_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    ...(account ? { account } : {}),
    data: { object },
    livemode,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}
