import { describe, expect, it } from 'vitest';
import { anotherDevice, auditActions } from './helpers/account';
import { call, json, signUp } from './helpers/api';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

describe('signed-in devices', { timeout: 30_000 }, () => {
  it('lists this person’s sessions with browser, country and current; one can be signed out', async () => {
    const owner = await signUp();
    const laptop = await anotherDevice(owner, { 'user-agent': FIREFOX, 'cf-ipcountry': 'pt' });
    const list = await json(await call('/me/sessions', { as: owner }));
    expect(list.data).toHaveLength(2);
    const mine = list.data.find((d: { current: boolean }) => d.current);
    const other = list.data.find((d: { current: boolean }) => !d.current);
    expect(mine.id).toMatch(/^ses_/);
    expect(other).toMatchObject({ userAgent: FIREFOX, country: 'PT', businessId: owner.tenantId });
    expect(other.lastSeenAt).not.toBeNull();

    expect((await call(`/me/sessions/${other.id}`, { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await call('/me', { as: laptop })).status).toBe(401);
    expect((await json(await call('/me/sessions', { as: owner }))).data).toHaveLength(1);
    expect(await auditActions(owner.tenantId, 'session.revoked')).toHaveLength(1);
  });

  it('"sign out all other devices" keeps only this one', async () => {
    const owner = await signUp();
    const a = await anotherDevice(owner);
    const b = await anotherDevice(owner);
    expect((await call('/me/sessions', { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await call('/me', { as: a })).status).toBe(401);
    expect((await call('/me', { as: b })).status).toBe(401);
    const left = (await json(await call('/me/sessions', { as: owner }))).data;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
  });

  it('a User-Agent is cut to 200 characters', async () => {
    const owner = await signUp();
    await anotherDevice(owner, { 'user-agent': `Agent/${'x'.repeat(500)}` });
    const list = (await json(await call('/me/sessions', { as: owner }))).data;
    const other = list.find((d: { current: boolean }) => !d.current);
    expect(other.userAgent).toHaveLength(200);
  });
});
