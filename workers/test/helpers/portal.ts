import { SELF } from 'cloudflare:test';
import { type Caller, call, json, ORIGIN } from './api';
import { problemWithoutRequestId } from './response-schemas';

/** Signs one client into the portal the way a browser does; returns the cookie header. */
export async function portalCookie(owner: Caller, clientId: string): Promise<string> {
  const link = await json(await call(`/clients/${clientId}/portal-links`, { method: 'POST', as: owner }));
  const res = await SELF.fetch(link.url, { method: 'POST', headers: { origin: ORIGIN }, redirect: 'manual' });
  const cookie = /clientele_portal_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`portal sign-in failed: ${res.status}`);
  return cookie;
}

/** A portal request with the client's cookie (and this origin, as a browser sends on POST). */
export async function portal(path: string, cookie: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', ORIGIN);
  const res = await SELF.fetch(`${ORIGIN}/portal${path}`, { redirect: 'manual', ...init, headers });
  if (await problemWithoutRequestId(res))
    throw new Error(`portal ${path} → ${res.status} problem without a requestId`);
  return res;
}

export function form(fields: [string, string][]): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

/** A new magic link for the client, made by the business (fails the test if refused). */
export async function newLink(
  owner: Caller,
  clientId: string,
): Promise<{ id: string; url: string } & Record<string, any>> {
  const res = await call(`/clients/${clientId}/portal-links`, { method: 'POST', as: owner });
  if (res.status !== 201) throw new Error(`portal link refused: ${res.status} ${await res.text()}`);
  return json(res);
}

/** Posts a sign-in link as the "Continue" button does; the cookie when it signed in. */
export async function signInWithLink(url: string) {
  const res = await SELF.fetch(url, { method: 'POST', headers: { origin: ORIGIN }, redirect: 'manual' });
  return { res, cookie: /clientele_portal_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] };
}

/** The business's "sign-in link" emails, newest first. */
export async function linkEmails(owner: Caller) {
  return (await json(await call('/emails', { as: owner }))).data.filter(
    (e: { kind: string }) => e.kind === 'portal_link',
  );
}
