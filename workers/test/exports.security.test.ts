import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, issuedInvoice, json, signUp, withApiKey } from './helpers/api';
import { exportNow, jsonFile } from './helpers/exports';

const asRole = (owner: Caller, role: string) =>
  env.DB.prepare('UPDATE memberships SET role = ? WHERE tenant_id = ?').bind(role, owner.tenantId).run();

describe('exports and their callers', () => {
  it("another business's export is 404 for reading and downloading", async () => {
    const owner = await signUp();
    await createClient(owner);
    const out = await exportNow(owner);
    const other = await signUp();
    expect((await call(`/exports/${out.id}`, { as: other })).status).toBe(404);
    expect((await call(`/exports/${out.id}/download`, { as: other })).status).toBe(404);
    expect((await json(await call('/exports', { as: other }))).data).toEqual([]);
  });

  it('the ZIP holds only this business’s rows and files', async () => {
    const mine = await signUp({ businessName: 'Mine' });
    const theirs = await signUp({ businessName: 'Theirs' });
    const a = await issuedInvoice(mine, {}, { name: 'My client' });
    const b = await issuedInvoice(theirs, {}, { name: 'Their client' });
    const out = await exportNow(mine);
    const everything = Object.values(out.files)
      .map((bytes) => new TextDecoder().decode(bytes))
      .join('\n');
    expect(everything).toContain(a.invoice.id);
    expect(everything).not.toContain(b.invoice.id);
    expect(everything).not.toContain(b.client.id);
    expect(everything).not.toContain(theirs.tenantId);
    expect(everything).not.toContain('Their client');
    expect(jsonFile(out.files, 'clients.json')).toHaveLength(1);
    expect(Object.keys(out.files).filter((n) => n.startsWith('pdfs/'))).toEqual([`pdfs/${a.invoice.id}.pdf`]);
  });

  it('a member may not export (403 naming the role); an accountant may', async () => {
    const owner = await signUp();
    await createClient(owner);
    await asRole(owner, 'member');
    const refused = await call('/exports', { method: 'POST', as: owner });
    expect(refused.status).toBe(403);
    expect((await json(refused)).detail).toContain('member');
    expect((await call('/exports', { as: owner })).status).toBe(403);
    await asRole(owner, 'accountant');
    const out = await exportNow(owner);
    expect(out.view.status).toBe('ready');
    await asRole(owner, 'owner');
  });

  it('a write API key may ask for an export (backups); a read key may only look', async () => {
    const owner = await signUp();
    const key = await withApiKey(owner);
    expect((await call('/exports', { method: 'POST', as: key })).status).toBe(202);
    const read = await call('/api-keys', { method: 'POST', body: { name: 'r', scope: 'read' }, as: owner });
    const reader = { ...owner, headers: { authorization: `Bearer ${(await json(read)).key}` } };
    expect((await call('/exports', { method: 'POST', as: reader })).status).toBe(403);
    expect((await call('/exports', { as: reader })).status).toBe(200);
  });

  it('the download is written to the audit log, with who took it', async () => {
    const owner = await signUp();
    const out = await exportNow(owner);
    const line = await env.DB.prepare(
      "SELECT actor_type, subject_id FROM audit_log WHERE tenant_id = ? AND action = 'export.downloaded'",
    )
      .bind(owner.tenantId)
      .first<{ actor_type: string; subject_id: string }>();
    expect(line).toEqual({ actor_type: 'user', subject_id: out.id });
  });
});
