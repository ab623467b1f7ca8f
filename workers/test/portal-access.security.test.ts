import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { PORTAL_SESSION_TTL_MS } from '../services/portal/links';
import { call, createClient, json, ORIGIN, problemOf, signUp } from './helpers/api';
import { form, linkEmails, newLink, portal, signInWithLink } from './helpers/portal';

/** Work after the answer (waitUntil) lands shortly after; poll instead of sleeping blindly. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, tries = 40): Promise<T> {
  let v = await read();
  for (let i = 0; i < tries && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 25));
    v = await read();
  }
  return v;
}

const resend = (url: string, ip: string) =>
  SELF.fetch(`${url}/resend`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'cf-connecting-ip': ip },
    redirect: 'manual',
  });

describe('archived clients and portal access switched off', () => {
  it('archiving signs the client out everywhere, disables its links, and sends no new link', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { email: `arch.${Date.now()}@example.com` });
    const link = await newLink(owner, client.id);
    const { cookie } = await signInWithLink(link.url);
    expect((await portal('', cookie!)).status).toBe(200);

    expect((await call(`/clients/${client.id}`, { method: 'DELETE', as: owner })).status).toBe(200);
    expect((await portal('', cookie!)).status).toBe(401);
    const again = await signInWithLink(link.url);
    expect(again.cookie).toBeUndefined();
    expect(again.res.status).toBe(410);
    expect(
      (await json(await call(`/portal-links?clientId=${client.id}`, { as: owner }))).data[0]!.status,
    ).toBe('revoked');
    // "Email me a new link" answers as always, but nothing is queued for an archived client.
    expect((await resend(link.url, '198.18.1.1')).status).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    expect(await linkEmails(owner)).toHaveLength(0);
    // Nor may the admin mint a new link while access is off.
    expect((await call(`/clients/${client.id}/portal-links`, { method: 'POST', as: owner })).status).toBe(
      409,
    );
  });

  it('the "portal access" switch does the same without archiving, and turning it on allows new links', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { email: `switch.${Date.now()}@example.com` });
    expect(client.portalAccess).toBe(true);
    const link = await newLink(owner, client.id);
    const { cookie } = await signInWithLink(link.url);

    const off = await call(`/clients/${client.id}`, {
      method: 'PATCH',
      body: { portalAccess: false },
      as: owner,
    });
    expect(off.status).toBe(200);
    expect(await json(off)).toMatchObject({ portalAccess: false, archivedAt: null });
    expect((await portal('', cookie!)).status).toBe(401);
    expect((await signInWithLink(link.url)).cookie).toBeUndefined();
    expect((await call(`/clients/${client.id}/portal-links`, { method: 'POST', as: owner })).status).toBe(
      409,
    );
    // The front door sends nothing for a client whose access is off.
    await portal('/signin', null, {
      ...form([['email', client.email]]),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '198.18.2.2' },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await linkEmails(owner)).toHaveLength(0);

    const on = await call(`/clients/${client.id}`, {
      method: 'PATCH',
      body: { portalAccess: true },
      as: owner,
    });
    expect((await json(on)).portalAccess).toBe(true);
    // Old links stay revoked; a new one works.
    expect((await signInWithLink(link.url)).cookie).toBeUndefined();
    expect((await signInWithLink((await newLink(owner, client.id)).url)).cookie).toBeDefined();
  });

  it('an archived client cannot be switched back on without being restored', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    await call(`/clients/${client.id}`, { method: 'DELETE', as: owner });
    const res = await call(`/clients/${client.id}`, {
      method: 'PATCH',
      body: { portalAccess: true },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors[0]!.path).toBe('portalAccess');
  });

  it('a queued sign-in-link email is not sent once access is off', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { email: `queued.${Date.now()}@example.com` });
    const link = await newLink(owner, client.id);
    await env.DB.prepare('UPDATE portal_links SET expires_at = 1 WHERE id = ?').bind(link.id).run();
    await resend(link.url, '198.18.3.3');
    await call(`/clients/${client.id}`, { method: 'PATCH', body: { portalAccess: false }, as: owner });
    const emails = await eventually(
      () => linkEmails(owner),
      (list) => list.length > 0 && list[0]!.status !== 'queued',
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]!.status).toBe('failed');
    expect(emails[0]!.error).toMatch(/Portal access is turned off/);
    const outbox = await json(await call('/dev/outbox', { as: owner }));
    expect(JSON.stringify(outbox)).not.toContain(client.email);
  });
});

describe('portal session lifetime', () => {
  it('lasts 7 days at most, fixed at sign-in (no sliding)', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const { res } = await signInWithLink((await newLink(owner, client.id)).url);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(res.headers.get('set-cookie') ?? '')![1]!);
    expect(Math.abs(expires - (Date.now() + PORTAL_SESSION_TTL_MS))).toBeLessThan(60_000);
    const row = await env.DB.prepare('SELECT created_at, expires_at FROM portal_sessions WHERE client_id = ?')
      .bind(client.id)
      .first<{ created_at: number; expires_at: number }>();
    expect(row!.expires_at - row!.created_at).toBe(PORTAL_SESSION_TTL_MS);
    // Moved near its end, using it does not push it out again.
    await env.DB.prepare('UPDATE portal_sessions SET expires_at = ? WHERE client_id = ?')
      .bind(Date.now() + 3600_000, client.id)
      .run();
    const cookie = /clientele_portal_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    expect((await portal('', cookie)).status).toBe(200);
    const after = await env.DB.prepare('SELECT expires_at FROM portal_sessions WHERE client_id = ?')
      .bind(client.id)
      .first<{ expires_at: number }>();
    expect(after!.expires_at).toBeLessThan(Date.now() + 3600_000 + 1000);
  });

  it('never outlives the link that opened it', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const link = await newLink(owner, client.id);
    const linkEnd = Date.now() + 2 * 3600_000;
    await env.DB.prepare('UPDATE portal_links SET expires_at = ? WHERE id = ?').bind(linkEnd, link.id).run();
    const { res } = await signInWithLink(link.url);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(res.headers.get('set-cookie') ?? '')![1]!);
    expect(expires).toBeLessThanOrEqual(linkEnd + 1000);
    const row = await env.DB.prepare('SELECT expires_at FROM portal_sessions WHERE link_id = ?')
      .bind(link.id)
      .first<{ expires_at: number }>();
    expect(row!.expires_at).toBe(linkEnd);
  });
});

describe('"email me a link" takes the same path for known and unknown addresses', () => {
  const queriesOf = (res: Response) =>
    Number(/queries=(\d+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);

  it('the front door answers after the same database work, and queues the link after answering', async () => {
    const owner = await signUp();
    const address = `same.${Date.now()}@example.com`;
    await createClient(owner, { email: address });
    const ask = (email: string, ip: string) =>
      portal('/signin', null, {
        ...form([['email', email]]),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
      });
    const known = await ask(address, '198.18.4.1');
    const unknown = await ask(`nobody.${Date.now()}@example.com`, '198.18.4.2');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(queriesOf(known)).toBeGreaterThan(0);
    expect(queriesOf(known)).toBe(queriesOf(unknown));
    expect(
      await eventually(
        () => linkEmails(owner),
        (l) => l.length === 1,
      ),
    ).toHaveLength(1);
  });

  it('"email me a new link" answers a known link and an unknown token alike', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { email: `resend.${Date.now()}@example.com` });
    const link = await newLink(owner, client.id);
    const known = await resend(link.url, '198.18.5.1');
    const unknown = await resend(`${ORIGIN}/portal/login/${'A'.repeat(43)}`, '198.18.5.2');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(queriesOf(known)).toBe(queriesOf(unknown));
    expect(
      await eventually(
        () => linkEmails(owner),
        (l) => l.length === 1,
      ),
    ).toHaveLength(1);
  });
});
