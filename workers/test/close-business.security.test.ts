import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, problemOf, randomAddress, signUp, withApiKey } from './helpers/api';
import { closeBusiness } from './helpers/closing';

const PASSWORD = 'correct horse battery';

async function setRole(tenantId: string, role: string) {
  await env.DB.prepare('UPDATE memberships SET role = ? WHERE tenant_id = ?').bind(role, tenantId).run();
}

describe('only an owner, signed in, closes a business — and only their own', { timeout: 60_000 }, () => {
  for (const role of ['admin', 'member', 'accountant']) {
    it(`${role} → 403 naming the role, nothing closed`, async () => {
      const person = await signUp({ businessName: 'Studio Norte' });
      await setRole(person.tenantId, role);
      const res = await closeBusiness(person, { confirm: 'Studio Norte', password: PASSWORD });
      expect(res.status).toBe(403);
      expect((await problemOf(res)).detail).toContain(role);
      const t = await env.DB.prepare('SELECT closed_at AS c FROM tenants WHERE id = ?')
        .bind(person.tenantId)
        .first<{ c: number | null }>();
      expect(t?.c).toBeNull();
    });
  }

  it('no API key of any scope, even the owner’s → 403', async () => {
    const owner = await signUp({ businessName: 'Studio Norte' });
    const key = await withApiKey(owner);
    const res = await closeBusiness(key, { confirm: 'Studio Norte', password: PASSWORD });
    expect(res.status).toBe(403);
    expect((await call('/clients', { as: owner })).status).toBe(200);
  });

  it('no session → 401; a cookie from another site → 403', async () => {
    const owner = await signUp({ businessName: 'Studio Norte' });
    expect(
      (await closeBusiness({ ...owner, headers: {} }, { confirm: 'Studio Norte', password: PASSWORD }))
        .status,
    ).toBe(401);
    const res = await closeBusiness(
      owner,
      { confirm: 'Studio Norte', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
  });

  it('closing one business never touches another, even one the same person owns', async () => {
    const a = await signUp({ businessName: 'Alpha' });
    const b = await signUp({ businessName: 'Beta' });
    // The owner of Beta also owns Alpha and closes Alpha: Beta and its sessions stay.
    const userB = (await env.DB.prepare('SELECT id FROM users WHERE email = ?')
      .bind(b.email)
      .first<{ id: string }>())!.id;
    await env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)",
    )
      .bind(a.tenantId, userB, Date.now())
      .run();
    const signIn = await call('/sessions', {
      method: 'POST',
      body: { email: b.email, password: PASSWORD },
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    const current = await json(await call('/sessions/current', { as: b }));
    expect(current.tenantId).toBe(b.tenantId);
    expect(signIn.status).toBe(201);
    // b's session acts for Beta: closing from it closes Beta's name check, not Alpha.
    const wrong = await closeBusiness(b, { confirm: 'Alpha', password: PASSWORD });
    expect(wrong.status).toBe(422);
    expect((await call('/clients', { as: a })).status).toBe(200);
    expect((await call('/clients', { as: b })).status).toBe(200);
  });
});
