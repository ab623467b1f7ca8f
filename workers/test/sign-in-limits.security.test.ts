import { env } from 'cloudflare:test';
import { createD1Db } from '@clientele/db/d1';
import { describe, expect, it } from 'vitest';
import {
  resolveSession,
  SESSION_MAX_AGE_MS,
  SIGNUP_MAX_PER_ADDRESS,
  signIn,
} from '../services/auth/sessions';
import { appConfig } from '../services/init';
import { call, json, sessionCookieOf, signUp, uniqueEmail } from './helpers/api';
import { appContext } from './helpers/context';

const attempt = (email: string, ip: string, password = 'wrong password!') =>
  call('/sessions', { method: 'POST', body: { email, password }, headers: { 'cf-connecting-ip': ip } });

describe('sign-in throttling', () => {
  it('ten wrong passwords from ten addresses lock the account for everyone: 429 with Retry-After', async () => {
    const owner = await signUp();
    for (let i = 0; i < 10; i++) expect((await attempt(owner.email, `203.0.113.${i + 1}`)).status).toBe(401);
    const limited = await attempt(owner.email, '203.0.113.200', 'correct horse battery');
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // Another account is not affected.
    const other = await signUp();
    expect((await attempt(other.email, '203.0.113.200', 'correct horse battery')).status).toBe(201);
  });

  // 52 sign-ins one after another, each hashing a password: slower than 5 s on a busy machine.
  it('one address trying many accounts is capped', { timeout: 30_000 }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) statuses.push((await attempt(uniqueEmail('stuffing'), '192.0.2.77')).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
  });

  it('sign-ups are throttled per address', async () => {
    const signup = (i: number) =>
      call('/signup', {
        method: 'POST',
        body: { businessName: `Shop ${i}`, email: uniqueEmail('many'), password: 'correct horse battery' },
        headers: { 'cf-connecting-ip': '192.0.2.88' },
      });
    for (let i = 0; i < SIGNUP_MAX_PER_ADDRESS; i++) expect((await signup(i)).status).toBe(201);
    const limited = await signup(SIGNUP_MAX_PER_ADDRESS);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a deployment may allow more sign-ups per address (SIGNUPS_PER_ADDRESS_PER_HOUR); nonsense keeps the default', () => {
    const limitFor = (value: string | undefined) =>
      appConfig({ ...env, SIGNUPS_PER_ADDRESS_PER_HOUR: value }).signupsPerAddress;
    expect(limitFor(undefined)).toBe(SIGNUP_MAX_PER_ADDRESS);
    expect(limitFor('500')).toBe(500);
    for (const bad of ['0', '-5', '1e9', 'lots', '']) expect(limitFor(bad)).toBe(SIGNUP_MAX_PER_ADDRESS);
  });

  it('30 wrong passwords at once are each 401 or 429, never a server error', async () => {
    const owner = await signUp();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(owner.email, `198.51.100.${i + 1}`)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    for (const r of answers) expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('admin session lifetime', () => {
  it('sign-in ends the session the browser already had (no fixation)', async () => {
    const owner = await signUp();
    const res = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email, password: 'correct horse battery' },
      headers: { cookie: owner.headers.cookie! },
    });
    expect(res.status).toBe(201);
    const fresh = sessionCookieOf(res);
    expect(fresh).not.toBe(owner.headers.cookie);
    expect((await call('/clients', { as: owner })).status).toBe(401);
    expect((await call('/clients', { headers: { cookie: fresh } })).status).toBe(200);
  });

  it('slides while used but never past 30 days after sign-in', async () => {
    const owner = await signUp();
    const db = createD1Db(env.DB);
    const start = new Date();
    const s = await signIn(appContext(env, { db, now: start }), {
      email: owner.email,
      password: 'correct horse battery',
      ip: '192.0.2.1',
    });
    const day = 24 * 3600 * 1000;
    // Used every few days: still signed in on day 29…
    for (let d = 5; d < 30; d += 5) {
      expect(await resolveSession(db, s.token, new Date(start.getTime() + d * day))).toBeDefined();
    }
    expect(await resolveSession(db, s.token, new Date(start.getTime() + 29.9 * day))).toBeDefined();
    // …and out at the cap however recently it was used.
    expect(
      await resolveSession(db, s.token, new Date(start.getTime() + SESSION_MAX_AGE_MS + 1000)),
    ).toBeUndefined();
    const row = await env.DB.prepare('SELECT created_at, expires_at FROM sessions WHERE user_id = ?')
      .bind(s.userId)
      .all<{ created_at: number; expires_at: number }>();
    for (const r of row.results) expect(r.expires_at - r.created_at).toBeLessThanOrEqual(SESSION_MAX_AGE_MS);
  });

  it('an unused session ends after a week', async () => {
    const owner = await signUp();
    const db = createD1Db(env.DB);
    const start = new Date();
    const s = await signIn(appContext(env, { db, now: start }), {
      email: owner.email,
      password: 'correct horse battery',
      ip: '192.0.2.2',
    });
    expect(
      await resolveSession(db, s.token, new Date(start.getTime() + 8 * 24 * 3600 * 1000)),
    ).toBeUndefined();
  });

  it('the cookie itself expires at the 30-day cap', async () => {
    const owner = await signUp();
    const res = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email, password: 'correct horse battery' },
    });
    const expires = Date.parse(/Expires=([^;]+)/i.exec(res.headers.get('set-cookie') ?? '')![1]!);
    expect(expires - Date.now()).toBeLessThanOrEqual(SESSION_MAX_AGE_MS + 60_000);
    expect(expires - Date.now()).toBeGreaterThan(SESSION_MAX_AGE_MS - 60_000);
    expect((await json(res)).email).toBe(owner.email);
  });
});
