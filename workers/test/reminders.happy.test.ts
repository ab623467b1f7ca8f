import { env } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { queueDueReminders } from '../services/reminders/schedule';
import { type Caller, call, createClient, createInvoice, json, pay, signUp } from './helpers/api';
import { linesFor } from './helpers/audit';
import { appContext } from './helpers/context';
import { runEmailQueue } from './helpers/queue';
import { todayUtc } from './helpers/recurring';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

/** One cron pass over reminders at `at`, as the scheduled handler runs it. */
const cronAt = (at: string) => queueDueReminders(appContext(env, { now: new Date(at) }));

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function setSteps(owner: Caller, offsets: number[], extra: Record<string, unknown> = {}) {
  const res = await call('/settings', {
    method: 'PATCH',
    body: { reminders: offsets.map((offsetDays) => ({ offsetDays })), ...extra },
    as: owner,
  });
  expect(res.status).toBe(200);
  return json(res);
}

/** An issued invoice for a client with an email address, due on `dueDate`. */
async function owing(owner: Caller, dueDate: string, client: Record<string, unknown> = {}) {
  const c = await createClient(owner, {
    email: `c.${crypto.randomUUID().slice(0, 8)}@example.com`,
    ...client,
  });
  const draft = await createInvoice(owner, c.id, { issueDate: addDays(dueDate, -30), dueDate });
  const sent = await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner });
  expect(sent.status).toBe(202);
  return { client: c, invoice: await json(sent) };
}

async function remindersFor(owner: Caller, invoiceId: string) {
  const all = (await json(await call('/emails?limit=200', { as: owner }))).data as {
    id: string;
    kind: string;
    documentId: string | null;
    to: string;
  }[];
  return all.filter((e) => e.kind === 'reminder' && e.documentId === invoiceId);
}

const historyOf = async (owner: Caller, invoiceId: string) =>
  (await json(await call(`/invoices/${invoiceId}/reminders`, { as: owner }))).data as {
    step: string;
    outcome: string;
  }[];

/** Sends the queued emails and answers their subjects, as the client receives them. */
async function delivered(owner: Caller, emailIds: string[]) {
  await runEmailQueue(owner.tenantId, emailIds);
  const outbox = (await json(await call('/dev/outbox', { as: owner }))).data as {
    emailId: string;
    raw: string;
  }[];
  return Promise.all(
    emailIds.map(async (id) => {
      const m = outbox.find((o) => o.emailId === id);
      if (!m) throw new Error(`not delivered: ${id}`);
      return PostalMime.parse(m.raw);
    }),
  );
}

