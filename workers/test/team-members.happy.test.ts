import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, signUp, uniqueEmail } from './helpers/api';
import { joinAs, userIdOf } from './helpers/team';

const auditOf = async (tenantId: string, action: string) =>
  (
    await env.DB.prepare(
      'SELECT subject_id, detail, actor_id FROM audit_log WHERE tenant_id = ? AND action = ?',
    )
      .bind(tenantId, action)
      .all<{ subject_id: string; detail: string; actor_id: string }>()
  ).results;

describe('members of a business', () => {
  it('everyone in the business, accountant included, sees who is in it', async () => {
    const owner = await signUp();
    const accountant = await joinAs(owner, 'accountant', uniqueEmail('acc'));
    const res = await call('/members', { as: accountant });
    expect(res.status).toBe(200);
    const { data } = await json(res);
    expect(data.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [accountant.email, 'accountant'],
    ]);
    expect(data[1]).toMatchObject({ userId: accountant.userId, name: 'Ana Reis' });
    expect(Number.isNaN(Date.parse(data[1].joinedAt))).toBe(false);
  });

  it("the owner changes a member's role: the next request acts with it, and the log says from and to", async () => {
    const owner = await signUp();
    const member = await joinAs(owner, 'member', uniqueEmail('m'));
    expect((await call('/settings', { method: 'PATCH', body: { name: 'X' }, as: member })).status).toBe(403);
    const res = await call(`/members/${member.userId}`, {
      method: 'PATCH',
      body: { role: 'admin' },
      as: owner,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ userId: member.userId, role: 'admin' });
    expect((await json(await call('/sessions/current', { as: member }))).role).toBe('admin');
    expect(
      (await call('/settings', { method: 'PATCH', body: { name: 'Studio Sul' }, as: member })).status,
    ).toBe(200);
    const lines = await auditOf(owner.tenantId, 'member.role_changed');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!.detail)).toEqual({ from: 'member', to: 'admin' });
    expect(lines[0]!.actor_id).toBe(await userIdOf(owner));
  });

  it('an owner can make a second owner, and then step down', async () => {
    const owner = await signUp();
    const partner = await joinAs(owner, 'admin', uniqueEmail('partner'));
    const ownerId = await userIdOf(owner);
    expect(
      (await call(`/members/${partner.userId}`, { method: 'PATCH', body: { role: 'owner' }, as: owner }))
        .status,
    ).toBe(200);
    const down = await call(`/members/${ownerId}`, { method: 'PATCH', body: { role: 'admin' }, as: owner });
    expect(down.status).toBe(200);
    expect((await json(await call('/sessions/current', { as: owner }))).role).toBe('admin');
  });

  it('removing a member ends their sessions in this business at once: rows gone, next request 401', async () => {
    const owner = await signUp();
    const member = await joinAs(owner, 'member', uniqueEmail('leaver'));
    expect((await call('/clients', { as: member })).status).toBe(200);
    const res = await call(`/members/${member.userId}`, { method: 'DELETE', as: owner });
    expect(res.status).toBe(204);
    expect((await call('/clients', { as: member })).status).toBe(401);
    const left = await env.DB.prepare(
      'SELECT count(*) AS n FROM sessions WHERE user_id = ? AND tenant_id = ?',
    )
      .bind(member.userId, owner.tenantId)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
    expect((await json(await call('/members', { as: owner }))).data).toHaveLength(1);
    const lines = await auditOf(owner.tenantId, 'member.removed');
    expect(lines.map((l) => l.subject_id)).toEqual([member.userId]);
  });

  it('anyone may leave a business themselves, an accountant included', async () => {
    const owner = await signUp();
    const accountant = await joinAs(owner, 'accountant', uniqueEmail('bye'));
    expect((await call(`/members/${accountant.userId}`, { method: 'DELETE', as: accountant })).status).toBe(
      204,
    );
    expect((await call('/sessions/current', { as: accountant })).status).toBe(401);
  });

  it('a person removed from one business keeps their other business and its sessions', async () => {
    const mine = await signUp();
    const other = await signUp();
    const me = await userIdOf(mine);
    await env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, 'member', ?)",
    )
      .bind(other.tenantId, me, Date.now())
      .run();
    expect((await call(`/members/${me}`, { method: 'DELETE', as: other })).status).toBe(204);
    expect((await json(await call('/sessions/current', { as: mine }))).tenantId).toBe(mine.tenantId);
  });
});
