import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  call,
  createClient,
  json,
  ORIGIN,
  randomAddress,
  sessionCookieOf,
  signUp,
  uniqueEmail,
} from './helpers/api';
import { acceptAsNewPerson, invitationMail, invitationToken, invite, joinAs } from './helpers/team';

const audit = async (tenantId: string, action: string) =>
  (
    await env.DB.prepare(
      'SELECT action, subject_id, detail, actor_id FROM audit_log WHERE tenant_id = ? AND action = ?',
    )
      .bind(tenantId, action)
      .all<{ action: string; subject_id: string; detail: string; actor_id: string }>()
  ).results;

describe('inviting someone to the business', () => {
  it('answers 201 with the pending invitation, lists it, emails a link with a 256-bit token and keeps only its hash', async () => {
    const owner = await signUp();
    const email = uniqueEmail('accountant');
    const res = await invite(owner, email, 'accountant');
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ email, role: 'accountant', status: 'pending' });
    expect(created.id).toMatch(/^ivt_/);
    const week = new Date(created.expiresAt).getTime() - new Date(created.createdAt).getTime();
    expect(week).toBe(7 * 24 * 3600 * 1000);

    const list = await json(await call('/invitations', { as: owner }));
    expect(list.data.map((i: { id: string }) => i.id)).toEqual([created.id]);

    const mail = await invitationMail(owner.tenantId, email);
    expect(mail.subject).toContain('Studio Norte');
    expect(mail.text).toContain(`${ORIGIN}/invitations/`);
    const token = await invitationToken(owner.tenantId, email);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await env.DB.prepare('SELECT token_hash FROM invitations WHERE id = ?')
      .bind(created.id)
      .first<{ token_hash: string }>();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);
    expect(await audit(owner.tenantId, 'invitation.created')).toHaveLength(1);
  });

  it('writes the email in the business language', async () => {
    const owner = await signUp({ locale: 'pt' });
    const email = uniqueEmail('pt');
    await invite(owner, email, 'member');
    const mail = await invitationMail(owner.tenantId, email);
    expect(mail.subject).toContain('Foi convidado');
    expect(mail.text).toContain('Aceitar o convite');
  });

  it('a new person accepts with a name and a password: signed in to the business with the role, the link then dead', async () => {
    const owner = await signUp();
    const email = uniqueEmail('member');
    const { id } = await json(await invite(owner, email, 'member'));
    const token = await invitationToken(owner.tenantId, email);

    const preview = await call(`/invitations/${token}/accept`, {
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect(preview.status).toBe(200);
    expect(await json(preview)).toMatchObject({ businessName: 'Studio Norte', email, role: 'member' });

    const res = await acceptAsNewPerson(token, 'Ana Reis');
    expect(res.status).toBe(201);
    const session = await json(res);
    expect(session).toMatchObject({
      email,
      tenantId: owner.tenantId,
      role: 'member',
      businessName: 'Studio Norte',
    });
    const cookie = sessionCookieOf(res);
    const current = await json(await call('/sessions/current', { headers: { cookie } }));
    expect(current).toMatchObject({ tenantId: owner.tenantId, role: 'member' });
    // A member does the daily work.
    expect(
      (await call('/clients', { method: 'POST', body: { name: 'Acme' }, headers: { cookie } })).status,
    ).toBe(201);

    expect((await acceptAsNewPerson(token, 'Again')).status).toBe(404);
    expect((await json(await call('/invitations', { as: owner }))).data).toEqual([]);
    const members = await json(await call('/members', { as: owner }));
    expect(members.data.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [email, 'member'],
    ]);
    const accepted = await audit(owner.tenantId, 'invitation.accepted');
    expect(accepted.map((a) => a.subject_id)).toEqual([id]);
    expect(accepted[0]?.actor_id).toBe(session.userId);
  });

  it('re-inviting a pending address replaces the invitation: one pending, the first link dead', async () => {
    const owner = await signUp();
    const email = uniqueEmail('again');
    await invite(owner, email, 'member');
    const first = await invitationToken(owner.tenantId, email);
    const second = await json(await invite(owner, email, 'accountant'));
    expect(second.role).toBe('accountant');
    const list = (await json(await call('/invitations', { as: owner }))).data;
    expect(list.map((i: { id: string }) => i.id)).toEqual([second.id]);
    expect((await acceptAsNewPerson(first)).status).toBe(404);
    const res = await acceptAsNewPerson(await invitationToken(owner.tenantId, email));
    expect((await json(res)).role).toBe('accountant');
  });

  it('resend gives a new link and a new week; the old link stops working', async () => {
    const owner = await signUp();
    const email = uniqueEmail('resend');
    const { id } = await json(await invite(owner, email, 'member'));
    const old = await invitationToken(owner.tenantId, email);
    await env.DB.prepare('UPDATE invitations SET expires_at = expires_at - 86400000 WHERE id = ?')
      .bind(id)
      .run();
    const res = await call(`/invitations/${id}/resend`, { method: 'POST', as: owner });
    expect(res.status).toBe(202);
    const renewed = await json(res);
    expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600 * 1000);
    const fresh = await invitationToken(owner.tenantId, email);
    expect(fresh).not.toBe(old);
    expect((await acceptAsNewPerson(old)).status).toBe(404);
    expect((await acceptAsNewPerson(fresh)).status).toBe(201);
    expect(await audit(owner.tenantId, 'invitation.resent')).toHaveLength(1);
  });

  it('revoke: 204, gone from the list, its link dead, one audit line', async () => {
    const owner = await signUp();
    const email = uniqueEmail('revoked');
    const { id } = await json(await invite(owner, email, 'member'));
    const token = await invitationToken(owner.tenantId, email);
    expect((await call(`/invitations/${id}`, { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await json(await call('/invitations', { as: owner }))).data).toEqual([]);
    expect((await acceptAsNewPerson(token)).status).toBe(404);
    expect(await audit(owner.tenantId, 'invitation.revoked')).toHaveLength(1);
  });

  it('someone with an account, signed in with the invited address, joins with one click and the session moves there', async () => {
    const mine = await signUp();
    const other = await signUp();
    await invite(other, mine.email, 'admin');
    const token = await invitationToken(other.tenantId, mine.email);
    const res = await call(`/invitations/${token}/accept`, {
      method: 'POST',
      as: mine,
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ tenantId: other.tenantId, role: 'admin', email: mine.email });
    const current = await json(await call('/sessions/current', { as: mine }));
    expect(current).toMatchObject({ tenantId: other.tenantId, role: 'admin' });
    const businesses = await json(await call('/me/businesses', { as: mine }));
    expect(businesses.data).toHaveLength(2);
    const users = await env.DB.prepare('SELECT count(*) AS n FROM users WHERE email = ?')
      .bind(mine.email)
      .first<{ n: number }>();
    expect(users?.n).toBe(1);
  });

  it('an accountant who joined sees invoices and clients but may not write', async () => {
    const owner = await signUp();
    await createClient(owner);
    const accountant = await joinAs(owner, 'accountant', uniqueEmail('acc'));
    expect((await call('/clients', { as: accountant })).status).toBe(200);
    expect((await call('/invoices', { as: accountant })).status).toBe(200);
    const refused = await call('/clients', { method: 'POST', body: { name: 'No' }, as: accountant });
    expect(refused.status).toBe(403);
    expect((await json(refused)).detail).toContain('accountant');
  });
});
