import { describe, expect, it } from 'vitest';
import { anotherDevice, PASSWORD } from './helpers/account';
import { call, problemOf, signUp } from './helpers/api';

describe('own profile: refusals', { timeout: 30_000 }, () => {
  it('a wrong current password → 422 naming currentPassword; nothing changes, no session ends', async () => {
    const owner = await signUp();
    const phone = await anotherDevice(owner);
    const res = await call('/me/password', {
      method: 'PUT',
      body: { currentPassword: 'not it at all', newPassword: 'a different passphrase' },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path)).toEqual(['currentPassword']);
    expect((await call('/me', { as: phone })).status).toBe(200);
  });

  it('a weak new password → 422 naming newPassword', async () => {
    const owner = await signUp();
    const res = await call('/me/password', {
      method: 'PUT',
      body: { currentPassword: PASSWORD, newPassword: 'short' },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path)).toContain('newPassword');
  });

  it('an unknown language or field → 422 naming it', async () => {
    const owner = await signUp();
    const lang = await call('/me', { method: 'PATCH', body: { locale: 'xx' }, as: owner });
    expect(lang.status).toBe(422);
    expect((await problemOf(lang)).errors.map((e) => e.path)).toContain('locale');
    const extra = await call('/me', { method: 'PATCH', body: { email: 'sneaky@example.com' }, as: owner });
    expect(extra.status).toBe(422);
  });
});
