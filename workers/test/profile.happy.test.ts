import { describe, expect, it } from 'vitest';
import { accountMailTo, anotherDevice, auditActions, meOf, PASSWORD, signIn } from './helpers/account';
import { call, json, signUp } from './helpers/api';

describe('own profile', { timeout: 30_000 }, () => {
  it('GET /me tells who is signed in; PATCH changes name and language (null follows the business)', async () => {
    const owner = await signUp({ locale: 'it' });
    const me = await meOf(owner);
    expect(me).toMatchObject({
      email: owner.email,
      name: null,
      locale: null,
      emailVerified: true,
      twoFactorEnabled: false,
      pendingEmail: null,
    });
    expect(me.id).toMatch(/^usr_/);
    const patched = await call('/me', {
      method: 'PATCH',
      body: { name: 'Maria Sousa', locale: 'ja' },
      as: owner,
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ name: 'Maria Sousa', locale: 'ja' });
    const session = await json(await call('/sessions/current', { as: owner }));
    expect(session.user).toMatchObject({ name: 'Maria Sousa', locale: 'ja' });
    const back = await json(await call('/me', { method: 'PATCH', body: { locale: null }, as: owner }));
    expect(back).toMatchObject({ name: 'Maria Sousa', locale: null });
  });

  it('changing the password keeps this session, ends the others, and emails a notice', async () => {
    const owner = await signUp();
    const phone = await anotherDevice(owner);
    const res = await call('/me/password', {
      method: 'PUT',
      body: { currentPassword: PASSWORD, newPassword: 'a different passphrase' },
      as: owner,
    });
    expect(res.status).toBe(204);
    expect((await call('/me', { as: owner })).status).toBe(200);
    expect((await call('/me', { as: phone })).status).toBe(401);
    expect((await signIn(owner.email, 'a different passphrase')).status).toBe(201);
    expect(await accountMailTo(owner.email, 'account_password_changed')).toHaveLength(1);
    expect(await auditActions(owner.tenantId, 'user.password_changed')).toHaveLength(1);
  });
});
