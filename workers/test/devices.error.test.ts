import { describe, expect, it } from 'vitest';
import { call, problemOf, signUp } from './helpers/api';

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

  it('a country that is not two letters is not kept', async () => {
    const owner = await signUp();
    const list = await call('/me/sessions', { as: owner });
    expect(list.status).toBe(200);
  });
});
