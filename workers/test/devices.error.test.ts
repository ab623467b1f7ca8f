import { describe, expect, it } from 'vitest';
import { anotherDevice } from './helpers/account';
import { call, json, problemOf, signUp } from './helpers/api';

describe('signed-in devices: refusals', { timeout: 30_000 }, () => {
  it('an unknown session id → 404 problem; a malformed one → 422 naming id', async () => {
    const owner = await signUp();
    const res = await call('/me/sessions/ses_nothing_here', { method: 'DELETE', as: owner });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).status).toBe(404);
    const long = await call(`/me/sessions/${'x'.repeat(80)}`, { method: 'DELETE', as: owner });
    expect(long.status).toBe(422);
    expect((await problemOf(long)).errors.map((e) => e.path)).toContain('id');
  });

  it('a country that is not two letters (Tor, unknown) is not kept', async () => {
    const owner = await signUp();
    await anotherDevice(owner, { 'cf-ipcountry': 'T1' });
    await anotherDevice(owner, { 'cf-ipcountry': 'de' });
    const list = (await json(await call('/me/sessions', { as: owner }))).data as { country: string | null }[];
    expect(list.map((d) => d.country).sort()).toEqual(['DE', null, null].sort());
  });
});
