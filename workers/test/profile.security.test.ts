import { describe, expect, it } from 'vitest';
import { PASSWORD } from './helpers/account';
import { call, signUp, withApiKey } from './helpers/api';

describe('own profile: who may', { timeout: 30_000 }, () => {
  it('API keys act for no person: /me and its writes are 403', async () => {
    const owner = await signUp();
    const key = await withApiKey(owner);
    expect((await call('/me', { as: key })).status).toBe(403);
    expect((await call('/me', { method: 'PATCH', body: { name: 'x' }, as: key })).status).toBe(403);
    expect(
      (
        await call('/me/password', {
          method: 'PUT',
          body: { currentPassword: PASSWORD, newPassword: 'key tries this one' },
          as: key,
        })
      ).status,
    ).toBe(403);
  });

  it('wrong current passwords are throttled per person (429), even with the right one after', async () => {
    const owner = await signUp();
    const put = (currentPassword: string) =>
      call('/me/password', {
        method: 'PUT',
        body: { currentPassword, newPassword: 'a different passphrase' },
        as: owner,
      });
    for (let i = 0; i < 10; i++) expect((await put(`guess number ${i}`)).status).toBe(422);
    expect((await put(PASSWORD)).status).toBe(429);
  });

  it('a cookie write from another site is refused', async () => {
    const owner = await signUp();
    const res = await call('/me', {
      method: 'PATCH',
      body: { name: 'x' },
      as: owner,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });
});
