import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { addDays, formatDate, occurrence, totals } from '@clientele/core';
import {
  createRecurring as createRecurringRowOf,
  createRecurringRun,
  getRecurring as getRecurringRowOf,
} from '@clientele/db';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import { call, createClient, json, line, signUp } from './helpers/api';
import { appContext } from './helpers/context';
import { createRecurring, getRecurring, invoicesOf, runRecurring, todayUtc } from './helpers/recurring';

type Owner = Awaited<ReturnType<typeof signUp>>;

/** Cron passes until nothing more is due: other tests' profiles share this file's database. */
async function drain(now: Date) {
  let total = 0;
  for (let made = await runRecurring(now); made > 0; made = await runRecurring(now)) total += made;
  return total;
}

async function getRecurringRow(tenantId: string, id: string) {
  const row = await getRecurringRowOf(appContext().db, tenantId, id);
  if (!row) throw new Error(`no profile ${id}`);
  return row;
}

const at = (date: string, time = '12:00:00') => new Date(`${date}T${time}Z`);

async function emailsTo(owner: Owner, clientId: string) {
  return (await json(await call(`/emails?clientId=${clientId}`, { as: owner }))).data as {
    kind: string;
    documentId: string | null;
  }[];
}

describe('the cron makes recurring invoices', () => {
  it('makes the first invoice on the start date: a draft with the period in the client’s language', async () => {
    const owner = await signUp();
    const today = todayUtc();
    const rec = await createRecurring(
      owner,
      { notes: 'Period {{period.start}} to {{period.end}}', paymentTermsDays: 10 },
      { language: 'pt', currency: 'EUR' },
    );
    await drain(new Date());
    const [invoice, ...rest] = await invoicesOf(owner, rec.id);
    expect(rest).toEqual([]);
    const end = addDays(occurrence({ frequency: 'monthly', interval: 1, startDate: today }, 1), -1);
    expect(invoice).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'EUR',
      clientId: rec.clientId,
      issueDate: today,
      dueDate: addDays(today, 10),
      total: 12000,
      notes: `Period ${formatDate(today, 'pt')} to ${formatDate(end, 'pt')}`,
    });
    expect(invoice?.lines[0]?.description).toBe(
      `Retainer ${formatDate(today, 'pt')} – ${formatDate(end, 'pt')}`,
    );
    expect(invoice?.lines[0]?.description).toMatch(/^Retainer \d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/);
    const after = await getRecurring(owner, rec.id);
    expect(after.invoicesCreated).toBe(1);
    expect(after.nextRunDates[0]).toBe(addDays(end, 1));
  });

  it('runs from the scheduled handler, like every other piece of due work', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner);
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect((await getRecurring(owner, rec.id)).invoiceIds).toHaveLength(1);
  });

  it('runs now for the caller’s business alone from the development route', async () => {
    const owner = await signUp();
    const other = await signUp();
    const mine = await createRecurring(owner);
    const theirs = await createRecurring(other);
    const res = await call('/dev/recurring-invoices/run', { method: 'POST', as: owner });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ created: 1 });
    expect((await getRecurring(owner, mine.id)).invoiceIds).toHaveLength(1);
    expect((await getRecurring(other, theirs.id)).invoiceIds).toHaveLength(0);
    const again = await call('/dev/recurring-invoices/run', { method: 'POST', as: owner });
    expect(await json(again)).toEqual({ created: 0 });
  });

  it('makes one invoice per period when run twice, one after the other and at once', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: todayUtc() } });
    const now = new Date();
    await runRecurring(now);
    await runRecurring(now);
    expect((await getRecurring(owner, rec.id)).invoiceIds).toHaveLength(1);

    const together = await createRecurring(owner, {
      schedule: { frequency: 'weekly', startDate: todayUtc() },
    });
    await Promise.all([runRecurring(now), runRecurring(now), runRecurring(now)]);
    expect((await getRecurring(owner, together.id)).invoiceIds).toHaveLength(1);
    const counted = await env.DB.prepare('SELECT COUNT(*) AS n FROM recurring_runs WHERE recurring_id = ?')
      .bind(together.id)
      .first<{ n: number }>();
    expect(counted?.n).toBe(1);
  });

  it('a run for a period already made, or no longer due, writes nothing at all', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: todayUtc() } });
    const stored = await getRecurringRow(owner.tenantId, rec.id);
    const input = {
      profile: stored,
      periodStart: todayUtc(),
      next: { nextRunDate: addDays(todayUtc(), 7), nextIndex: 1, status: 'active' as const },
      invoice: {
        fields: {
          clientId: rec.clientId,
          currency: 'EUR',
          language: 'en',
          issueDate: todayUtc(),
          dueDate: todayUtc(),
          validUntil: null,
          lines: [{ description: 'x', quantity: 1, unitPrice: 100, taxes: [] }],
          discountPercent: 0,
          notes: null,
          footer: null,
        },
        totals: totals([{ description: 'x', quantity: 1, unitPrice: 100, taxes: [] }], 0),
      },
      sendPending: false,
    };
    const db = appContext().db;
    expect(await createRecurringRun(db, input, new Date())).toMatch(/^inv_/);
    // The same period again (a second tick that read the profile before the first moved it).
    expect(await createRecurringRun(db, input, new Date())).toBeNull();
    // The next period, but the profile was paused meanwhile.
    await call(`/recurring-invoices/${rec.id}/pause`, { method: 'POST', as: owner });
    const paused = { ...input, periodStart: addDays(todayUtc(), 7) };
    expect(await createRecurringRun(db, paused, new Date())).toBeNull();
    const docs = await env.DB.prepare('SELECT COUNT(*) AS n FROM documents WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first<{ n: number }>();
    expect(docs?.n).toBe(1);
    expect((await getRecurringRow(owner.tenantId, rec.id)).invoicesCreated).toBe(1);
  });

  it('catches up after downtime: one invoice per missed period, in order, even with two runs at once', async () => {
    const owner = await signUp();
    const start = addDays(todayUtc(), -70);
    const rec = await createRecurring(owner, {
      schedule: { frequency: 'weekly', interval: 2, startDate: start },
    });
    await Promise.all([drain(new Date()), drain(new Date())]);
    const invoices = await invoicesOf(owner, rec.id);
    // Days 0, 14, 28, 42, 56 and 70 of the schedule: six periods, each once, oldest first.
    expect(invoices.map((i) => i.issueDate)).toEqual([0, 14, 28, 42, 56, 70].map((d) => addDays(start, d)));
    const after = await getRecurring(owner, rec.id);
    expect(after.invoicesCreated).toBe(6);
    expect(after.nextRunDates[0]).toBe(addDays(start, 84));
  });

  it('issues and emails auto-send invoices once, numbered like any sent invoice', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { email: 'billing@client.example' });
    const rec = await createRecurring(owner, {
      clientId: client.id,
      autoSend: true,
      schedule: { frequency: 'monthly', startDate: addDays(todayUtc(), -40) },
    });
    const now = new Date();
    await Promise.all([drain(now), drain(now)]);
    await drain(now);
    const invoices = await invoicesOf(owner, rec.id);
    expect(invoices).toHaveLength(2);
    for (const inv of invoices) {
      expect(inv.status).toBe('sent');
      expect(inv.number).toMatch(/^INV-\d{4}-\d{4}$/);
      expect(inv.billTo?.email).toBe('billing@client.example');
    }
    const emails = await emailsTo(owner, client.id);
    expect(
      emails
        .filter((e) => e.kind === 'invoice')
        .map((e) => e.documentId)
        .sort(),
    ).toEqual(invoices.map((i) => i.id).sort());
  });

  it('ends after `count` invoices, and on the end date', async () => {
    const owner = await signUp();
    const counted = await createRecurring(owner, {
      schedule: { frequency: 'monthly', startDate: addDays(todayUtc(), -95), count: 2 },
    });
    const dated = await createRecurring(owner, {
      schedule: {
        frequency: 'weekly',
        startDate: addDays(todayUtc(), -20),
        endDate: addDays(todayUtc(), -10),
      },
    });
    await drain(new Date());
    const c = await getRecurring(owner, counted.id);
    expect(c).toMatchObject({ status: 'ended', invoicesCreated: 2, nextRunDates: [] });
    expect(c.invoiceIds).toHaveLength(2);
    const d = await getRecurring(owner, dated.id);
    expect(d).toMatchObject({ status: 'ended', invoicesCreated: 2 });
    expect((await invoicesOf(owner, dated.id)).map((i) => i.issueDate)).toEqual([
      addDays(todayUtc(), -20),
      addDays(todayUtc(), -13),
    ]);
    await drain(new Date());
    expect((await getRecurring(owner, counted.id)).invoiceIds).toHaveLength(2);
  });

  it('waits for the date in the profile’s time zone', async () => {
    const owner = await signUp();
    const tomorrow = addDays(todayUtc(), 1);
    const kiritimati = await createRecurring(owner, {
      schedule: { frequency: 'weekly', startDate: tomorrow },
      timeZone: 'Pacific/Kiritimati',
    });
    const london = await createRecurring(owner, {
      schedule: { frequency: 'weekly', startDate: tomorrow },
      timeZone: 'Europe/London',
    });
    // 12:00 UTC today is already 02:00 tomorrow at UTC+14, still today in London.
    await drain(at(todayUtc(), '12:00:00'));
    expect((await getRecurring(owner, kiritimati.id)).invoiceIds).toHaveLength(1);
    expect((await getRecurring(owner, london.id)).invoiceIds).toHaveLength(0);
    const [invoice] = await invoicesOf(owner, kiritimati.id);
    expect(invoice?.issueDate).toBe(tomorrow);
  });

  it('a paused profile makes nothing and, resumed, does not bill the paused periods; skip leaves one out', async () => {
    const owner = await signUp();
    const start = addDays(todayUtc(), -21);
    const paused = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: start } });
    await call(`/recurring-invoices/${paused.id}/pause`, { method: 'POST', as: owner });
    await drain(new Date());
    expect((await getRecurring(owner, paused.id)).invoiceIds).toHaveLength(0);
    const resumed = await json(
      await call(`/recurring-invoices/${paused.id}/resume`, { method: 'POST', as: owner }),
    );
    expect(resumed.nextRunDates[0]).toBe(todayUtc());
    await drain(new Date());
    expect((await invoicesOf(owner, paused.id)).map((i) => i.issueDate)).toEqual([todayUtc()]);

    const skipping = await createRecurring(owner, {
      schedule: { frequency: 'weekly', startDate: addDays(todayUtc(), -7) },
    });
    await call(`/recurring-invoices/${skipping.id}/skip`, { method: 'POST', as: owner });
    await drain(new Date());
    expect((await invoicesOf(owner, skipping.id)).map((i) => i.issueDate)).toEqual([todayUtc()]);
  });

  it('an edit changes only the invoices still to come; deleting keeps the invoices made', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: todayUtc() } });
    await drain(new Date());
    await call(`/recurring-invoices/${rec.id}`, {
      method: 'PATCH',
      body: { lines: [line({ description: 'New rate', unitPrice: 30000, taxRate: 0 })] },
      as: owner,
    });
    await drain(at(addDays(todayUtc(), 7)));
    const [first, second] = await invoicesOf(owner, rec.id);
    expect(first).toMatchObject({ total: 12000 });
    expect(second).toMatchObject({ total: 30000, issueDate: addDays(todayUtc(), 7) });
    expect(second?.lines[0]?.description).toBe('New rate');

    // A draft it made may be deleted: the profile no longer lists it.
    await call(`/invoices/${first?.id}`, { method: 'DELETE', as: owner });
    expect((await getRecurring(owner, rec.id)).invoiceIds).toEqual([second?.id]);
    await call(`/recurring-invoices/${rec.id}`, { method: 'DELETE', as: owner });
    expect((await call(`/invoices/${second?.id}`, { as: owner })).status).toBe(200);
  });

  it('pauses a profile whose client was archived, instead of billing it', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: todayUtc() } });
    await call(`/clients/${rec.clientId}`, { method: 'DELETE', as: owner });
    await drain(new Date());
    expect(await getRecurring(owner, rec.id)).toMatchObject({ status: 'paused', invoiceIds: [] });
    const audit = await json(
      await call(`/audit-log?subjectId=${rec.id}&action=recurring.paused`, { as: owner }),
    );
    expect(audit.data).toHaveLength(1);
  });

  it('two schedule edits the same day after runs: the next run is the first period after the last billed one', async () => {
    const owner = await signUp();
    const today = todayUtc();
    const day = Number(today.slice(8, 10));
    // Monthly on today's day from two months ago: three invoices, the last one today.
    const month = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    month.setUTCMonth(month.getUTCMonth() - 2);
    const start = month.toISOString().slice(0, 10);
    const schedule = { frequency: 'monthly' as const, startDate: start, dayOfMonth: day };
    const rec = await createRecurring(owner, { schedule });
    await drain(new Date());
    const made = await invoicesOf(owner, rec.id);
    expect(made.map((i) => i.issueDate)).toEqual(
      [0, 1, 2].map((n) => occurrence({ ...schedule, interval: 1 }, n)),
    );
    expect(made[2]?.issueDate).toBe(today);

    for (const frequency of ['weekly', 'monthly']) {
      const res = await call(`/recurring-invoices/${rec.id}`, {
        method: 'PATCH',
        body: { schedule: { frequency, ...(frequency === 'monthly' ? { dayOfMonth: day } : {}) } },
        as: owner,
      });
      expect(res.status).toBe(200);
    }
    const after = await getRecurring(owner, rec.id);
    const next = occurrence({ ...schedule, interval: 1 }, 3);
    expect(after).toMatchObject({ status: 'active', invoicesCreated: 3 });
    expect(after.nextRunDates[0]).toBe(next);

    // The cron goes on billing: today makes nothing more, the next period makes its invoice.
    await drain(new Date());
    expect((await getRecurring(owner, rec.id)).invoiceIds).toHaveLength(3);
    await drain(at(next));
    expect((await invoicesOf(owner, rec.id)).map((i) => i.issueDate)).toEqual([
      ...made.map((i) => i.issueDate),
      next,
    ]);
  });

  it('a profile whose period was already billed (a run row exists) moves on instead of blocking', async () => {
    const owner = await signUp();
    const rec = await createRecurring(owner, { schedule: { frequency: 'weekly', startDate: todayUtc() } });
    await drain(new Date());
    expect((await getRecurring(owner, rec.id)).invoiceIds).toHaveLength(1);
    // Back at the period it already billed, as an older edit could leave it.
    await env.DB.prepare('UPDATE recurring_invoices SET next_run_date = ?, next_index = 0 WHERE id = ?')
      .bind(todayUtc(), rec.id)
      .run();
    await drain(new Date());
    const moved = await getRecurring(owner, rec.id);
    expect(moved).toMatchObject({ status: 'active', invoicesCreated: 1 });
    expect(moved.invoiceIds).toHaveLength(1);
    expect(moved.nextRunDates[0]).toBe(addDays(todayUtc(), 7));
    await drain(at(addDays(todayUtc(), 7)));
    expect((await invoicesOf(owner, rec.id)).map((i) => i.issueDate)).toEqual([
      todayUtc(),
      addDays(todayUtc(), 7),
    ]);
  });

  it('profiles of a closed business are not picked, so they never take the places of others', async () => {
    const closed = await signUp();
    const first = await createRecurring(closed, {
      schedule: { frequency: 'weekly', startDate: addDays(todayUtc(), -7) },
    });
    // More due profiles than one tick takes, all earlier than the open business's one.
    const row = await getRecurringRow(closed.tenantId, first.id);
    const { id: _id, tenantId: _t, createdAt: _c, updatedAt: _u, invoicesCreated: _n, ...fields } = row;
    const db = appContext().db;
    for (let i = 0; i < 41; i++) await createRecurringRowOf(db, closed.tenantId, fields, new Date());
    await env.DB.prepare('UPDATE tenants SET closed_at = ? WHERE id = ?')
      .bind(Date.now(), closed.tenantId)
      .run();

    const open = await signUp();
    const good = await createRecurring(open, { schedule: { frequency: 'weekly', startDate: todayUtc() } });
    await drain(new Date());
    expect((await getRecurring(open, good.id)).invoiceIds).toHaveLength(1);
    const billed = await env.DB.prepare('SELECT COUNT(*) AS n FROM recurring_runs WHERE tenant_id = ?')
      .bind(closed.tenantId)
      .first<{ n: number }>();
    expect(billed?.n).toBe(0);
  });
});
