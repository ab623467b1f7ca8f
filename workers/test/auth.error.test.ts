import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, problemOf, signUp, uniqueEmail } from './helpers/api';

describe('auth: bad input and abuse', () => {
  it('signup validates every field and names it', async () => {
    const res = await call('/signup', {
      method: 'POST',
      body: { businessName: '', email: 'nope', password: 'short', currency: 'XYZ1' },
    });
    expect(res.status).toBe(422);
    const paths = (await problemOf(res)).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['businessName', 'currency', 'email', 'password']);
  });

  it('an address mail cannot be sent to (non-ASCII) → 422 naming email, no account half-made', async () => {
    const email = 'ünï@exämple.com';
    const res = await call('/signup', {
      method: 'POST',
      body: { businessName: 'Ünï Shop', email, password: 'correct horse battery' },
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e: { path: string }) => e.path)).toEqual(['email']);
    const row = await env.DB.prepare('SELECT 1 FROM users WHERE email = ?').bind(email).first();
    expect(row).toBeNull();
  });

  it('a second signup with the same email → 409, first account intact', async () => {
    const owner = await signUp();
    const res = await call('/signup', {
      method: 'POST',
      body: { businessName: 'Copy', email: owner.email.toUpperCase(), password: 'another password' },
    });
    expect(res.status).toBe(409);
    const login = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email, password: 'correct horse battery' },
    });
    expect(login.status).toBe(201);
  });

  it('wrong password and unknown email give the same 401', async () => {
    const owner = await signUp();
    const wrong = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email, password: 'wrong password!' },
    });
    const unknown = await call('/sessions', {
      method: 'POST',
      body: { email: uniqueEmail('ghost'), password: 'x' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await problemOf(wrong)).detail).toBe((await problemOf(unknown)).detail);
  });

  it('rate-limits sign-in per email and address: 429 with Retry-After', async () => {
    const owner = await signUp();
    const attempt = (ip: string, password = 'wrong password!') =>
      call('/sessions', {
        method: 'POST',
        body: { email: owner.email, password },
        headers: { 'cf-connecting-ip': ip },
      });
    for (let i = 0; i < 10; i++) expect((await attempt('203.0.113.9')).status).toBe(401);
    const limited = await attempt('203.0.113.9', 'correct horse battery');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Ten failures also lock the account from every other address for the window: a
    // guesser cannot get around the limit by changing address.
    expect((await attempt('198.51.100.7', 'correct horse battery')).status).toBe(429);
  });

  it('sign-out without a session → 401; API key creation needs a name', async () => {
    expect((await call('/sessions/current', { method: 'DELETE' })).status).toBe(401);
    const owner = await signUp();
    const res = await call('/api-keys', { method: 'POST', body: { name: ' ' }, as: owner });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors[0]!.path).toBe('name');
  });
});
