import { addDays } from '@clientele/core';
import { describe, expect, it } from 'vitest';
import { call, createClient, json, line, signUp } from './helpers/api';
import { createRecurring, getRecurring, todayUtc } from './helpers/recurring';

describe('recurring invoices', () => {
  it('creates a profile with its schedule, its next three dates and no invoices yet', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { currency: 'EUR' });
    const res = await call('/recurring-invoices', {
      method: 'POST',
      body: {
        clientId: client.id,
        lines: [line({ description: 'Retainer', unitPrice: 50000, taxRate: 23 })],
        notes: 'Thank you',
        paymentTermsDays: 14,
        schedule: { frequency: 'monthly', dayOfMonth: 31, startDate: '2030-01-15', count: 12 },
        autoSend: true,
        timeZone: 'Europe/Lisbon',
      },
      as: owner,
    });
    expect(res.status).toBe(201);
    const rec = await json(res);
    expect(rec.id).toMatch(/^rec_/);
    expect(rec).toMatchObject({
      clientId: client.id,
      currency: 'EUR',
      notes: 'Thank you',
      paymentTermsDays: 14,
      schedule: {
        frequency: 'monthly',
        interval: 1,
        dayOfMonth: 31,
        startDate: '2030-01-15',
        endDate: null,
        count: 12,
      },
      timeZone: 'Europe/Lisbon',
      autoSend: true,
      status: 'active',
      invoicesCreated: 0,
      invoiceIds: [],
      total: 61500,
    });
    expect(rec.lines[0]).toMatchObject({
      description: 'Retainer',
      unitPrice: 50000,
      taxRate: 23,
      amount: 50000,
    });
    expect(rec.nextRunDates).toEqual(['2030-01-31', '2030-02-28', '2030-03-31']);
    expect(await getRecurring(owner, rec.id)).toEqual(rec);
  });

  it('defaults to the client’s currency, the business’s terms and its country’s time zone', async () => {
    const owner = await signUp();
    const settings = await call('/settings', {
      method: 'PATCH',
      body: { address: { country: 'JP' } },
      as: owner,
    });
    expect(settings.status).toBe(200);
    const rec = await createRecurring(owner, { timeZone: undefined }, { currency: 'JPY' });
    expect(rec).toMatchObject({
      currency: 'JPY',
      paymentTermsDays: null,
      timeZone: 'Asia/Tokyo',
      autoSend: false,
    });
  });

  it('lists profiles newest first with the client’s name, by client and a page at a time', async () => {
    const owner = await signUp();
    const a = await createRecurring(owner, {}, { name: 'Alpha' });
    const b = await createRecurring(owner, {}, { name: 'Beta' });
    const all = await json(await call('/recurring-invoices', { as: owner }));
    expect(all.data.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);
    expect(all.data[0].clientName).toBe('Beta');
    const first = await json(await call('/recurring-invoices?limit=1', { as: owner }));
    expect(first.data.map((r: { id: string }) => r.id)).toEqual([b.id]);
    const second = await json(
      await call(`/recurring-invoices?limit=1&cursor=${first.nextCursor}`, { as: owner }),
    );
    expect(second.data.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    const byClient = await json(await call(`/recurring-invoices?clientId=${a.clientId}`, { as: owner }));
    expect(byClient.data.map((r: { id: string }) => r.id)).toEqual([a.id]);
  });

  it('edits lines and schedule; the next dates follow the new schedule', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, {
      schedule: { frequency: 'monthly', startDate: '2030-03-10' },
    });
    const res = await call(`/recurring-invoices/${rec.id}`, {
      method: 'PATCH',
      body: {
        lines: [line({ unitPrice: 20000, taxRate: 0 })],
        schedule: { frequency: 'weekly', interval: 2 },
        paymentTermsDays: 7,
      },
      as: owner,
    });
    expect(res.status).toBe(200);
    const edited = await json(res);
    expect(edited.total).toBe(20000);
    expect(edited.paymentTermsDays).toBe(7);
    expect(edited.schedule).toMatchObject({ frequency: 'weekly', interval: 2, dayOfMonth: null });
    expect(edited.nextRunDates).toEqual(['2030-03-10', '2030-03-24', '2030-04-07']);
    const audit = await json(await call(`/audit-log?subjectId=${rec.id}`, { as: owner }));
    expect(audit.data.map((l: { action: string }) => l.action).sort()).toEqual([
      'recurring.created',
      'recurring.updated',
    ]);
  });

  it('pauses (no dates), resumes, and skips the next run', async () => {
    const owner = await signUp();
    const start = addDays(todayUtc(), 3);
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: start } });
    const paused = await json(
      await call(`/recurring-invoices/${rec.id}/pause`, { method: 'POST', as: owner }),
    );
    expect(paused.status).toBe('paused');
    expect(paused.nextRunDates).toEqual([]);
    // Pausing again changes nothing.
    const again = await call(`/recurring-invoices/${rec.id}/pause`, { method: 'POST', as: owner });
    expect((await json(again)).status).toBe('paused');
    const resumed = await json(
      await call(`/recurring-invoices/${rec.id}/resume`, { method: 'POST', as: owner }),
    );
    expect(resumed.status).toBe('active');
    expect(resumed.nextRunDates[0]).toBe(start);
    const skipped = await json(
      await call(`/recurring-invoices/${rec.id}/skip`, { method: 'POST', as: owner }),
    );
    expect(skipped.nextRunDates).toEqual([addDays(start, 7), addDays(start, 14), addDays(start, 21)]);
    const audit = await json(await call(`/audit-log?subjectId=${rec.id}`, { as: owner }));
    expect(audit.data.map((l: { action: string }) => l.action).sort()).toEqual([
      'recurring.created',
      'recurring.paused',
      'recurring.resumed',
      'recurring.skipped',
    ]);
  });

  it('skipping the last run ends the schedule', async () => {
    const owner = await signUp();
    const start = addDays(todayUtc(), 5);
    const rec = await createRecurring(owner, {
      schedule: { frequency: 'quarterly', startDate: start, endDate: addDays(start, 40) },
    });
    expect(rec.nextRunDates).toEqual([start]);
    const skipped = await json(
      await call(`/recurring-invoices/${rec.id}/skip`, { method: 'POST', as: owner }),
    );
    expect(skipped).toMatchObject({ status: 'ended', nextRunDates: [] });
  });

  it('an edited end brings an ended schedule back, from the runs still to come', async () => {
    const owner = await signUp();
    const start = '2031-05-31';
    const rec = await createRecurring(owner, {
      schedule: { frequency: 'monthly', startDate: start, endDate: start },
    });
    const ended = await json(await call(`/recurring-invoices/${rec.id}/skip`, { method: 'POST', as: owner }));
    expect(ended.status).toBe('ended');
    const res = await call(`/recurring-invoices/${rec.id}`, {
      method: 'PATCH',
      body: { schedule: { count: null, endDate: '2031-08-31' } },
      as: owner,
    });
    const back = await json(res);
    expect(back.status).toBe('active');
    // The skipped 31 May stays skipped; the rest of the months' last days follow.
    expect(back.nextRunDates).toEqual(['2031-06-30', '2031-07-31', '2031-08-31']);
  });

  it('deletes a profile: it is gone, with its audit line', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner);
    const res = await call(`/recurring-invoices/${rec.id}`, { method: 'DELETE', as: owner });
    expect(res.status).toBe(204);
    expect((await call(`/recurring-invoices/${rec.id}`, { as: owner })).status).toBe(404);
    const audit = await json(await call(`/audit-log?action=recurring.deleted`, { as: owner }));
    expect(audit.data.map((l: { subject: { id: string } }) => l.subject.id)).toContain(rec.id);
  });
});
