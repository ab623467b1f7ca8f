import { describe, expect, it } from 'vitest';
import { call, json, problemOf, signUp, uniqueEmail } from './helpers/api';
import { joinAs, userIdOf } from './helpers/team';

describe('team changes refused', () => {
  it('the last owner cannot be demoted or leave: 409, and stays owner', async () => {
    const owner = await signUp();
    const me = await userIdOf(owner);
    const demote = await call(`/members/${me}`, { method: 'PATCH', body: { role: 'admin' }, as: owner });
    expect(demote.status).toBe(409);
    expect((await problemOf(demote)).detail).toMatch(/owner/);
    const leave = await call(`/members/${me}`, { method: 'DELETE', as: owner });
    expect(leave.status).toBe(409);
    expect((await json(await call('/sessions/current', { as: owner }))).role).toBe('owner');
  });

  it('an admin cannot change or remove an owner, nor make anyone owner: 403', async () => {
    const owner = await signUp();
    const admin = await joinAs(owner, 'admin', uniqueEmail('admin'));
    const member = await joinAs(owner, 'member', uniqueEmail('m'));
    const ownerId = await userIdOf(owner);
    for (const res of [
      await call(`/members/${ownerId}`, { method: 'PATCH', body: { role: 'member' }, as: admin }),
      await call(`/members/${ownerId}`, { method: 'DELETE', as: admin }),
      await call(`/members/${member.userId}`, { method: 'PATCH', body: { role: 'owner' }, as: admin }),
      await call(`/members/${admin.userId}`, { method: 'PATCH', body: { role: 'owner' }, as: admin }),
    ]) {
      expect(res.status).toBe(403);
      expect((await problemOf(res)).detail).toMatch(/owner/);
    }
    // What an admin may do: manage everyone else.
    expect(
      (await call(`/members/${member.userId}`, { method: 'PATCH', body: { role: 'accountant' }, as: admin }))
        .status,
    ).toBe(200);
    expect((await call(`/members/${member.userId}`, { method: 'DELETE', as: admin })).status).toBe(204);
  });

  it('an unknown member → 404; a role that is not one → 422 naming role', async () => {
    const owner = await signUp();
    expect(
      (await call('/members/usr_nobody', { method: 'PATCH', body: { role: 'admin' }, as: owner })).status,
    ).toBe(404);
    expect((await call('/members/usr_nobody', { method: 'DELETE', as: owner })).status).toBe(404);
    const me = await userIdOf(owner);
    const bad = await call(`/members/${me}`, { method: 'PATCH', body: { role: 'superuser' }, as: owner });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors.map((e) => e.path)).toEqual(['role']);
  });
});