describe('reminder steps (cron)', () => {
  it('sends each step before, on and after the due date once, across repeated and concurrent runs', async () => {
    const owner = await signUp();
    const view = await setSteps(owner, [7, -3, 0]);
    expect(view.reminders).toEqual([
      { offsetDays: -3, key: 'before:3' },
      { offsetDays: 0, key: 'after:0' },
      { offsetDays: 7, key: 'after:7' },
    ]);
    const { invoice, client } = await owing(owner, '2026-05-20');

    await cronAt('2026-05-16T09:00:00Z'); // four days before: no step yet
    expect(await remindersFor(owner, invoice.id)).toHaveLength(0);

    await Promise.all([cronAt('2026-05-17T09:00:00Z'), cronAt('2026-05-17T09:00:00Z')]);
    await cronAt('2026-05-17T09:15:00Z');
    expect(await remindersFor(owner, invoice.id)).toHaveLength(1);

    await Promise.all([cronAt('2026-05-20T06:00:00Z'), cronAt('2026-05-20T06:00:01Z')]);
    await cronAt('2026-05-21T06:00:00Z');
    expect(await remindersFor(owner, invoice.id)).toHaveLength(2);

    await Promise.all([cronAt('2026-05-27T06:00:00Z'), cronAt('2026-05-27T06:00:00Z')]);
    await cronAt('2026-06-30T06:00:00Z'); // late runs send nothing more
    const sent = await remindersFor(owner, invoice.id);
    expect(sent).toHaveLength(3);
    expect(sent.every((e) => e.to === client.email)).toBe(true);
    expect((await historyOf(owner, invoice.id)).map((h) => `${h.step}:${h.outcome}`)).toEqual([
      'before:3:sent',
      'after:0:sent',
      'after:7:sent',
    ]);
  });

  it('never reminds about a draft, a paid, a void or a fully credited invoice', async () => {
    const owner = await signUp();
    await setSteps(owner, [0]);
    const due = '2026-04-10';
    const control = await owing(owner, due);
    const paid = await owing(owner, due);
    expect((await pay(owner, paid.invoice.id, paid.invoice.total)).status).toBe(201);
    const voided = await owing(owner, due);
    expect((await call(`/invoices/${voided.invoice.id}/void`, { method: 'POST', as: owner })).status).toBe(
      200,
    );
    const credited = await owing(owner, due);
    const note = await call(`/invoices/${credited.invoice.id}/credit-notes`, {
      method: 'POST',
      body: { amount: credited.invoice.total, reason: 'Cancelled order' },
      as: owner,
    });
    expect(note.status).toBe(201);
    const c = await createClient(owner, { email: 'draft@example.com' });
    const draft = await createInvoice(owner, c.id, { issueDate: '2026-03-10', dueDate: due });

    await cronAt('2026-04-10T12:00:00Z');
    expect(await remindersFor(owner, control.invoice.id)).toHaveLength(1);
    for (const id of [paid.invoice.id, voided.invoice.id, credited.invoice.id, draft.id]) {
      expect(await remindersFor(owner, id)).toHaveLength(0);
    }
  });

  it('after a gap sends only the latest step that has come and marks the ones it overtook skipped', async () => {
    const owner = await signUp();
    await setSteps(owner, [0, 7, 14]);
    const { invoice } = await owing(owner, '2026-03-01');
    await cronAt('2026-03-16T08:00:00Z'); // 15 days overdue: steps 0, 7 and 14 have all come
    await cronAt('2026-03-17T08:00:00Z');
    expect(await remindersFor(owner, invoice.id)).toHaveLength(1);
    expect((await historyOf(owner, invoice.id)).map((h) => `${h.step}:${h.outcome}`).sort()).toEqual([
      'after:0:skipped',
      'after:14:sent',
      'after:7:skipped',
    ]);

    // A step added later, for an invoice long overdue, does not wake it up; nor does an
    // earlier step added after a later one went out.
    const old = await owing(owner, '2025-10-01');
    await setSteps(owner, [0, 3, 7, 14]);
    await cronAt('2026-03-18T08:00:00Z');
    expect(await remindersFor(owner, old.invoice.id)).toHaveLength(0);
    expect(await remindersFor(owner, invoice.id)).toHaveLength(1);
    expect((await historyOf(owner, old.invoice.id)).every((h) => h.outcome === 'skipped')).toBe(true);
  });

  it('holds reminders while the client has an open ticket about the invoice, when the business asks', async () => {
    const owner = await signUp();
    const view = await setSteps(owner, [1], { remindersPauseForOpenTickets: true });
    expect(view.remindersPauseForOpenTickets).toBe(true);
    const { client, cookie } = await supportClient(owner);
    const draft = await createInvoice(owner, client.id, { issueDate: '2026-06-01', dueDate: '2026-06-10' });
    expect((await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner })).status).toBe(202);
    const other = await owing(owner, '2026-06-10'); // no ticket: reminded as usual
    const ticket = await ticketIdFrom(
      await openTicketInPortal(cookie, {
        subject: 'Wrong hours',
        message: 'Please check',
        invoiceId: draft.id,
      }),
    );

    await cronAt('2026-06-11T10:00:00Z');
    expect(await remindersFor(owner, draft.id)).toHaveLength(0);
    expect(await remindersFor(owner, other.invoice.id)).toHaveLength(1);

    const closed = await call(`/tickets/${ticket}`, {
      method: 'PATCH',
      body: { status: 'closed' },
      as: owner,
    });
    expect(closed.status).toBe(200);
    await cronAt('2026-06-12T10:00:00Z');
    expect(await remindersFor(owner, draft.id)).toHaveLength(1);
  });

  it('an open ticket does not hold reminders when the option is off', async () => {
    const owner = await signUp();
    await setSteps(owner, [1]);
    const { client, cookie } = await supportClient(owner);
    const draft = await createInvoice(owner, client.id, { issueDate: '2026-06-01', dueDate: '2026-06-10' });
    await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner });
    await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Q', message: 'Hi', invoiceId: draft.id }),
    );
    await cronAt('2026-06-11T10:00:00Z');
    expect(await remindersFor(owner, draft.id)).toHaveLength(1);
  });

  it("counts days in the business's time zone", async () => {
    const tokyo = await signUp();
    const patched = await call('/settings', {
      method: 'PATCH',
      body: { address: { country: 'JP' }, reminders: [{ offsetDays: 0 }] },
      as: tokyo,
    });
    expect(patched.status).toBe(200);
    const utc = await signUp();
    await setSteps(utc, [0]);
    const inTokyo = await owing(tokyo, '2026-08-20');
    const inUtc = await owing(utc, '2026-08-20');

    await cronAt('2026-08-19T14:30:00Z'); // 23:30 in Tokyo: not the due date yet anywhere
    expect(await remindersFor(tokyo, inTokyo.invoice.id)).toHaveLength(0);
    await cronAt('2026-08-19T15:30:00Z'); // 00:30 on the 20th in Tokyo, still the 19th in UTC
    expect(await remindersFor(tokyo, inTokyo.invoice.id)).toHaveLength(1);
    expect(await remindersFor(utc, inUtc.invoice.id)).toHaveLength(0);
    await cronAt('2026-08-20T00:30:00Z');
    expect(await remindersFor(utc, inUtc.invoice.id)).toHaveLength(1);
  });

  it("words each step with its own template in the client's language, else the built-in step words", async () => {
    const owner = await signUp();
    await setSteps(owner, [-3, 0, 7]);
    const saved = await call('/templates/reminder', {
      method: 'PUT',
      body: {
        language: 'pt',
        step: 'after:7',
        subject: 'Sétimo dia: {{document.number}} ({{invoice.daysOverdue}} dias)',
        body: 'Olá {{client.name}}, faltam {{document.amountDue}}.',
      },
      as: owner,
    });
    expect(saved.status).toBe(200);
    expect((await json(saved)).languages.pt.source).toBe('business');

    const today = todayUtc();
    const ahead = await owing(owner, addDays(today, 3), { language: 'pt' });
    const dueToday = await owing(owner, today, { language: 'en' });
    const late = await owing(owner, addDays(today, -7), { language: 'pt' });
    const lateEn = await owing(owner, addDays(today, -7), { language: 'en' });
    await queueDueReminders(appContext(env));

    const emails = await Promise.all(
      [ahead, dueToday, late, lateEn].map(async ({ invoice }) => {
        const [email] = await remindersFor(owner, invoice.id);
        if (!email) throw new Error(`no reminder for ${invoice.number}`);
        return email.id;
      }),
    );
    const [a, d, l, le] = await delivered(owner, emails);
    expect(a!.subject).toBe(`A fatura ${ahead.invoice.number} vence dentro de 3 dias`);
    expect(d!.subject).toBe(`Invoice ${dueToday.invoice.number} is due today`);
    expect(l!.subject).toBe(`Sétimo dia: ${late.invoice.number} (7 dias)`);
    expect(le!.subject).toBe(`Reminder: invoice ${lateEn.invoice.number} is 7 days overdue`);
  });

  it("shows a step's template with its fallbacks: own, then the general reminder, then built-in words", async () => {
    const owner = await signUp();
    const before = await json(await call('/templates/reminder?step=before:3', { as: owner }));
    expect(before).toMatchObject({ kind: 'reminder', step: 'before:3' });
    expect(before.languages.en).toMatchObject({ source: 'builtin' });
    expect(before.languages.en.subject).toContain('is due in {{invoice.daysUntilDue}} days');
    expect(before.variables).toEqual(expect.arrayContaining(['invoice.daysUntilDue', 'invoice.daysOverdue']));
    const general = await call('/templates/reminder', {
      method: 'PUT',
      body: { language: 'it', subject: 'Promemoria {{document.number}}', body: 'Gentile cliente' },
      as: owner,
    });
    expect(general.status).toBe(200);
    const after = await json(await call('/templates/reminder?step=after:14', { as: owner }));
    expect(after.languages.it).toMatchObject({
      source: 'general',
      subject: 'Promemoria {{document.number}}',
    });
    expect(after.languages.ja.source).toBe('builtin');
    expect(after.languages.ja.subject).toContain('{{invoice.daysOverdue}}日過ぎています');
  });

  it('moves the single "days after due" setting to one step and keeps what it already sent', async () => {
    // The settings before steps, rebuilt on this file's database, then the migration's own statement.
    await env.DB.batch([
      env.DB.prepare('ALTER TABLE tenants ADD reminders_enabled integer DEFAULT false NOT NULL'),
      env.DB.prepare('ALTER TABLE tenants ADD reminder_days_after_due integer DEFAULT 3 NOT NULL'),
    ]);
    const on = await signUp();
    const off = await signUp();
    const { invoice } = await owing(on, '2026-02-01');
    await env.DB.batch([
      env.DB.prepare(
        'UPDATE tenants SET reminders_enabled = 1, reminder_days_after_due = 5 WHERE id = ?',
      ).bind(on.tenantId),
      env.DB.prepare('UPDATE tenants SET reminder_days_after_due = 9 WHERE id = ?').bind(off.tenantId),
      env.DB.prepare(
        "INSERT INTO reminder_log (tenant_id, invoice_id, rule, created_at) VALUES (?, ?, 'after:5', ?)",
      ).bind(on.tenantId, invoice.id, Date.parse('2026-02-06T09:00:00Z')),
    ]);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0015'));
    const statement = migration?.queries.find((q) => q.includes('json_array'));
    expect(statement).toContain('reminder_steps');
    await env.DB.prepare(statement!).run();
    await env.DB.batch([
      env.DB.prepare('ALTER TABLE tenants DROP COLUMN reminders_enabled'),
      env.DB.prepare('ALTER TABLE tenants DROP COLUMN reminder_days_after_due'),
    ]);

    expect((await json(await call('/settings', { as: on }))).reminders).toEqual([
      { offsetDays: 5, key: 'after:5' },
    ]);
    expect((await json(await call('/settings', { as: off }))).reminders).toEqual([]);
    await cronAt('2026-02-07T09:00:00Z');
    expect(await remindersFor(on, invoice.id)).toHaveLength(0);
    expect(await historyOf(on, invoice.id)).toEqual([
      { step: 'after:5', outcome: 'sent', createdAt: '2026-02-06T09:00:00.000Z' },
    ]);
  });
});

