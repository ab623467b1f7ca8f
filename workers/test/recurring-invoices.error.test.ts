import { addDays } from '@clientele/core';
import { describe, expect, it } from 'vitest';
import { call, createClient, json, line, problemOf, signUp } from './helpers/api';
import { createRecurring, todayUtc } from './helpers/recurring';

type Owner = Awaited<ReturnType<typeof signUp>>;

async function refused(owner: Owner, body: Record<string, unknown>) {
  const clientId = (await createClient(owner)).id;
  const res = await call('/recurring-invoices', {
    method: 'POST',
    body: {
      clientId,
      lines: [line()],
      schedule: { frequency: 'monthly', startDate: '2030-01-01' },
      ...body,
    },
    as: owner,
  });
  expect(res.status).toBe(422);
  return (await problemOf(res)).errors.map((e) => e.path);
}

describe('recurring invoices refuse what cannot be scheduled', () => {
  it('names each bad field of the schedule (422)', async () => {
    const owner = await signUp();
    expect(await refused(owner, { schedule: { frequency: 'daily', startDate: '2030-01-01' } })).toContain(
      'schedule.frequency',
    );
    expect(await refused(owner, { schedule: { frequency: 'monthly', startDate: '2030-02-30' } })).toContain(
      'schedule.startDate',
    );
    expect(
      await refused(owner, { schedule: { frequency: 'monthly', interval: 0, startDate: '2030-01-01' } }),
    ).toContain('schedule.interval');
    expect(
      await refused(owner, { schedule: { frequency: 'monthly', dayOfMonth: 32, startDate: '2030-01-01' } }),
    ).toContain('schedule.dayOfMonth');
    expect(
      await refused(owner, { schedule: { frequency: 'weekly', dayOfMonth: 3, startDate: '2030-01-01' } }),
    ).toEqual(['schedule.dayOfMonth']);
    expect(
      await refused(owner, {
        schedule: { frequency: 'monthly', startDate: '2030-01-10', endDate: '2030-01-09' },
      }),
    ).toEqual(['schedule.endDate']);
    // The 31st on or after 2 January, but the schedule ends on the 20th: nothing would ever run.
    expect(
      await refused(owner, {
        schedule: { frequency: 'monthly', dayOfMonth: 31, startDate: '2030-01-02', endDate: '2030-01-20' },
      }),
    ).toEqual(['schedule.endDate']);
    expect(
      await refused(owner, { schedule: { frequency: 'monthly', startDate: '2030-01-01', count: 0 } }),
    ).toContain('schedule.count');
    expect(
      await refused(owner, { schedule: { frequency: 'weekly', startDate: addDays(todayUtc(), -400) } }),
    ).toEqual(['schedule.startDate']);
  });

  it('names a bad client, time zone or line (422), in the caller’s language', async () => {
    const owner = await signUp();
    expect(await refused(owner, { clientId: 'cli_nosuchclient000000000000' })).toEqual(['clientId']);
    const archived = await createClient(owner);
    await call(`/clients/${archived.id}`, { method: 'DELETE', as: owner });
    expect(await refused(owner, { clientId: archived.id })).toEqual(['clientId']);
    expect(await refused(owner, { timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(await refused(owner, { lines: [] })).toContain('lines');
    expect(await refused(owner, { lines: [line({ unitPrice: 1.5 })] })).toContain('lines.0.unitPrice');
    expect(await refused(owner, { currency: 'XYZ' })).toContain('currency');
    const clientId = (await createClient(owner)).id;
    const res = await call('/recurring-invoices', {
      method: 'POST',
      body: {
        clientId,
        lines: [line()],
        schedule: { frequency: 'weekly', startDate: '2030-01-01' },
        timeZone: 'X',
      },
      headers: { 'accept-language': 'pt' },
      as: owner,
    });
    const problem = await problemOf(res);
    expect(problem.errors[0]?.message).toMatch(/Fuso horário desconhecido/);
  });

  it('refuses an edit that breaks the schedule, and changes nothing', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, { schedule: { frequency: 'monthly', startDate: '2030-06-15' } });
    for (const body of [
      { schedule: { frequency: 'weekly', dayOfMonth: 5 } },
      { schedule: { endDate: '2030-06-01' } },
      { timeZone: 'Nowhere/City' },
      { lines: [] },
    ]) {
      const res = await call(`/recurring-invoices/${rec.id}`, { method: 'PATCH', body, as: owner });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const after = await json(await call(`/recurring-invoices/${rec.id}`, { as: owner }));
    expect(after).toEqual(rec);
  });

  it('refuses to skip a paused schedule and to pause, resume or skip an ended one (409)', async () => {
    const owner = await signUp();
    const start = addDays(todayUtc(), 2);
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: start } });
    await call(`/recurring-invoices/${rec.id}/pause`, { method: 'POST', as: owner });
    const skipPaused = await call(`/recurring-invoices/${rec.id}/skip`, { method: 'POST', as: owner });
    expect(skipPaused.status).toBe(409);
    expect((await problemOf(skipPaused)).detail).toMatch(/paused/);

    const once = await createRecurring(owner, {
      schedule: { frequency: 'weekly', startDate: start, endDate: start },
    });
    await call(`/recurring-invoices/${once.id}/skip`, { method: 'POST', as: owner });
    for (const action of ['pause', 'resume', 'skip']) {
      const res = await call(`/recurring-invoices/${once.id}/${action}`, { method: 'POST', as: owner });
      expect(res.status, action).toBe(409);
      expect((await problemOf(res)).detail).toMatch(/ended/);
    }
  });

  it('answers 404 for an unknown profile and 400 for a malformed body', async () => {
    const owner = await signUp();
    const missing = 'rec_nosuchprofile0000000000000';
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/pause'],
      ['POST', '/resume'],
      ['POST', '/skip'],
    ] as const) {
      const res = await call(`/recurring-invoices/${missing}${path}`, {
        method,
        ...(method === 'PATCH' ? { body: { notes: 'x' } } : {}),
        as: owner,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await problemOf(res)).detail).toBe('Recurring invoice not found');
    }
    const bad = await call('/recurring-invoices', { method: 'POST', body: '{"clientId":', as: owner });
    expect(bad.status).toBe(400);
  });
});
