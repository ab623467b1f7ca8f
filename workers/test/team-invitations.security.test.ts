import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, problemOf, randomAddress, signUp, uniqueEmail, withApiKey } from './helpers/api';
import { acceptAsNewPerson, invitationToken, invite, joinAs } from './helpers/team';

describe('invitations and who may touch them', () => {
  it('guessing tokens from one address is throttled: 429 with Retry-After, even for a real token', async () => {
    const owner = await signUp();
    const email = uniqueEmail('real');
    await invite(owner, email, 'member');
    const token = await invitationToken(owner.tenantId, email);
    const ip = randomAddress();
    for (let i = 0; i < 20; i++) {
      const miss = await call(`/invitations/guess${i}${'a'.repeat(40)}/accept`, {
        method: 'POST',
        body: { name: 'X', password: 'correct horse battery' },
        headers: { 'cf-connecting-ip': ip },
      });
      expect(miss.status).toBe(404);
    }
    const blocked = await acceptAsNewPerson(token, 'Ana', { 'cf-connecting-ip': ip });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held up by the guesser.
    expect((await acceptAsNewPerson(token)).status).toBe(201);
  });

  it("another business's invitation id → 404 for revoke and resend, and it stays pending", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const { id } = await json(await invite(owner, uniqueEmail('kept'), 'member'));
    expect((await call(`/invitations/${id}`, { method: 'DELETE', as: intruder })).status).toBe(404);
    expect((await call(`/invitations/${id}/resend`, { method: 'POST', as: intruder })).status).toBe(404);
    expect((await json(await call('/invitations', { as: owner }))).data).toHaveLength(1);
    expect((await json(await call('/invitations', { as: intruder }))).data).toHaveLength(0);
  });

  it('members and accountants cannot invite or see invitations: 403 naming the role', async () => {
    const owner = await signUp();
    for (const role of ['member', 'accountant'] as const) {
      const person = await joinAs(owner, role, uniqueEmail(role));
      const refused = await invite(person, uniqueEmail('friend'), 'admin');
      expect(refused.status).toBe(403);
      expect((await problemOf(refused)).detail).toContain(`(${role})`);
      expect((await call('/invitations', { as: person })).status).toBe(403);
    }
  });

  it('an admin cannot revoke or resend an invitation to be owner', async () => {
    const owner = await signUp();
    const admin = await joinAs(owner, 'admin', uniqueEmail('admin'));
    const { id } = await json(await invite(owner, uniqueEmail('coowner'), 'owner'));
    expect((await call(`/invitations/${id}`, { method: 'DELETE', as: admin })).status).toBe(403);
    expect((await call(`/invitations/${id}/resend`, { method: 'POST', as: admin })).status).toBe(403);
  });

  it('no API key can invite, revoke or resend (a person does that)', async () => {
    const owner = await signUp();
    const key = await withApiKey(owner);
    expect((await invite(key, uniqueEmail('bot'), 'member')).status).toBe(403);
    const { id } = await json(await invite(owner, uniqueEmail('kept'), 'member'));
    expect((await call(`/invitations/${id}`, { method: 'DELETE', as: key })).status).toBe(403);
    expect((await call(`/invitations/${id}/resend`, { method: 'POST', as: key })).status).toBe(403);
  });

  it('a one-click accept with the session cookie must come from the app (403 from another site)', async () => {
    const mine = await signUp();
    const other = await signUp();
    await invite(other, mine.email, 'admin');
    const token = await invitationToken(other.tenantId, mine.email);
    const res = await call(`/invitations/${token}/accept`, {
      method: 'POST',
      as: mine,
      headers: { origin: 'https://evil.example', 'cf-connecting-ip': randomAddress() },
    });
    expect(res.status).toBe(403);
    const n = await env.DB.prepare('SELECT count(*) AS n FROM memberships WHERE tenant_id = ?')
      .bind(other.tenantId)
      .first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it('the email holds the token; the database, the API answers and the list never do', async () => {
    const owner = await signUp();
    const email = uniqueEmail('secret');
    const created = await (await invite(owner, email, 'member')).text();
    const token = await invitationToken(owner.tenantId, email);
    expect(created).not.toContain(token);
    expect(await (await call('/invitations', { as: owner })).text()).not.toContain(token);
    const row = await env.DB.prepare('SELECT * FROM invitations WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first();
    expect(JSON.stringify(row)).not.toContain(token);
  });
});
