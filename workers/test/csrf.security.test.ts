import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, isSameOrigin } from '../http/same-origin';
import { call, createClient, issuedInvoice, json, ORIGIN, signUp } from './helpers/api';
import { newLink, portalCookie } from './helpers/portal';

/**
 * A request's URL is built from its Host header, which the sender picks. These requests
 * arrive addressed to evil.example (as `Host: evil.example` would make them) carrying the
 * matching `Origin: https://evil.example`: the guards must compare with PUBLIC_URL only.
 */
const EVIL = 'https://evil.example';

describe('admin API: Origin is compared with PUBLIC_URL, not the Host', () => {
  it('a cookie write whose Host and Origin are both evil.example → 403, nothing written', async () => {
    const owner = await signUp();
    const res = await SELF.fetch(`${EVIL}/api/v1/clients`, {
      method: 'POST',
      headers: { ...owner.headers, origin: EVIL, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Forged Lda' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(await call('/clients', { as: owner }))).data).toEqual([]);
  });

  it('a spoofed Host cannot turn Sec-Fetch-Site: same-origin into a pass when Origin is another site', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const res = await SELF.fetch(`${EVIL}/api/v1/clients/${client.id}`, {
      method: 'DELETE',
      headers: { ...owner.headers, origin: EVIL, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(403);
    expect((await json(await call(`/clients/${client.id}`, { as: owner }))).archivedAt).toBeNull();
  });

  it('the app’s own origin still writes, whatever host the request reached', async () => {
    const owner = await signUp();
    const res = await SELF.fetch(`${EVIL}/api/v1/clients`, {
      method: 'POST',
      headers: { ...owner.headers, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Real Lda' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('portal: Origin is compared with PUBLIC_URL, not the Host', () => {
  it('sign-in posted with Host and Origin evil.example → 403, no session cookie', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const link = await newLink(owner, c.id);
    const forged = link.url.replace(ORIGIN, EVIL);
    const res = await SELF.fetch(forged, { method: 'POST', headers: { origin: EVIL }, redirect: 'manual' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('a form post (new ticket) from evil.example → 403, no ticket', async () => {
    const owner = await signUp();
    const { client } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    const res = await SELF.fetch(`${EVIL}/portal/tickets`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ subject: 'Forged', message: 'Forged' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await json(await call('/tickets', { as: owner }))).data).toEqual([]);
  });

  it('the pay call from evil.example → 403 problem+json', async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    const res = await SELF.fetch(`${EVIL}/portal/invoices/${invoice.id}/pay`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: EVIL, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('which origins count', () => {
  const facts = (publicUrl: string, url: string, headers: Record<string, string> = {}) => ({
    env: { PUBLIC_URL: publicUrl },
    req: { url, header: (name: string) => headers[name.toLowerCase()] },
  });

  it('a deployed PUBLIC_URL is the only origin, whatever the request’s host', () => {
    const prod = 'https://app.clientele.test';
    expect(isAllowedOrigin(prod, facts(prod, `${prod}/api/v1/clients`))).toBe(true);
    expect(isAllowedOrigin(EVIL, facts(prod, `${EVIL}/api/v1/clients`))).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:8787', facts(prod, 'http://127.0.0.1:8787/x'))).toBe(false);
    expect(isAllowedOrigin('null', facts(prod, `${prod}/x`))).toBe(false);
  });

  it('a loopback PUBLIC_URL also accepts the dev server’s own loopback origin, never another host', () => {
    const dev = 'http://127.0.0.1:8787';
    expect(isAllowedOrigin(dev, facts(dev, `${dev}/x`))).toBe(true);
    expect(isAllowedOrigin('http://localhost:8787', facts(dev, 'http://localhost:8787/x'))).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:9000', facts(dev, 'http://127.0.0.1:9000/x'))).toBe(true);
    expect(isAllowedOrigin('http://evil.example', facts(dev, 'http://evil.example/x'))).toBe(false);
    // A rebound name pointing at 127.0.0.1 arrives with its own Host, not loopback's.
    expect(isAllowedOrigin('http://evil.example:8787', facts(dev, 'http://evil.example:8787/x'))).toBe(false);
    expect(isAllowedOrigin('http://localhost:8787', facts(dev, 'http://evil.example/x'))).toBe(false);
  });

  it('an Origin that is sent decides; without one only Sec-Fetch-Site: same-origin passes', () => {
    const prod = 'https://app.clientele.test';
    const at = (h: Record<string, string>) => isSameOrigin(facts(prod, `${EVIL}/x`, h));
    expect(at({ origin: EVIL, 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(at({ origin: EVIL })).toBe(false);
    expect(at({ origin: prod })).toBe(true);
    expect(at({ origin: prod, 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(at({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(at({ 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(at({})).toBe(false);
  });
});
