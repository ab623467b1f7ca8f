import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { redactPath } from '../http/problem';
import { call, createClient, createInvoice, json, pay, signUp } from './helpers/api';
import { newLink, signInWithLink } from './helpers/portal';

const ORIGIN = 'https://app.clientele.test';

const tokenOf = (url: string) => url.split('/portal/login/')[1]!;

describe('portal magic links', () => {
  it('issues a 256-bit link; only its hash is stored', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const link = await newLink(owner, c.id);
    expect(link.url).toMatch(/^https:\/\/app\.clientele\.test\/portal\/login\/[A-Za-z0-9_-]{43}$/);
    expect(link.status).toBe('active');
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    const dump = JSON.stringify(await env.DB.prepare('SELECT * FROM portal_links').all());
    expect(dump).not.toContain(tokenOf(link.url));
  });

  it('GET shows "Continue" and changes nothing; POST signs in; the statement shows', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { name: 'Giulia Rossi', language: 'it', email: 'g@example.it' });
    const inv = await createInvoice(owner, c.id);
    const sent = await json(await call(`/invoices/${inv.id}/send`, { method: 'POST', as: owner }));
    await pay(owner, sent.id, 2000);
    const link = await newLink(owner, c.id);

    const get = await SELF.fetch(link.url);
    expect(get.status).toBe(200);
    const page = await get.text();
    expect(page).toContain('Vai alle tue fatture');
    expect(get.headers.get('set-cookie')).toBeNull();
    expect(get.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page).not.toMatch(/<script/i);
    const links = await json(await call(`/portal-links?clientId=${c.id}`, { as: owner }));
    expect(links.data[0]!.lastUsedAt).toBeNull();
    expect(
      (await env.DB.prepare('SELECT count(*) AS n FROM portal_sessions').first<{ n: number }>())?.n ?? 0,
    ).toBe(0);

    const { res, cookie } = await signInWithLink(link.url);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/Path=\/portal/);
    const statement = await SELF.fetch(`${ORIGIN}/portal`, { headers: { cookie: cookie! } });
    expect(statement.status).toBe(200);
    const html = await statement.text();
    expect(html).toContain('Estratto conto');
    expect(html).toContain('Giulia Rossi');
    expect(html.replace(/\s/g, ' ')).toContain('100,00 €');
    expect(
      (await json(await call(`/portal-links?clientId=${c.id}`, { as: owner }))).data[0]!.lastUsedAt,
    ).not.toBeNull();
  });

  it('revoking a link ends its sessions at once; revoked and expired links sign nobody in', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const link = await newLink(owner, c.id);
    const { cookie } = await signInWithLink(link.url);
    await signInWithLink(link.url); // a second device
    expect((await SELF.fetch(`${ORIGIN}/portal`, { headers: { cookie: cookie! } })).status).toBe(200);
    const listed = await json(await call(`/portal-links?clientId=${c.id}`, { as: owner }));
    expect(listed.data).toMatchObject([{ id: link.id, status: 'active', activeSessions: 2 }]);

    const revoked = await call(`/portal-links/${link.id}`, { method: 'DELETE', as: owner });
    expect(await json(revoked)).toMatchObject({ status: 'revoked', activeSessions: 0 });
    expect((await SELF.fetch(`${ORIGIN}/portal`, { headers: { cookie: cookie! } })).status).toBe(401);
    const again = await signInWithLink(link.url);
    expect(again.res.status).toBe(410);
    expect(again.cookie).toBeUndefined();

    const expiring = await newLink(owner, c.id);
    await env.DB.prepare('UPDATE portal_links SET expires_at = 1 WHERE id = ?').bind(expiring.id).run();
    const expired = await signInWithLink(expiring.url);
    expect(expired.res.status).toBe(410);
    expect(await expired.res.text()).toContain('expired');
    expect((await SELF.fetch(`${ORIGIN}/portal/login/not-a-token`)).status).toBe(404);
  });

  it('a cross-site form cannot sign a browser in (login CSRF)', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const link = await newLink(owner, c.id);
    const res = await SELF.fetch(link.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs out; Accept-Language picks the page language when the link is unknown', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const { cookie } = await signInWithLink((await newLink(owner, c.id)).url);
    const out = await SELF.fetch(`${ORIGIN}/portal/logout`, {
      method: 'POST',
      headers: { cookie: cookie!, origin: ORIGIN },
    });
    expect(out.status).toBe(200);
    expect((await SELF.fetch(`${ORIGIN}/portal`, { headers: { cookie: cookie! } })).status).toBe(401);
    const ja = await SELF.fetch(`${ORIGIN}/portal`, { headers: { 'accept-language': 'ja-JP,ja;q=0.9' } });
    expect(await ja.text()).toContain('メールのリンクから');
  });

  it("another tenant cannot create, list or revoke this client's links", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const c = await createClient(owner);
    const link = await newLink(owner, c.id);
    expect((await call(`/clients/${c.id}/portal-links`, { method: 'POST', as: intruder })).status).toBe(404);
    expect((await json(await call(`/portal-links?clientId=${c.id}`, { as: intruder }))).data).toHaveLength(0);
    expect((await call(`/portal-links/${link.id}`, { method: 'DELETE', as: intruder })).status).toBe(404);
  });
});

describe('sign-in tokens and logs', () => {
  it('error logs carry the route of a login path, never its token', () => {
    const token = 'aB3_x-'.repeat(7).slice(0, 43);
    expect(redactPath(`/portal/login/${token}`)).toBe('/portal/login/[token]');
    expect(redactPath(`/portal/login/${token}/resend`)).toBe('/portal/login/[token]/resend');
    expect(redactPath('/portal/invoices/inv_1')).toBe('/portal/invoices/inv_1');
  });
});

describe('portal error pages', () => {
  it('an unknown portal address is a 404 page in the portal shell and language, not JSON', async () => {
    for (const path of ['/portal/nothing-here', '/portal/invoices/x/y/z', '/portal/tickets-old']) {
      const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { 'accept-language': 'pt-PT,pt;q=0.9' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const page = await res.text();
      expect(page).toContain('Não existe nenhuma página neste endereço.');
      expect(page).toContain('href="/portal"');
    }
    const post = await SELF.fetch(`${ORIGIN}/portal/nothing-here`, {
      method: 'POST',
      headers: { origin: ORIGIN },
    });
    expect(post.status).toBe(404);
    expect(post.headers.get('content-type')).toContain('text/html');
  });
});
