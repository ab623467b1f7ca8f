import { describe, expect, it } from 'vitest';
import { call, createClient, json, signUp } from './helpers/api';

describe('clients: security', () => {
  it("another tenant's update and archive change nothing", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const c = await createClient(owner, { name: 'Mine' });
    await call(`/clients/${c.id}`, { method: 'PATCH', body: { name: 'Stolen' }, as: intruder });
    await call(`/clients/${c.id}`, { method: 'DELETE', as: intruder });
    const after = await json(await call(`/clients/${c.id}`, { as: owner }));
    expect(after).toMatchObject({ name: 'Mine', archivedAt: null });
  });

  it('a tenant id in the body is ignored: the client lands in the caller’s tenant', async () => {
    const victim = await signUp();
    const caller = await signUp();
    const res = await call('/clients', {
      method: 'POST',
      body: { name: 'Planted', tenantId: victim.tenantId },
      as: caller,
    });
    expect(res.status).toBe(201);
    expect((await json(await call('/clients', { as: victim }))).data).toHaveLength(0);
    expect((await json(await call('/clients', { as: caller }))).data).toHaveLength(1);
  });

  it('search never crosses tenants', async () => {
    const a = await signUp();
    const b = await signUp();
    await createClient(a, { name: 'Secret Client' });
    expect((await json(await call('/clients?q=secret', { as: b }))).data).toHaveLength(0);
  });
});
