import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createClient, ORIGIN, signUp } from './helpers/api';
import { newLink } from './helpers/portal';

/** Posts a link's "Continue" from a browser that already holds `cookie`. */
async function signInFromSameBrowser(url: string, cookie: string | null) {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (cookie) headers.cookie = cookie;
  const res = await SELF.fetch(url, { method: 'POST', headers, redirect: 'manual' });
  return { res, cookie: /clientele_portal_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] };
}

const statement = (cookie: string) => SELF.fetch(`${ORIGIN}/portal`, { headers: { cookie } });

const sessionsOf = async (clientId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM portal_sessions WHERE client_id = ?')
      .bind(clientId)
      .first<{ n: number }>()
  )?.n ?? 0;

describe('portal sign-in ends the session it replaces', () => {
  it("signing in with client B's link in the browser that holds A's session ends A's session", async () => {
    const owner = await signUp();
    const a = await createClient(owner, { name: 'Alpha Ltd', email: 'alpha@example.com' });
    const b = await createClient(owner, { name: 'Beta Ltd', email: 'beta@example.com' });
    const asA = await signInFromSameBrowser((await newLink(owner, a.id)).url, null);
    expect(asA.cookie).toBeDefined();
    expect((await statement(asA.cookie!)).status).toBe(200);

    const asB = await signInFromSameBrowser((await newLink(owner, b.id)).url, asA.cookie!);
    expect(asB.res.status).toBe(303);
    expect(asB.cookie).toBeDefined();
    expect(asB.cookie).not.toBe(asA.cookie);

    // A replayed copy of A's old cookie no longer opens anything: the server ended it.
    const old = await statement(asA.cookie!);
    expect(old.status).toBe(401);
    expect(await old.text()).not.toContain('Alpha Ltd');
    expect(await sessionsOf(a.id)).toBe(0);
    const now = await statement(asB.cookie!);
    expect(now.status).toBe(200);
    expect(await now.text()).toContain('Beta Ltd');
  });

  it('an unusable link leaves the session the browser has alone', async () => {
    const owner = await signUp();
    const a = await createClient(owner, { email: 'a2@example.com' });
    const asA = await signInFromSameBrowser((await newLink(owner, a.id)).url, null);
    const bad = await signInFromSameBrowser(`${ORIGIN}/portal/login/${'x'.repeat(43)}`, asA.cookie!);
    expect(bad.res.status).toBe(404);
    expect((await statement(asA.cookie!)).status).toBe(200);
  });

  it('a sign-in on another device (no cookie) ends no other session', async () => {
    const owner = await signUp();
    const a = await createClient(owner, { email: 'a3@example.com' });
    const laptop = await signInFromSameBrowser((await newLink(owner, a.id)).url, null);
    const phone = await signInFromSameBrowser((await newLink(owner, a.id)).url, null);
    expect((await statement(laptop.cookie!)).status).toBe(200);
    expect((await statement(phone.cookie!)).status).toBe(200);
    expect(await sessionsOf(a.id)).toBe(2);
  });
});
