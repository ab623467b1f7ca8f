import { describe, expect, it } from 'vitest';
import { call, createClient, json, signUp, withApiKey } from './helpers/api';

describe('clients: happy paths', () => {
  it('creates a client with a full profile in any script and reads it back', async () => {
    const owner = await signUp({ currency: 'JPY', locale: 'ja' });
    const input = {
      name: 'Иван Петров',
      company: '株式会社さくら',
      email: 'ivan@example.ru',
      phone: '+7 495 123-45-67',
      billingAddress: {
        street: 'Rua da Conceição, 12',
        city: '東京',
        state: 'Lisboa',
        postalCode: '1100-152',
        country: 'pt',
      },
      taxId: 'PT123456789',
      notes: 'Prefers email; «VIP»',
    };
    const res = await call('/clients', { method: 'POST', body: input, as: owner });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created.id).toMatch(/^cli_[0-9a-z]{24}$/);
    expect(created).toMatchObject({
      ...input,
      billingAddress: { ...input.billingAddress, country: 'PT' },
      language: 'ja',
      currency: 'JPY',
      archivedAt: null,
    });
    const read = await json(await call(`/clients/${created.id}`, { as: owner }));
    expect(read).toEqual(created);
  });

  it('stores empty optional fields as null', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: '', company: '  ', billingAddress: { country: '' } });
    expect(c.email).toBeNull();
    expect(c.company).toBeNull();
    expect(c.billingAddress.country).toBeNull();
  });

  it('lists newest first, searches, and pages with a cursor', async () => {
    const owner = await signUp();
    const names = ['Ana Souza', 'Борис Ельцов', '山田太郎', 'Giulia Rossi', 'Ørsted A/S'];
    for (const name of names) await createClient(owner, { name });
    const all = await json(await call('/clients', { as: owner }));
    expect(all.data.map((c: { name: string }) => c.name)).toEqual([...names].reverse());
    expect(all.nextCursor).toBeNull();

    const search = async (q: string) =>
      (await json(await call(`/clients?q=${encodeURIComponent(q)}`, { as: owner }))).data.map(
        (c: { name: string }) => c.name,
      );
    expect(await search('борис')).toEqual(['Борис Ельцов']);
    expect(await search('山田')).toEqual(['山田太郎']);
    expect(await search('ørsted')).toEqual(['Ørsted A/S']);

    const first = await json(await call('/clients?limit=2', { as: owner }));
    expect(first.data).toHaveLength(2);
    const second = await json(await call(`/clients?limit=2&cursor=${first.nextCursor}`, { as: owner }));
    const third = await json(await call(`/clients?limit=2&cursor=${second.nextCursor}`, { as: owner }));
    expect(third.nextCursor).toBeNull();
    const paged = [...first.data, ...second.data, ...third.data].map((c: { name: string }) => c.name);
    expect(paged).toEqual([...names].reverse());
  });

  it('updates only the fields sent, including one address line', async () => {
    const owner = await signUp();
    const c = await createClient(owner, {
      email: 'a@example.com',
      billingAddress: { city: 'Porto', country: 'PT' },
    });
    const res = await call(`/clients/${c.id}`, {
      method: 'PATCH',
      body: { name: 'Новое имя', billingAddress: { city: 'Lisboa' } },
      as: owner,
    });
    expect(res.status).toBe(200);
    const updated = await json(res);
    expect(updated.name).toBe('Новое имя');
    expect(updated.email).toBe('a@example.com');
    expect(updated.billingAddress).toMatchObject({ city: 'Lisboa', country: 'PT' });
  });

  it('archives: hidden from the list, listed under archived=true, still readable', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const res = await call(`/clients/${c.id}`, { method: 'DELETE', as: owner });
    expect(res.status).toBe(200);
    expect((await json(res)).archivedAt).toMatch(/^\d{4}-/);
    expect((await json(await call('/clients', { as: owner }))).data).toHaveLength(0);
    expect((await json(await call('/clients?archived=true', { as: owner }))).data).toHaveLength(1);
    expect((await call(`/clients/${c.id}`, { as: owner })).status).toBe(200);
  });

  it('works the same with an API key', async () => {
    const owner = await signUp();
    const bot = await withApiKey(owner);
    const c = await createClient(bot, { name: 'Via API' });
    const list = await json(await call('/clients', { as: owner }));
    expect(list.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('replays a create sent twice with the same Idempotency-Key', async () => {
    const owner = await signUp();
    const send = () =>
      call('/clients', {
        method: 'POST',
        body: { name: 'Once only' },
        headers: { 'idempotency-key': 'create-once-1' },
        as: owner,
      });
    const a = await send();
    const b = await send();
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(b)).id).toBe((await json(a)).id);
    expect((await json(await call('/clients', { as: owner }))).data).toHaveLength(1);
    const reused = await call('/clients', {
      method: 'POST',
      body: { name: 'Something else' },
      headers: { 'idempotency-key': 'create-once-1' },
      as: owner,
    });
    expect(reused.status).toBe(422);
  });
});
