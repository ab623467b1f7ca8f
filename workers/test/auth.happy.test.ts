import { describe, expect, it } from 'vitest';
import { call, json, problemOf, sessionCookieOf, signUp, uniqueEmail } from './helpers/api';

const password = 'correct horse battery';

describe('auth: happy paths', () => {
  it('signs up: 201, tenant and owner, HttpOnly Secure SameSite=Lax cookie', async () => {
    const email = uniqueEmail();
    const res = await call('/signup', {
      method: 'POST',
      body: { businessName: 'Ателье «Север»', email, password, currency: 'rub', locale: 'ru' },
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ email, businessName: 'Ателье «Север»', role: 'owner', locale: 'ru' });
    expect(body.tenantId).toMatch(/^ten_/);
    expect(body.userId).toMatch(/^usr_/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api/);
    const settings = await json(await call('/settings', { headers: { cookie: sessionCookieOf(res) } }));
    expect(settings).toMatchObject({ name: 'Ателье «Север»', currency: 'RUB', locale: 'ru' });
  });

  it('signs in with any letter case of the email, reads the session, signs out', async () => {
    const owner = await signUp();
    const res = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email.toUpperCase(), password },
    });
    expect(res.status).toBe(201);
    const cookie = sessionCookieOf(res);
    const me = await json(await call('/sessions/current', { headers: { cookie } }));
    expect(me).toMatchObject({ email: owner.email, tenantId: owner.tenantId, role: 'owner', locale: 'en' });

    const out = await call('/sessions/current', { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/clientele_admin_session=;/);
    expect((await call('/sessions/current', { headers: { cookie } })).status).toBe(401);
  });

  it('the session carries the business language, which the admin app speaks, and follows a change of it', async () => {
    const owner = await signUp();
    const before = await json(await call('/sessions/current', { as: owner }));
    expect(before.locale).toBe('en');
    const patched = await call('/settings', { method: 'PATCH', body: { locale: 'ja' }, as: owner });
    expect(patched.status).toBe(200);
    const after = await json(await call('/sessions/current', { as: owner }));
    expect(after.locale).toBe('ja');
    const refused = await call('/settings', { method: 'PATCH', body: { locale: 'de' }, as: owner });
    expect(refused.status).toBe(422);
    expect((await problemOf(refused)).errors[0]!.path).toBe('locale');
    expect((await json(await call('/sessions/current', { as: owner }))).locale).toBe('ja');
  });

  it('API keys: shown once, listed by prefix, usable, revocable', async () => {
    const owner = await signUp();
    const created = await call('/api-keys', { method: 'POST', body: { name: 'Zapier' }, as: owner });
    expect(created.status).toBe(201);
    const { id, key, prefix } = await json(created);
    expect(key).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);

    const listed = await json(await call('/api-keys', { as: owner }));
    expect(listed.data).toEqual([expect.objectContaining({ id, name: 'Zapier', prefix })]);
    expect(JSON.stringify(listed)).not.toContain(key);

    const bearer = { authorization: `Bearer ${key}` };
    expect((await call('/clients', { headers: bearer })).status).toBe(200);
    expect((await call(`/api-keys/${id}`, { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await call('/clients', { headers: bearer })).status).toBe(401);
  });
});
