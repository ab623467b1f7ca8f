import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, json, problemOf, signUp, withApiKey } from './helpers/api';
import { captureLogs, connectStripe, fakeRequests, testKeys } from './helpers/stripe';

describe('Stripe settings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts unconfigured and shows the webhook URL and events to enable', async () => {
    const owner = await signUp();
    const res = await call('/settings/stripe', { as: owner });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ configured: false, publishableKey: null, secretKeyLast4: null, mode: null });
    expect(body.webhookUrl).toBe(`https://app.clientele.test/webhooks/stripe/${owner.tenantId}`);
    expect(body.events).toEqual(expect.arrayContaining(['checkout.session.completed', 'charge.refunded']));
  });

  it('checks the key with Stripe, stores the secrets sealed, and never returns or logs them', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    const keys = testKeys();
    const res = await call('/settings/stripe', { method: 'PUT', body: keys, as: owner });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      configured: true,
      publishableKey: keys.publishableKey,
      secretKeyLast4: keys.secretKey.slice(-4),
      mode: 'test',
    });
    const read = await (await call('/settings/stripe', { as: owner })).text();
    for (const body of [text, read, ...logs]) {
      expect(body).not.toContain(keys.secretKey);
      expect(body).not.toContain(keys.webhookSecret);
    }
    // The one cheap check call reached Stripe with the key being saved.
    const checks = (await fakeRequests()).filter((r) => r.path === '/v1/balance');
    expect(checks.length).toBeGreaterThan(0);
    // At rest: neither secret appears in the row.
    const row = await env.DB.prepare('SELECT * FROM stripe_accounts WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first<Record<string, string>>();
    expect(JSON.stringify(row)).not.toContain(keys.secretKey);
    expect(JSON.stringify(row)).not.toContain(keys.webhookSecret);
    expect(row?.key_id).toMatch(/^[0-9a-f]{12}$/);
    expect(row?.secret_key_sealed?.startsWith(`${row?.key_id}.`)).toBe(true);
  });

  it('refuses a key Stripe rejects (422 naming secretKey) and saves nothing', async () => {
    const owner = await signUp();
    const res = await call('/settings/stripe', {
      method: 'PUT',
      body: { ...testKeys(), secretKey: 'sk_test_short' },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await problemOf(res);
    expect(problem.errors[0]!.path).toBe('secretKey');
    expect(problem.errors[0]!.message).toMatch(/Stripe did not accept/);
    expect((await json(await call('/settings/stripe', { as: owner }))).configured).toBe(false);
  });

  it('names each malformed field and a test/live mix-up', async () => {
    const owner = await signUp();
    const bad = await call('/settings/stripe', {
      method: 'PUT',
      body: { publishableKey: 'nope', secretKey: 'nope', webhookSecret: 'nope' },
      as: owner,
    });
    expect(bad.status).toBe(422);
    const paths = (await problemOf(bad)).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['publishableKey', 'secretKey', 'webhookSecret']);
    const mixed = await call('/settings/stripe', {
      method: 'PUT',
      body: { ...testKeys(), publishableKey: 'pk_live_abcdefgh' },
      as: owner,
    });
    expect(mixed.status).toBe(422);
    expect((await problemOf(mixed)).errors[0]).toMatchObject({ path: 'publishableKey' });
    const missing = await call('/settings/stripe', { method: 'PUT', body: {}, as: owner });
    expect(missing.status).toBe(422);
  });

  it('remove Stripe: configured false, secrets gone', async () => {
    const owner = await signUp();
    await connectStripe(owner);
    expect((await call('/settings/stripe', { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await json(await call('/settings/stripe', { as: owner }))).configured).toBe(false);
    const row = await env.DB.prepare('SELECT 1 FROM stripe_accounts WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first();
    expect(row).toBeNull();
  });

  it('needs a session (401), and only an owner may change it', async () => {
    expect((await call('/settings/stripe')).status).toBe(401);
    expect((await call('/settings/stripe', { method: 'PUT', body: testKeys() })).status).toBe(401);
    expect((await call('/settings/stripe', { method: 'DELETE' })).status).toBe(401);
  });

  it('each business sees only its own Stripe setup', async () => {
    const a = await signUp();
    const b = await signUp();
    const keys = await connectStripe(a);
    const seenByB = await json(await call('/settings/stripe', { as: await withApiKey(b) }));
    expect(seenByB.configured).toBe(false);
    expect(JSON.stringify(seenByB)).not.toContain(keys.publishableKey);
  });
});