describe('send reminder now', () => {
  it('queues a reminder with the latest step that has come, records and audits it; the key replays it', async () => {
    const owner = await signUp();
    await setSteps(owner, [-3, 1, 14]);
    const today = todayUtc();
    const { invoice, client } = await owing(owner, addDays(today, -2));
    const key = crypto.randomUUID();
    const res = await call(`/invoices/${invoice.id}/remind`, {
      method: 'POST',
      headers: { 'idempotency-key': key },
      as: owner,
    });
    expect(res.status).toBe(202);
    const body = await json(res);
    expect(body).toMatchObject({ invoiceId: invoice.id, step: 'after:1', email: { to: client.email } });
    const again = await call(`/invoices/${invoice.id}/remind`, {
      method: 'POST',
      headers: { 'idempotency-key': key },
      as: owner,
    });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again)).email.id).toBe(body.email.id);

    expect(await remindersFor(owner, invoice.id)).toHaveLength(1);
    expect((await historyOf(owner, invoice.id)).map((h) => `${h.step}:${h.outcome}`)).toEqual([
      'manual:sent',
    ]);
    expect(await linesFor(owner, invoice.id, 'invoice.reminded')).toHaveLength(1);
    const [mail] = await delivered(owner, [body.email.id]);
    // The step's built-in words, counting the days as they are.
    expect(mail!.subject).toBe(`Reminder: invoice ${invoice.number} is 2 days overdue`);
  });

  it('without steps words it for where the invoice stands: the general template, else built-in words', async () => {
    const owner = await signUp();
    const late = await owing(owner, addDays(todayUtc(), -4));
    const early = await owing(owner, addDays(todayUtc(), 5));
    const lateRes = await call(`/invoices/${late.invoice.id}/remind`, { method: 'POST', as: owner });
    const earlyRes = await call(`/invoices/${early.invoice.id}/remind`, { method: 'POST', as: owner });
    expect([lateRes.status, earlyRes.status]).toEqual([202, 202]);
    const [lateBody, earlyBody] = [await json(lateRes), await json(earlyRes)];
    expect([lateBody.step, earlyBody.step]).toEqual(['after:4', 'before:5']);
    const [lateMail, earlyMail] = await delivered(owner, [lateBody.email.id, earlyBody.email.id]);
    expect(lateMail!.subject).toBe(`Reminder: invoice ${late.invoice.number} is 4 days overdue`);
    expect(earlyMail!.subject).toBe(`Invoice ${early.invoice.number} is due in 5 days`);

    await call('/templates/reminder', {
      method: 'PUT',
      body: { language: 'en', subject: 'About {{document.number}}', body: 'Hello' },
      as: owner,
    });
    const third = await owing(owner, addDays(todayUtc(), -1));
    const res = await call(`/invoices/${third.invoice.id}/remind`, { method: 'POST', as: owner });
    const [mail] = await delivered(owner, [(await json(res)).email.id]);
    expect(mail!.subject).toBe(`About ${third.invoice.number}`);
  });
});
