import { describe, expect, it } from 'vitest';
import { call, createClient, json, problemOf, signUp } from './helpers/api';

const paths = async (res: Response) => (await json(res)).errors.map((e: { path: string }) => e.path);

describe('clients: bad input', () => {
  it('unknown country → 422 naming billingAddress.country', async () => {
    const owner = await signUp();
    const res = await call('/clients', {
      method: 'POST',
      body: { name: 'X', billingAddress: { country: 'XX' } },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await paths(res)).toEqual(['billingAddress.country']);
  });

  it('names every bad field at once: email, currency, language, name', async () => {
    const owner = await signUp();
    const res = await call('/clients', {
      method: 'POST',
      body: { name: '', email: 'not-an-email', currency: 'EURO', language: 'de' },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await paths(res)).sort()).toEqual(['currency', 'email', 'language', 'name']);
  });

  it('too long values → 422', async () => {
    const owner = await signUp();
    const res = await call('/clients', { method: 'POST', body: { name: 'n'.repeat(201) }, as: owner });
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['name']);
  });

  it('bad patch leaves the client untouched', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'keep@example.com' });
    const res = await call(`/clients/${c.id}`, {
      method: 'PATCH',
      body: { name: 'New', email: 'broken' },
      as: owner,
    });
    expect(res.status).toBe(422);
    const after = await json(await call(`/clients/${c.id}`, { as: owner }));
    expect(after).toMatchObject({ name: c.name, email: 'keep@example.com' });
  });

  it('portal access on an archived client → 422 on portalAccess, and the other fields of that patch are not saved', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { name: 'Archived Ltd' });
    expect((await call(`/clients/${c.id}`, { method: 'DELETE', as: owner })).status).toBe(200);
    const res = await call(`/clients/${c.id}`, {
      method: 'PATCH',
      body: { name: 'Renamed', notes: 'changed', portalAccess: true },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['portalAccess']);
    const after = await json(await call(`/clients/${c.id}`, { as: owner }));
    expect(after).toMatchObject({ name: 'Archived Ltd', notes: null, portalAccess: false });
  });

  it('malformed JSON → 400, wrong content type → 415, oversized body → 413', async () => {
    const owner = await signUp();
    const malformed = await call('/clients', { method: 'POST', body: '{"name": ', as: owner });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');

    const form = await call('/clients', {
      method: 'POST',
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      as: owner,
    });
    expect(form.status).toBe(415);

    const huge = await call('/clients', {
      method: 'POST',
      body: { name: 'big', notes: 'x'.repeat(1_100_000) },
      as: owner,
    });
    expect(huge.status).toBe(413);
    expect((await problemOf(huge)).status).toBe(413);
    expect((await json(await call('/clients', { as: owner }))).data).toHaveLength(0);
  });

  it('bad list parameters → 422 naming them', async () => {
    const owner = await signUp();
    const limit = await call('/clients?limit=500', { as: owner });
    expect(limit.status).toBe(422);
    expect(await paths(limit)).toEqual(['limit']);
    const cursor = await call('/clients?cursor=bm9wZQ', { as: owner });
    expect(cursor.status).toBe(422);
    expect(await paths(cursor)).toEqual(['cursor']);
  });

  it('unknown client id → 404', async () => {
    const owner = await signUp();
    const res = await call('/clients/cli_doesnotexist', { as: owner });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toBe('Client not found');
  });
});
