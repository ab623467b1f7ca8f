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

/** "I already have a Stripe account": the Connect OAuth URL Settings opens. */
export async function startLinkExisting(owner: Caller) {
  const res = await call('/settings/stripe/connect/oauth', { method: 'POST', as: owner });
  if (res.status !== 200) throw new Error(`oauth start failed: ${res.status} ${await res.text()}`);
  return (await json<{ url: string }>(res)).url;
}

/**
 * The stand-in's OAuth page, answered as a person would: "Link account …" (the account it offers,
 * or `account` to pick one the person already has) or "Decline". Answers where Stripe sends the
 * browser back (our callback with `code` and `state`, or `error`).
 */
export async function answerOauth(url: string, decision: 'allow' | 'deny' = 'allow', account?: string) {
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`oauth page: ${page.status} ${await page.text()}`);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(m[1]!, m[2]!.replaceAll('&amp;', '&'));
  }
  if (account) form.set('account', account);
  form.set('decision', decision);
  const res = await fetch(new URL('/oauth/authorize', url), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  if (!location) throw new Error(`oauth page answered ${res.status} ${await res.text()}`);
  return { location: new URL(location), offered: form.get('account')! };
}

/** The browser arriving back from Stripe at our callback, as `caller` (their session cookie). */
export async function oauthReturn(caller: Caller | null, back: URL | string) {
  const url = new URL(back, ORIGIN);
  const res = await SELF.fetch(`${ORIGIN}${url.pathname}${url.search}`, {
    headers: caller?.headers ?? {},
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), res };
}

/** Links the account the stand-in offers (or `account`) to `owner` through OAuth; answers its id. */
export async function linkExisting(owner: Caller, account?: string) {
  const { location, offered } = await answerOauth(await startLinkExisting(owner), 'allow', account);
  const back = await oauthReturn(owner, location);
  return { ...back, accountId: offered };
}
