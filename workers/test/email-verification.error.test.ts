import { describe, expect, it } from 'vitest';
import { linkTokenFor, PASSWORD } from './helpers/account';
import { call, problemOf, signUp, uniqueEmail } from './helpers/api';

describe('confirmed email addresses: refusals', { timeout: 30_000 }, () => {
  it('a used or unknown link → 404 problem', async () => {
    const owner = await signUp({}, { verified: false });
    const token = await linkTokenFor(owner.email, 'verify-email');
    expect((await call(`/email-verifications/${token}`, { method: 'POST' })).status).toBe(204);
    const again = await call(`/email-verifications/${token}`, { method: 'POST' });
    expect(again.status).toBe(404);
    expect((await problemOf(again)).detail).toMatch(/expired or was already used/);
    expect((await call(`/email-verifications/${'x'.repeat(43)}`, { method: 'POST' })).status).toBe(404);
  });

  it('changing email: wrong password → 422 naming currentPassword; taken → 409; same → 422; bad → 422', async () => {
    const owner = await signUp();
    const other = await signUp();
    const change = (body: Record<string, unknown>) => call('/me/email', { method: 'PUT', body, as: owner });
    const wrong = await change({ email: uniqueEmail('x'), currentPassword: 'not my password' });
    expect(wrong.status).toBe(422);
    expect((await problemOf(wrong)).errors.map((e) => e.path)).toEqual(['currentPassword']);
    const taken = await change({ email: other.email, currentPassword: PASSWORD });
    expect(taken.status).toBe(409);
    expect((await problemOf(taken)).errors.map((e) => e.path)).toEqual(['email']);
    const same = await change({ email: owner.email, currentPassword: PASSWORD });
    expect(same.status).toBe(422);
    const bad = await change({ email: 'not-an-address', currentPassword: PASSWORD });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors.map((e) => e.path)).toContain('email');
  });

  it('an address taken after the link was sent → 409 when the link is used, nothing changes', async () => {
    const owner = await signUp();
    const next = uniqueEmail('race');
    await call('/me/email', { method: 'PUT', body: { email: next, currentPassword: PASSWORD }, as: owner });
    const token = await linkTokenFor(next, 'verify-email');
    await signUp({ email: next });
    expect((await call(`/email-verifications/${token}`, { method: 'POST' })).status).toBe(409);
    const me = await call('/me', { as: owner });
    expect((await me.json()) as { email: string }).toMatchObject({ email: owner.email });
  });
});
