import { describe, expect, it } from 'vitest';
import { anotherDevice } from './helpers/account';
import { call, json, signUp, withApiKey } from './helpers/api';

describe('signed-in devices: only one’s own', { timeout: 30_000 }, () => {
  it('another person’s session id → 404, and their session lives on', async () => {
    const alice = await signUp();
    const bob = await signUp();
    const bobPhone = await anotherDevice(bob);
    const bobs = (await json(await call('/me/sessions', { as: bob }))).data;
    for (const s of bobs) {
      expect((await call(`/me/sessions/${s.id}`, { method: 'DELETE', as: alice })).status).toBe(404);
    }
    expect((await call('/me', { as: bobPhone })).status).toBe(200);
    const alices = (await json(await call('/me/sessions', { as: alice }))).data;
    expect(alices.map((s: { id: string }) => s.id)).not.toEqual(expect.arrayContaining([bobs[0].id]));
  });

  it('"sign out all others" never touches another person', async () => {
    const alice = await signUp();
    const bob = await signUp();
    expect((await call('/me/sessions', { method: 'DELETE', as: alice })).status).toBe(204);
    expect((await call('/me', { as: bob })).status).toBe(200);
  });

  it('no token hash ever leaves the server, and API keys cannot list or end sessions', async () => {
    const owner = await signUp();
    const text = await (await call('/me/sessions', { as: owner })).text();
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    expect(text).not.toMatch(/token/i);
    const key = await withApiKey(owner);
    expect((await call('/me/sessions', { as: key })).status).toBe(403);
    expect((await call('/me/sessions', { method: 'DELETE', as: key })).status).toBe(403);
  });
});
