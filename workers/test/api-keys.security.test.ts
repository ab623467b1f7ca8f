import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, json, ORIGIN, signUp } from './helpers/api';
import { connectStripe, testKeys } from './helpers/stripe';

type Scope = 'read' | 'write';

async function keyFor(owner: Caller, scope: Scope) {
  const res = await call('/api-keys', { method: 'POST', body: { name: `${scope} key`, scope }, as: owner });
  expect(res.status).toBe(201);
  const created = await json(res);
  return { id: created.id as string, as: { ...owner, headers: { authorization: `Bearer ${created.key}` } } };
}

async function expectForbidden(res: Response) {
  expect(res.status).toBe(403);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await json(res)).status).toBe(403);
}

const rows = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .all()
  ).results;

describe.each(['read', 'write'] as const)('a %s key', (scope) => {
  it('cannot create an API key (403, none made), with or without Idempotency-Key', async () => {
    const owner = await signUp();
    const { as } = await keyFor(owner, scope);
    for (const headers of [{}, { 'idempotency-key': 'mint-1' }] as Record<string, string>[]) {
      await expectForbidden(
        await call('/api-keys', { method: 'POST', body: { name: 'successor' }, as, headers }),
      );
    }
    expect(await rows('SELECT id FROM api_keys WHERE tenant_id = ?', owner.tenantId)).toHaveLength(1);
  });

  it('cannot reach key management by another spelling of the path', async () => {
    const owner = await signUp();
    const { as } = await keyFor(owner, scope);
    for (const path of ['/api%2Dkeys', '/api-keys/', '/%61pi-keys', '/api-keys?x=1', '/api-keys#x']) {
      const res = await SELF.fetch(`${ORIGIN}/api/v1${path}`, {
        method: 'POST',
        headers: { ...as.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'successor' }),
      });
      expect([403, 404], path).toContain(res.status);
    }
    expect(await rows('SELECT id FROM api_keys WHERE tenant_id = ?', owner.tenantId)).toHaveLength(1);
  });

  it('cannot revoke a key, its own or another (403, still active)', async () => {
    const owner = await signUp();
    const { id, as } = await keyFor(owner, scope);
    const other = await keyFor(owner, 'write');
    await expectForbidden(await call(`/api-keys/${other.id}`, { method: 'DELETE', as }));
    await expectForbidden(await call(`/api-keys/${id}`, { method: 'DELETE', as }));
    const active = await rows(
      'SELECT id FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL',
      owner.tenantId,
    );
    expect(active).toHaveLength(2);
  });

  it('cannot connect, change or remove Stripe (403, settings unchanged)', async () => {
    const owner = await signUp();
    const { as } = await keyFor(owner, scope);
    await expectForbidden(await call('/settings/stripe', { method: 'PUT', body: testKeys(), as }));
    expect((await json(await call('/settings/stripe', { as: owner }))).configured).toBe(false);
    const keys = await connectStripe(owner);
    const before = await rows('SELECT * FROM stripe_accounts WHERE tenant_id = ?', owner.tenantId);
    await expectForbidden(await call('/settings/stripe', { method: 'PUT', body: testKeys(), as }));
    await expectForbidden(await call('/settings/stripe', { method: 'DELETE', as }));
    await expectForbidden(await call('/settings/stripe/connect', { method: 'POST', body: {}, as }));
    expect(await rows('SELECT * FROM stripe_accounts WHERE tenant_id = ?', owner.tenantId)).toEqual(before);
    expect(before).toHaveLength(1);
    expect(keys.secretKey).toBeTruthy();
  });

  it('cannot read the dev outbox, which holds sign-in links (403)', async () => {
    const owner = await signUp();
    const { as } = await keyFor(owner, scope);
    await expectForbidden(await call('/dev/outbox', { as }));
    const head = await SELF.fetch(`${ORIGIN}/api/v1/dev/outbox`, { method: 'HEAD', headers: as.headers });
    expect(head.status).toBe(403);
    expect((await call('/dev/outbox', { as: owner })).status).toBe(200);
  });

  // A key acts with a role (write as admin, read as accountant): listing keys is a settings
  // right an accountant does not have; reading the Stripe status is a plain read.
  it(`may read Stripe settings, and list keys only with ${scope === 'write' ? "an admin's" : 'no'} settings right`, async () => {
    const owner = await signUp();
    const { as } = await keyFor(owner, scope);
    const list = await call('/api-keys', { as });
    if (scope === 'write') {
      expect(list.status).toBe(200);
      const key = as.headers.authorization.slice('Bearer '.length);
      expect(JSON.stringify(await json(list))).not.toContain(key);
    } else await expectForbidden(list);
    const stripe = await call('/settings/stripe', { as });
    expect(stripe.status).toBe(200);
    expect(JSON.stringify(await json(stripe))).not.toMatch(/sk_|whsec_/);
  });
});

describe('a read key changes nothing', () => {
  it('every unsafe method → 403, nothing written, last-used untouched by the refusal', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const { id, as } = await keyFor(owner, 'read');
    await env.DB.prepare('UPDATE api_keys SET last_used_at = NULL WHERE id = ?').bind(id).run();
    const attempts: [string, string, unknown?][] = [
      ['POST', '/clients', { name: 'New' }],
      ['PATCH', `/clients/${client.id}`, { name: 'Renamed' }],
      ['DELETE', `/clients/${client.id}`],
      ['PATCH', '/settings', { name: 'Renamed business' }],
      ['POST', '/invoices', { clientId: client.id, lines: [] }],
      ['POST', `/clients/${client.id}/portal-links`],
      ['PUT', '/templates/invoice', { language: 'en', subject: 'S', body: 'B' }],
      ['POST', '/templates/invoice/preview', { language: 'en' }],
      ['DELETE', '/sessions/current'],
      ['OPTIONS', '/clients'],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(path, {
        method,
        body,
        as,
        headers: { 'idempotency-key': `k-${method}-${path}` },
      });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const after = await json(await call(`/clients/${client.id}`, { as: owner }));
    expect(after).toMatchObject({ name: client.name, archivedAt: null });
    expect((await json(await call('/clients', { as: owner }))).data).toHaveLength(1);
    expect((await json(await call('/invoices', { as: owner }))).data).toHaveLength(0);
    expect(await rows('SELECT * FROM portal_links WHERE tenant_id = ?', owner.tenantId)).toHaveLength(0);
    expect(await rows('SELECT * FROM idempotency_keys WHERE principal = ?', `key:${id}`)).toHaveLength(0);
    const key = await rows('SELECT last_used_at FROM api_keys WHERE id = ?', id);
    expect(key).toEqual([{ last_used_at: null }]);
  });

  it('a read key of another business gets 403 for a write, 404 for a read of this one', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const { as } = await keyFor(await signUp(), 'read');
    expect((await call(`/clients/${client.id}`, { as })).status).toBe(404);
    await expectForbidden(await call(`/clients/${client.id}`, { method: 'DELETE', as }));
    expect((await json(await call(`/clients/${client.id}`, { as: owner }))).archivedAt).toBeNull();
  });
});

describe('a signed-in owner still does all of it', () => {
  it('creates and revokes keys, connects and removes Stripe, reads the outbox', async () => {
    const owner = await signUp();
    const { id } = await keyFor(owner, 'read');
    expect((await call(`/api-keys/${id}`, { method: 'DELETE', as: owner })).status).toBe(204);
    await connectStripe(owner);
    expect((await call('/settings/stripe', { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await call('/dev/outbox', { as: owner })).status).toBe(200);
  });
});
