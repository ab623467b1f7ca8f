import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, json, ORIGIN, signUp } from './helpers/api';

async function newKey(owner: Caller, body: Record<string, unknown>) {
  const res = await call('/api-keys', { method: 'POST', body: { name: 'Integration', ...body }, as: owner });
  expect(res.status).toBe(201);
  const created = await json(res);
  return { created, as: { ...owner, headers: { authorization: `Bearer ${created.key}` } } };
}

describe('API key scopes: happy paths', () => {
  it('a key is `write` unless asked otherwise; the scope is returned on create and in the list', async () => {
    const owner = await signUp();
    const plain = await newKey(owner, {});
    expect(plain.created.scope).toBe('write');
    const reader = await newKey(owner, { name: 'Dashboard', scope: 'read' });
    expect(reader.created.scope).toBe('read');
    const writer = await newKey(owner, { name: 'Sync', scope: 'write' });
    expect(writer.created.scope).toBe('write');
    const listed = (await json(await call('/api-keys', { as: owner }))).data;
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: plain.created.id, scope: 'write' }),
        expect.objectContaining({ id: reader.created.id, scope: 'read' }),
        expect.objectContaining({ id: writer.created.id, scope: 'write' }),
      ]),
    );
  });

  it('a read key reads what an accountant reads (GET and HEAD)', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const { as } = await newKey(owner, { scope: 'read' });
    for (const path of ['/clients', `/clients/${client.id}`, '/invoices', '/tickets', '/settings']) {
      expect((await call(path, { as })).status, path).toBe(200);
    }
    // A read key acts as an accountant, whose role does not cover the business's keys.
    const keys = await call('/api-keys', { as });
    expect(keys.status).toBe(403);
    expect((await json(keys)).detail).toContain('(accountant)');
    expect((await call('/settings/stripe', { as })).status).toBe(200);
    const head = await SELF.fetch(`${ORIGIN}/api/v1/clients`, { method: 'HEAD', headers: as.headers });
    expect(head.status).toBe(200);
  });

  it('a write key writes', async () => {
    const owner = await signUp();
    const { as } = await newKey(owner, { scope: 'write' });
    const res = await call('/clients', { method: 'POST', body: { name: 'Written by key' }, as });
    expect(res.status).toBe(201);
    const id = (await json(res)).id;
    expect((await call(`/clients/${id}`, { method: 'PATCH', body: { name: 'Renamed' }, as })).status).toBe(
      200,
    );
  });

  it('keys made before scopes existed are `write` keys', async () => {
    const owner = await signUp();
    const { created, as } = await newKey(owner, { scope: 'read' });
    // A row as it stood before the column existed: inserted without a scope.
    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?').bind(created.id).first<any>();
    await env.DB.prepare('DELETE FROM api_keys WHERE id = ?').bind(created.id).run();
    await env.DB.prepare(
      'INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
      .bind(row.id, row.tenant_id, row.name, row.prefix, row.key_hash, row.created_by, row.created_at)
      .run();
    const listed = (await json(await call('/api-keys', { as: owner }))).data;
    expect(listed).toEqual([expect.objectContaining({ id: created.id, scope: 'write' })]);
    expect((await call('/clients', { method: 'POST', body: { name: 'Old key' }, as })).status).toBe(201);
  });
});
