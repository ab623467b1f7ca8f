import { describe, expect, it } from 'vitest';
import { runRecurringNow } from '../services/recurring/runs';
import { call, createClient, json, line, signUp } from './helpers/api';
import { tenantContext } from './helpers/context';
import { createRecurring, getRecurring } from './helpers/recurring';
import { joinAs } from './helpers/team';

describe('recurring invoices stay inside their business', () => {
  it('another business’s profile is not found (404) by any route, and not listed', async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const rec = await createRecurring(owner);
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/pause'],
      ['POST', '/resume'],
      ['POST', '/skip'],
    ] as const) {
      const res = await call(`/recurring-invoices/${rec.id}${path}`, {
        method,
        ...(method === 'PATCH' ? { body: { notes: 'mine now' } } : {}),
        as: stranger,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const list = await json(await call('/recurring-invoices', { as: stranger }));
    expect(list.data).toEqual([]);
    const theirs = await json(await call(`/recurring-invoices?clientId=${rec.clientId}`, { as: stranger }));
    expect(theirs.data).toEqual([]);
    // Untouched for its owner.
    const still = await json(await call(`/recurring-invoices/${rec.id}`, { as: owner }));
    expect(still).toMatchObject({ status: 'active', notes: rec.notes });
  });

  it('another business’s client cannot be billed, nor moved into a profile', async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const theirClient = await createClient(stranger);
    const res = await call('/recurring-invoices', {
      method: 'POST',
      body: {
        clientId: theirClient.id,
        lines: [line()],
        schedule: { frequency: 'monthly', startDate: '2030-01-01' },
      },
      as: owner,
    });
    expect(res.status).toBe(422);
    const rec = await createRecurring(owner);
    const moved = await call(`/recurring-invoices/${rec.id}`, {
      method: 'PATCH',
      body: { clientId: theirClient.id },
      as: owner,
    });
    expect(moved.status).toBe(422);
    expect((await json(await call(`/recurring-invoices/${rec.id}`, { as: owner }))).clientId).toBe(
      rec.clientId,
    );
  });

  it('needs credentials; a read key reads but cannot write; an accountant cannot write', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner);
    const anonymous = await call(`/recurring-invoices/${rec.id}`, { as: null });
    expect(anonymous.status).toBe(401);
    const keyRes = await call('/api-keys', {
      method: 'POST',
      body: { name: 'reader', scope: 'read' },
      as: owner,
    });
    const { key } = await json(keyRes);
    const reader = { ...owner, headers: { authorization: `Bearer ${key}` } };
    expect((await call(`/recurring-invoices/${rec.id}`, { as: reader })).status).toBe(200);
    for (const action of ['pause', 'skip']) {
      const res = await call(`/recurring-invoices/${rec.id}/${action}`, { method: 'POST', as: reader });
      expect(res.status, action).toBe(403);
    }
    const accountant = await joinAs(owner, 'accountant', `acct.${crypto.randomUUID()}@example.com`);
    expect((await call('/recurring-invoices', { as: accountant })).status).toBe(200);
    const del = await call(`/recurring-invoices/${rec.id}`, { method: 'DELETE', as: accountant });
    expect(del.status).toBe(403);
    const after = await json(await call(`/recurring-invoices/${rec.id}`, { as: owner }));
    expect(after).toMatchObject({ status: 'active', nextRunDates: rec.nextRunDates });
  });

  it('a cookie write from another site is refused', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner);
    const res = await call(`/recurring-invoices/${rec.id}/pause`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      as: owner,
    });
    expect(res.status).toBe(403);
    expect((await json(await call(`/recurring-invoices/${rec.id}`, { as: owner }))).status).toBe('active');
  });

  it('the development run is for a signed-in person who may write, and only where the outbox is on', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner);
    const keyRes = await call('/api-keys', { method: 'POST', body: { name: 'writer' }, as: owner });
    const writer = { ...owner, headers: { authorization: `Bearer ${(await json(keyRes)).key}` } };
    expect((await call('/dev/recurring-invoices/run', { method: 'POST', as: writer })).status).toBe(403);
    const accountant = await joinAs(owner, 'accountant', `acct.${crypto.randomUUID()}@example.com`);
    expect((await call('/dev/recurring-invoices/run', { method: 'POST', as: accountant })).status).toBe(403);
    expect((await call('/dev/recurring-invoices/run', { method: 'POST', as: null })).status).toBe(401);
    expect((await getRecurring(owner, rec.id)).invoiceIds).toEqual([]);
    // Without the development outbox (production) the route is not there.
    const off = tenantContext(owner.tenantId);
    await expect(
      runRecurringNow({ ...off, config: { ...off.config, mail: { ...off.config.mail, devOutbox: false } } }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await getRecurring(owner, rec.id)).invoiceIds).toEqual([]);
  });
});
