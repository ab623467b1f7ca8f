import { SELF } from 'cloudflare:test';
import { type Caller, call, json, ORIGIN } from './api';

/** Signs one client into the portal the way a browser does; returns the cookie header. */
export async function portalCookie(owner: Caller, clientId: string): Promise<string> {
  const link = await json(await call(`/clients/${clientId}/portal-links`, { method: 'POST', as: owner }));
  const res = await SELF.fetch(link.url, { method: 'POST', headers: { origin: ORIGIN }, redirect: 'manual' });
  const cookie = /clientele_portal_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`portal sign-in failed: ${res.status}`);
  return cookie;
}

/** A portal request with the client's cookie (and this origin, as a browser sends on POST). */
export function portal(path: string, cookie: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', ORIGIN);
  return SELF.fetch(`${ORIGIN}/portal${path}`, { redirect: 'manual', ...init, headers });
}

export function form(fields: [string, string][]): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}
