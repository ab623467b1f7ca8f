import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createClient, json, signUp, withApiKey } from './helpers/api';
import { exportNow } from './helpers/exports';

const asRole = (tenantId: string, role: string) =>
  env.DB.prepare('UPDATE memberships SET role = ? WHERE tenant_id = ?').bind(role, tenantId).run();

describe('imports and their callers', () => {
  it('only the owner, signed in, may import: admin, member and accountant 403 naming the role; any API key 403', async () => {
    const source = await signUp();
    await createClient(source);
    const { bytes } = await exportNow(source);
    const target = await signUp();
    const key = await withApiKey(target);
    const send = (as: typeof target) =>
      call('/imports', { method: 'POST', body: bytes, headers: { 'content-type': 'application/zip' }, as });
    for (const role of ['admin', 'member', 'accountant']) {
      await asRole(target.tenantId, role);
      const res = await send(target);
      expect(res.status, role).toBe(403);
      expect((await json(res)).detail).toContain(role);
    }
    await asRole(target.tenantId, 'owner');
    expect((await send(key)).status).toBe(403);
    const clients = await env.DB.prepare('SELECT count(*) AS n FROM clients WHERE tenant_id = ?')
      .bind(target.tenantId)
      .first<{ n: number }>();
    expect(clients!.n).toBe(0);
    expect((await send(target)).status).toBe(201);
  });

  it('an import writes only into the caller’s business, whatever business the archive names', async () => {
    const source = await signUp();
    await createClient(source, { name: 'Only once' });
    const { bytes } = await exportNow(source);
    const target = await signUp();
    await call('/imports', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/zip' },
      as: target,
    });
    const rows = await env.DB.prepare("SELECT tenant_id FROM clients WHERE name = 'Only once'").all<{
      tenant_id: string;
    }>();
    expect(rows.results.map((r) => r.tenant_id).sort()).toEqual([source.tenantId, target.tenantId].sort());
  });
});
