import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, sessionCookieOf, signUp } from './helpers/api';

describe('auth: security', () => {
  it('stores only hashes: no session token, API key or password in the database', async () => {
    const owner = await signUp();
    const key = (await json(await call('/api-keys', { method: 'POST', body: { name: 'k' }, as: owner }))).key;
    const token = owner.headers.cookie!.split('=')[1]!;
    const dump = JSON.stringify([
      await env.DB.prepare('SELECT * FROM sessions').all(),
      await env.DB.prepare('SELECT * FROM api_keys').all(),
      await env.DB.prepare('SELECT * FROM users').all(),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain('correct horse battery');
    expect(dump).toContain('pbkdf2-sha256$100000$');
  });

  it('an expired session is refused', async () => {
    const owner = await signUp();
    await env.DB.prepare('UPDATE sessions SET expires_at = 0').run();
    expect((await call('/clients', { as: owner })).status).toBe(401);
  });

  it('signing out one session leaves the other devices signed in', async () => {
    const owner = await signUp();
    const other = sessionCookieOf(
      await call('/sessions', {
        method: 'POST',
        body: { email: owner.email, password: 'correct horse battery' },
      }),
    );
    await call('/sessions/current', { method: 'DELETE', as: owner });
    expect((await call('/clients', { headers: { cookie: other } })).status).toBe(200);
  });

  it('a revoked key of one tenant cannot be revoked or seen by another', async () => {
    const a = await signUp();
    const b = await signUp();
    await call('/api-keys', { method: 'POST', body: { name: 'mine' }, as: a });
    expect((await json(await call('/api-keys', { as: b }))).data).toHaveLength(0);
  });
});
