import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { accountMailTo, eventually, linkTokenFor, requestReset } from './helpers/account';
import { call, problemOf, signUp } from './helpers/api';

async function resetToken() {
  const owner = await signUp();
  await requestReset(owner.email);
  await eventually(
    () => accountMailTo(owner.email, 'account_password_reset'),
    (m) => m.length > 0,
  );
  return { owner, token: await linkTokenFor(owner.email, 'reset-password') };
}

describe('password reset refusals', { timeout: 30_000 }, () => {
  it('a weak password → 422 naming password, and the link still works afterwards', async () => {
    const { token } = await resetToken();
    const weak = await call(`/password-resets/${token}`, { method: 'POST', body: { password: 'short' } });
    expect(weak.status).toBe(422);
    expect((await problemOf(weak)).errors.map((e) => e.path)).toContain('password');
    const ok = await call(`/password-resets/${token}`, {
      method: 'POST',
      body: { password: 'long enough passphrase' },
    });
    expect(ok.status).toBe(204);
  });

  it('a used link → 404; an expired link → 404; an unknown one → 404', async () => {
    const { token } = await resetToken();
    const body = { password: 'long enough passphrase' };
    expect((await call(`/password-resets/${token}`, { method: 'POST', body })).status).toBe(204);
    const used = await call(`/password-resets/${token}`, { method: 'POST', body });
    expect(used.status).toBe(404);
    expect((await problemOf(used)).detail).toMatch(/expired or was already used/);

    const second = await resetToken();
    await env.DB.prepare('UPDATE password_resets SET expires_at = ?')
      .bind(Date.now() - 1000)
      .run();
    expect((await call(`/password-resets/${second.token}`, { method: 'POST', body })).status).toBe(404);
    expect((await call(`/password-resets/${'A'.repeat(43)}`, { method: 'POST', body })).status).toBe(404);
  });

  it('a missing email → 422 naming email', async () => {
    const res = await call('/password-resets', { method: 'POST', body: {} });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path)).toContain('email');
  });
});
