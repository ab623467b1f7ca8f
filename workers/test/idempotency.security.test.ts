import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import { call, createClient, json, ORIGIN, problemOf, signUp, withApiKey } from './helpers/api';

const keyed = (key: string, extra: Record<string, string> = {}) => ({ 'idempotency-key': key, ...extra });

describe('Idempotency-Key: replays without secrets', () => {
  it('a repeated POST /api-keys never shows the key again: 409 naming the key made, no secret stored', async () => {
    const owner = await signUp();
    const first = await call('/api-keys', {
      method: 'POST',
      body: { name: 'ci' },
      as: owner,
      headers: keyed('k-1'),
    });
    expect(first.status).toBe(201);
    const created = await json(first);
    expect(created.key).toMatch(/^ck_/);
    const again = await call('/api-keys', {
      method: 'POST',
      body: { name: 'ci' },
      as: owner,
      headers: keyed('k-1'),
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const text = await again.text();
    expect(text).not.toContain(created.key);
    expect(text).toContain(created.id);
    // One key was made, and the table holds no secret.
    expect((await json(await call('/api-keys', { as: owner }))).data).toHaveLength(1);
    const rows = JSON.stringify((await env.DB.prepare('SELECT * FROM idempotency_keys').all()).results);
    expect(rows).not.toContain(created.key);
  });

  it('a repeated POST /clients/{id}/portal-links never shows the sign-in URL again', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const path = `/clients/${client.id}/portal-links`;
    const first = await json(await call(path, { method: 'POST', as: owner, headers: keyed('l-1') }));
    expect(first.url).toMatch(/\/portal\/login\/[\w-]{43}$/);
    const again = await call(path, { method: 'POST', as: owner, headers: keyed('l-1') });
    expect(again.status).toBe(409);
    const text = await again.text();
    expect(text).not.toContain('/portal/login/');
    expect(text).toContain(first.id);
    const rows = JSON.stringify((await env.DB.prepare('SELECT * FROM idempotency_keys').all()).results);
    expect(rows).not.toContain(first.url.split('/').pop());
    expect((await json(await call(`/portal-links?clientId=${client.id}`, { as: owner }))).data).toHaveLength(
      1,
    );
  });

  it('ordinary writes still replay their first answer', async () => {
    const owner = await signUp();
    const first = await call('/clients', {
      method: 'POST',
      body: { name: 'Ana' },
      as: owner,
      headers: keyed('c-1'),
    });
    const again = await call('/clients', {
      method: 'POST',
      body: { name: 'Ana' },
      as: owner,
      headers: keyed('c-1'),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again)).id).toBe((await json(first)).id);
  });

  it('a key belongs to the credential that used it: another credential of the same business gets 422, not the answer', async () => {
    const owner = await signUp();
    const viaKey = await withApiKey(owner);
    const first = await call('/clients', {
      method: 'POST',
      body: { name: 'Ana' },
      as: owner,
      headers: keyed('shared'),
    });
    expect(first.status).toBe(201);
    const other = await call('/clients', {
      method: 'POST',
      body: { name: 'Ana' },
      as: viaKey,
      headers: keyed('shared'),
    });
    expect(other.status).toBe(422);
    expect(await other.text()).not.toContain((await json(first)).id);
  });

  it('is checked after authentication: without credentials a known key answers 401', async () => {
    const owner = await signUp();
    await call('/clients', { method: 'POST', body: { name: 'Ana' }, as: owner, headers: keyed('c-2') });
    const res = await call('/clients', { method: 'POST', body: { name: 'Ana' }, headers: keyed('c-2') });
    expect(res.status).toBe(401);
  });

  it('hashes the body as bytes: a logo upload with an Idempotency-Key succeeds and replays', async () => {
    const owner = await signUp();
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      ),
      (ch) => ch.charCodeAt(0),
    );
    const put = () =>
      SELF.fetch(`${ORIGIN}/api/v1/settings/logo`, {
        method: 'PUT',
        body: png,
        headers: {
          ...owner.headers,
          origin: ORIGIN,
          'content-type': 'image/png',
          'idempotency-key': 'logo-1',
        },
      });
    const first = await put();
    expect(first.status).toBe(200);
    expect((await json(first)).hasLogo).toBe(true);
    const again = await put();
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const stored = await call('/settings/logo', { as: owner });
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(png);
  });

  it('keys expire after 24 hours and the cron purges them', async () => {
    const owner = await signUp();
    await call('/clients', { method: 'POST', body: { name: 'Ana' }, as: owner, headers: keyed('old') });
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() + 25 * 3600 * 1000 }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'old'").first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
    const again = await call('/clients', {
      method: 'POST',
      body: { name: 'Ana' },
      as: owner,
      headers: keyed('old'),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a record older than 24 hours is not replayed even before the purge', async () => {
    const owner = await signUp();
    await call('/clients', { method: 'POST', body: { name: 'Ana' }, as: owner, headers: keyed('stale') });
    await env.DB.prepare(
      "UPDATE idempotency_keys SET created_at = created_at - 86400001 WHERE key = 'stale'",
    ).run();
    const again = await call('/clients', {
      method: 'POST',
      body: { name: 'Ana' },
      as: owner,
      headers: keyed('stale'),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('public routes with an Idempotency-Key', () => {
  it('sign-up and sign-in answer normally, never 5xx', async () => {
    const email = `idem.${Date.now()}@example.com`;
    const signup = await call('/signup', {
      method: 'POST',
      body: { businessName: 'Keyed', email, password: 'correct horse battery' },
      headers: keyed('signup-1', { 'cf-connecting-ip': '198.18.9.9' }),
    });
    expect(signup.status).toBe(201);
    const signin = await call('/sessions', {
      method: 'POST',
      body: { email, password: 'correct horse battery' },
      headers: keyed('signin-1'),
    });
    expect(signin.status).toBe(201);
    const wrong = await call('/sessions', {
      method: 'POST',
      body: { email, password: 'not the password' },
      headers: keyed('signin-2'),
    });
    expect(wrong.status).toBe(401);
  });
});

describe('API response headers', () => {
  it('every answer is no-store and nosniff: success, 401, 404 and 422', async () => {
    const owner = await signUp();
    const answers = [
      await call('/clients', { as: owner }),
      await call('/clients'),
      await call('/clients/cli_nope', { as: owner }),
      await call('/clients', { method: 'POST', body: { name: '' }, as: owner }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 422]);
    for (const r of answers) {
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('CSRF on the cookie-authenticated API', () => {
  it('refuses a cross-site or origin-less write by cookie, and changes nothing', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const draft = await json(
      await call('/invoices', {
        method: 'POST',
        body: { clientId: client.id, lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] },
        as: owner,
      }),
    );
    const evil = await call(`/invoices/${draft.id}/send`, {
      method: 'POST',
      as: owner,
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect((await problemOf(evil)).detail).toMatch(/did not come from/);
    const crossSite = await call(`/invoices/${draft.id}/send`, {
      method: 'POST',
      as: owner,
      headers: { origin: '', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await json(await call(`/invoices/${draft.id}`, { as: owner }))).status).toBe('draft');
    const sameSite = await call(`/invoices/${draft.id}/send`, {
      method: 'POST',
      as: owner,
      headers: { origin: '', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.status).toBe(202);
  });

  it('the app origin works and API keys need no Origin at all', async () => {
    const owner = await signUp();
    expect((await call('/clients', { method: 'POST', body: { name: 'A' }, as: owner })).status).toBe(201);
    const viaKey = await withApiKey(owner);
    const res = await call('/clients', {
      method: 'POST',
      body: { name: 'B' },
      as: viaKey,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(201);
  });
});

describe('links are built from PUBLIC_URL, never from the request', () => {
  it('a request arriving on another host does not move the sign-in link there', async () => {
    const owner = await withApiKey(await signUp());
    const client = await createClient(owner);
    const res = await SELF.fetch(`https://evil.example/api/v1/clients/${client.id}/portal-links`, {
      method: 'POST',
      headers: { ...owner.headers, 'x-forwarded-host': 'evil.example' },
    });
    expect(res.status).toBe(201);
    const link = await json(res);
    expect(link.url).not.toContain('evil.example');
    expect(new URL(link.url).origin).toBe(new URL(env.PUBLIC_URL).origin);
    expect(new URL(link.url).origin).toBe(ORIGIN);
  });
});
