import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, createClient, issuedInvoice, json, problemOf, signUp, withApiKey } from './helpers/api';
import { auditLines } from './helpers/audit';
import { connectStripe } from './helpers/stripe';

const setRole = (tenantId: string, role: string) =>
  env.DB.prepare('UPDATE memberships SET role = ? WHERE tenant_id = ?').bind(role, tenantId).run();

describe('audit log: who may read it, and what it never holds', () => {
  afterEach(() => vi.restoreAllMocks());

  it("another business's lines are never visible, not even by their subject id", async () => {
    const [a, b] = await Promise.all([signUp(), signUp()]);
    const { invoice } = await issuedInvoice(a);
    await createClient(b);
    const seenByB = await auditLines(b);
    expect(seenByB.length).toBeGreaterThan(0);
    expect(JSON.stringify(seenByB)).not.toContain(a.tenantId);
    expect(seenByB.some((l) => l.subject.id === invoice.id)).toBe(false);
    expect(await auditLines(b, `subjectId=${invoice.id}`)).toEqual([]);
    expect((await auditLines(a, `subjectId=${invoice.id}`)).length).toBeGreaterThan(0);
  });

  it('a member or an accountant → 403 naming the role; an owner or admin reads it', async () => {
    const owner = await signUp();
    for (const role of ['member', 'accountant']) {
      await setRole(owner.tenantId, role);
      const res = await call('/audit-log', { as: owner });
      expect(res.status, role).toBe(403);
      expect((await problemOf(res)).detail, role).toContain(role);
    }
    await setRole(owner.tenantId, 'admin');
    expect((await call('/audit-log', { as: owner })).status).toBe(200);
    await setRole(owner.tenantId, 'owner');
    expect((await call('/audit-log', { as: owner })).status).toBe(200);
  });

  it('no API key, Stripe secret or password ever appears in a line', async () => {
    const password = 'correct horse battery';
    const owner = await signUp({ password });
    const keys = await connectStripe(owner);
    await call('/settings/stripe', { method: 'DELETE', as: owner });
    const made = await json(await call('/api-keys', { method: 'POST', body: { name: 'Sync' }, as: owner }));
    await call(`/api-keys/${made.id}`, { method: 'DELETE', as: owner });
    const stored = await env.DB.prepare('SELECT * FROM audit_log WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .all();
    const text = JSON.stringify(stored.results) + JSON.stringify(await auditLines(owner));
    expect(text).toContain('stripe.connected');
    expect(text).toContain('stripe.disconnected');
    expect(text).toContain('api_key.created');
    for (const secret of [keys.secretKey, keys.webhookSecret, made.key, password]) {
      expect(text).not.toContain(secret);
    }
  });

  it('a write with an API key is attributed to the key, not to the person who made it', async () => {
    const owner = await signUp();
    const keyed = await withApiKey(owner);
    const c = await createClient(keyed);
    await call(`/clients/${c.id}`, { method: 'PATCH', body: { phone: '+351 1' }, as: keyed });
    const lines = await auditLines(owner, `subjectId=${c.id}`);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.actor).toMatchObject({ type: 'apiKey', name: 'test' });
    const keyId = lines[0]!.actor.id!;
    expect((await auditLines(owner, `actor=${keyId}`)).map((l) => l.subject.id)).toEqual([c.id, c.id]);
  });
});
