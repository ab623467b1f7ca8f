import { describe, expect, it } from 'vitest';
import { call, json, problemOf, signUp, withApiKey } from './helpers/api';

describe('switching to a business one is not in', () => {
  it('another business → 404 problem, the session stays where it was', async () => {
    const mine = await signUp();
    const stranger = await signUp();
    const res = await call('/sessions/current/business', {
      method: 'PUT',
      body: { tenantId: stranger.tenantId },
      as: mine,
    });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).status).toBe(404);
    expect((await json(await call('/sessions/current', { as: mine }))).tenantId).toBe(mine.tenantId);
    const unknown = await call('/sessions/current/business', {
      method: 'PUT',
      body: { tenantId: 'ten_nope' },
      as: mine,
    });
    expect(unknown.status).toBe(404);
  });

  it('an API key has no businesses to list or switch: 403', async () => {
    const owner = await signUp();
    const key = await withApiKey(owner);
    expect((await call('/me/businesses', { as: key })).status).toBe(403);
    expect(
      (
        await call('/sessions/current/business', {
          method: 'PUT',
          body: { tenantId: owner.tenantId },
          as: key,
        })
      ).status,
    ).toBe(403);
  });

  it('a body without tenantId → 422 naming it', async () => {
    const mine = await signUp();
    const res = await call('/sessions/current/business', { method: 'PUT', body: {}, as: mine });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path)).toEqual(['tenantId']);
  });
});
