import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, problemOf, randomAddress, signUp, uniqueEmail } from './helpers/api';
import { acceptAsNewPerson, invitationToken, invite, joinAs } from './helpers/team';

const usersWith = async (email: string) =>
  (await env.DB.prepare('SELECT count(*) AS n FROM users WHERE email = ?').bind(email).first<{ n: number }>())
    ?.n;

describe('invitations refused', () => {
  it('an admin cannot invite an owner (403), an owner can', async () => {
    const owner = await signUp();
    const admin = await joinAs(owner, 'admin', uniqueEmail('admin'));
    const refused = await invite(admin, uniqueEmail('boss'), 'owner');
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toContain('owner');
    expect((await invite(admin, uniqueEmail('helper'), 'member')).status).toBe(201);
    expect((await invite(owner, uniqueEmail('co-owner'), 'owner')).status).toBe(201);
  });

  it('inviting someone already in the business → 409 naming email', async () => {
    const owner = await signUp();
    const res = await invite(owner, owner.email.toUpperCase(), 'member');
    expect(res.status).toBe(409);
    expect((await problemOf(res)).errors.map((e) => e.path)).toEqual(['email']);
  });

  it('a bad address or role → 422 naming the field, nothing stored', async () => {
    const owner = await signUp();
    const bad = await invite(owner, 'not-an-address', 'member');
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors.map((e) => e.path)).toContain('email');
    const role = await call('/invitations', {
      method: 'POST',
      body: { email: uniqueEmail(), role: 'king' },
      as: owner,
    });
    expect(role.status).toBe(422);
    expect((await problemOf(role)).errors.map((e) => e.path)).toContain('role');
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it('an unknown, expired or used link → 404 problem', async () => {
    const owner = await signUp();
    expect((await acceptAsNewPerson('x'.repeat(43))).status).toBe(404);
    const email = uniqueEmail('late');
    const { id } = await json(await invite(owner, email, 'member'));
    const token = await invitationToken(owner.tenantId, email);
    await env.DB.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, id)
      .run();
    const expired = await acceptAsNewPerson(token);
    expect(expired.status).toBe(404);
    expect((await problemOf(expired)).detail).toMatch(/expired/);
    expect(await usersWith(email)).toBe(0);
  });

  it('an address that has an account, not signed in → 409 asking to sign in; no second account', async () => {
    const owner = await signUp();
    const existing = await signUp();
    await invite(owner, existing.email, 'member');
    const res = await acceptAsNewPerson(await invitationToken(owner.tenantId, existing.email));
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/sign in/i);
    expect(await usersWith(existing.email)).toBe(1);
    const members = await json(await call('/members', { as: owner }));
    expect(members.data).toHaveLength(1);
  });

  it('signed in with another address → 409; the invitation stays open and nobody joins', async () => {
    const owner = await signUp();
    const someoneElse = await signUp();
    const email = uniqueEmail('invited');
    await invite(owner, email, 'admin');
    const token = await invitationToken(owner.tenantId, email);
    const res = await call(`/invitations/${token}/accept`, {
      method: 'POST',
      as: someoneElse,
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/another email/);
    expect((await json(await call('/sessions/current', { as: someoneElse }))).tenantId).toBe(
      someoneElse.tenantId,
    );
    expect((await json(await call('/invitations', { as: owner }))).data).toHaveLength(1);
  });

  it('a new person without name or password → 422 naming each', async () => {
    const owner = await signUp();
    const email = uniqueEmail('blank');
    await invite(owner, email, 'member');
    const token = await invitationToken(owner.tenantId, email);
    const res = await call(`/invitations/${token}/accept`, {
      method: 'POST',
      body: {},
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path).sort()).toEqual(['name', 'password']);
    const short = await call(`/invitations/${token}/accept`, {
      method: 'POST',
      body: { name: 'Ana', password: 'short' },
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect(short.status).toBe(422);
    expect((await problemOf(short)).errors.map((e) => e.path)).toEqual(['password']);
    expect(await usersWith(email)).toBe(0);
  });

  it('revoking or resending an unknown or already revoked invitation → 404', async () => {
    const owner = await signUp();
    const { id } = await json(await invite(owner, uniqueEmail('twice'), 'member'));
    expect((await call(`/invitations/${id}`, { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await call(`/invitations/${id}`, { method: 'DELETE', as: owner })).status).toBe(404);
    expect((await call(`/invitations/${id}/resend`, { method: 'POST', as: owner })).status).toBe(404);
    expect((await call('/invitations/ivt_nope', { method: 'DELETE', as: owner })).status).toBe(404);
  });
});
