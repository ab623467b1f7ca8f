import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createClient, json, randomAddress, signUp } from './helpers/api';
import { invitationToken, invite } from './helpers/team';

describe('switching business', () => {
  it('one person in two businesses lists both and switches without signing in again', async () => {
    const mine = await signUp({ businessName: 'Studio Norte' });
    const other = await signUp({ businessName: 'Atelier Sul' });
    const theirClient = await createClient(other, { name: 'Only in Sul' });
    await invite(other, mine.email, 'accountant');
    const token = await invitationToken(other.tenantId, mine.email);
    // Accepting moves the session to the new business; switch back first to test switching.
    await call(`/invitations/${token}/accept`, {
      method: 'POST',
      as: mine,
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    const back = await call('/sessions/current/business', {
      method: 'PUT',
      body: { tenantId: mine.tenantId },
      as: mine,
    });
    expect(back.status).toBe(200);
    expect(await json(back)).toMatchObject({
      tenantId: mine.tenantId,
      role: 'owner',
      businessName: 'Studio Norte',
    });

    const list = await json(await call('/me/businesses', { as: mine }));
    expect(list.data).toEqual([
      { tenantId: mine.tenantId, name: 'Studio Norte', role: 'owner', current: true },
      { tenantId: other.tenantId, name: 'Atelier Sul', role: 'accountant', current: false },
    ]);
    expect((await call(`/clients/${theirClient.id}`, { as: mine })).status).toBe(404);

    const res = await call('/sessions/current/business', {
      method: 'PUT',
      body: { tenantId: other.tenantId },
      as: mine,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      tenantId: other.tenantId,
      role: 'accountant',
      businessName: 'Atelier Sul',
    });
    expect((await json(await call('/sessions/current', { as: mine }))).tenantId).toBe(other.tenantId);
    expect((await call(`/clients/${theirClient.id}`, { as: mine })).status).toBe(200);
    // As accountant there, the role follows the business.
    expect((await call('/clients', { method: 'POST', body: { name: 'No' }, as: mine })).status).toBe(403);

    const lines = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE tenant_id = ? AND action = 'session.switched'",
    )
      .bind(other.tenantId)
      .all<{ detail: string }>();
    expect(lines.results.map((l) => JSON.parse(l.detail))).toEqual([{ from: mine.tenantId }]);
  });

  it('signing in still chooses the oldest membership', async () => {
    const mine = await signUp();
    const other = await signUp();
    await invite(other, mine.email, 'member');
    await call(`/invitations/${await invitationToken(other.tenantId, mine.email)}/accept`, {
      method: 'POST',
      as: mine,
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    const res = await call('/sessions', {
      method: 'POST',
      body: { email: mine.email, password: 'correct horse battery' },
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect((await json(res)).tenantId).toBe(mine.tenantId);
  });
});
