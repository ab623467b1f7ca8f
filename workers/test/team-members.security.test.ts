import { describe, expect, it } from 'vitest';
import { call, json, problemOf, signUp, uniqueEmail, withApiKey } from './helpers/api';
import { joinAs, userIdOf } from './helpers/team';

describe('who may manage members', () => {
  it("another business's member → 404 for change and removal, and nothing changes", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const member = await joinAs(owner, 'member', uniqueEmail('m'));
    expect(
      (await call(`/members/${member.userId}`, { method: 'PATCH', body: { role: 'admin' }, as: intruder }))
        .status,
    ).toBe(404);
    expect((await call(`/members/${member.userId}`, { method: 'DELETE', as: intruder })).status).toBe(404);
    expect((await json(await call('/sessions/current', { as: member }))).role).toBe('member');
  });

  it('members and accountants cannot change roles or remove others: 403 naming their role', async () => {
    const owner = await signUp();
    const ownerId = await userIdOf(owner);
    for (const role of ['member', 'accountant'] as const) {
      const person = await joinAs(owner, role, uniqueEmail(role));
      const promote = await call(`/members/${person.userId}`, {
        method: 'PATCH',
        body: { role: 'owner' },
        as: person,
      });
      expect(promote.status).toBe(403);
      expect((await problemOf(promote)).detail).toContain(`(${role})`);
      expect((await call(`/members/${ownerId}`, { method: 'DELETE', as: person })).status).toBe(403);
    }
  });

  it('API keys may list members but never change the team', async () => {
    const owner = await signUp();
    const key = await withApiKey(owner);
    const member = await joinAs(owner, 'member', uniqueEmail('m'));
    expect((await call('/members', { as: key })).status).toBe(200);
    expect(
      (await call(`/members/${member.userId}`, { method: 'PATCH', body: { role: 'admin' }, as: key })).status,
    ).toBe(403);
    expect((await call(`/members/${member.userId}`, { method: 'DELETE', as: key })).status).toBe(403);
  });

  it('a write API key acts as an admin (settings yes), a read key as an accountant', async () => {
    const owner = await signUp();
    const write = await withApiKey(owner);
    expect((await call('/settings', { method: 'PATCH', body: { name: 'By key' }, as: write })).status).toBe(
      200,
    );
    const created = await json(
      await call('/api-keys', { method: 'POST', body: { name: 'r', scope: 'read' }, as: owner }),
    );
    const read = { ...owner, headers: { authorization: `Bearer ${created.key}` } };
    expect((await call('/invoices', { as: read })).status).toBe(200);
    expect((await call('/invitations', { as: read })).status).toBe(403);
  });
});
