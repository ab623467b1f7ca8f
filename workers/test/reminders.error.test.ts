import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, createInvoice, json, pay, problemOf, signUp } from './helpers/api';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = () => new Date().toISOString().slice(0, 10);

async function owing(owner: Caller, client: Record<string, unknown> = { email: 'late@example.com' }) {
  const c = await createClient(owner, client);
  const draft = await createInvoice(owner, c.id, {
    issueDate: addDays(today(), -40),
    dueDate: addDays(today(), -10),
  });
  const sent = await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner });
  expect(sent.status).toBe(202);
  return json(sent);
}

const remind = (owner: Caller, id: string) => call(`/invoices/${id}/remind`, { method: 'POST', as: owner });

const patchSteps = (owner: Caller, reminders: unknown) =>
  call('/settings', { method: 'PATCH', body: { reminders } as never, as: owner });

describe('reminder steps refused', () => {
  it('names the step whose days repeat, are out of range or not whole; more than ten steps; nothing saved', async () => {
    const owner = await signUp();
    const cases: [unknown, string][] = [
      [[{ offsetDays: 7 }, { offsetDays: 7 }], 'reminders.1.offsetDays'],
      [[{ offsetDays: -61 }], 'reminders.0.offsetDays'],
      [[{ offsetDays: 0 }, { offsetDays: 366 }], 'reminders.1.offsetDays'],
      [[{ offsetDays: 1.5 }], 'reminders.0.offsetDays'],
      [[{}], 'reminders.0.offsetDays'],
      [Array.from({ length: 11 }, (_, i) => ({ offsetDays: i })), 'reminders'],
      ['weekly', 'reminders'],
    ];
    for (const [reminders, path] of cases) {
      const res = await patchSteps(owner, reminders);
      expect(res.status, JSON.stringify(reminders)).toBe(422);
      expect((await problemOf(res)).errors?.map((e) => e.path)).toContain(path);
    }
    const twice = await problemOf(await patchSteps(owner, [{ offsetDays: 3 }, { offsetDays: 3 }]));
    expect(twice.errors?.[0]?.message).toBe('Each step needs a different number of days');
    expect((await json(await call('/settings', { as: owner }))).reminders).toEqual([]);
  });

  it('refuses a step on a template other than the reminder, and a step key that is not one', async () => {
    const owner = await signUp();
    const onInvoice = await call('/templates/invoice', {
      method: 'PUT',
      body: { language: 'en', subject: 'S', body: 'B', step: 'after:7' },
      as: owner,
    });
    expect(onInvoice.status).toBe(422);
    expect((await problemOf(onInvoice)).errors?.[0]?.path).toBe('step');
    for (const step of ['after:x', 'before:0', 'tomorrow', 'after:1000']) {
      const res = await call(`/templates/reminder?step=${encodeURIComponent(step)}`, { as: owner });
      expect(res.status, step).toBe(422);
      expect((await problemOf(res)).errors?.[0]?.path).toBe('step');
    }
  });
});

describe('send reminder now refused', () => {
  it('409 for a draft, a paid, a void and a fully credited invoice, and nothing is queued', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'client@example.com' });
    const draft = await createInvoice(owner, c.id);
    const paid = await owing(owner);
    expect((await pay(owner, paid.id, paid.total)).status).toBe(201);
    const voided = await owing(owner);
    expect((await call(`/invoices/${voided.id}/void`, { method: 'POST', as: owner })).status).toBe(200);
    const credited = await owing(owner);
    const note = await call(`/invoices/${credited.id}/credit-notes`, {
      method: 'POST',
      body: { amount: credited.total, reason: 'Cancelled' },
      as: owner,
    });
    expect(note.status).toBe(201);
    for (const id of [draft.id, paid.id, voided.id, credited.id]) {
      const res = await remind(owner, id);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await problemOf(res)).detail).toMatch(/draft, paid, void or fully credited/);
    }
    const emails = (await json(await call('/emails', { as: owner }))).data as { kind: string }[];
    expect(emails.filter((e) => e.kind === 'reminder')).toHaveLength(0);
  });

  it('409 when the client has no email address', async () => {
    const owner = await signUp();
    const invoice = await owing(owner, {});
    const res = await remind(owner, invoice.id);
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toBe('This client has no email address to send a reminder to');
  });

  it('once an hour per invoice: a second reminder is a 429 with Retry-After, another invoice is not held', async () => {
    const owner = await signUp();
    const invoice = await owing(owner);
    const other = await owing(owner);
    expect((await remind(owner, invoice.id)).status).toBe(202);
    const again = await remind(owner, invoice.id);
    expect(again.status).toBe(429);
    const retry = Number(again.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(3500);
    expect(retry).toBeLessThanOrEqual(3600);
    expect((await problemOf(again)).detail).toMatch(/less than an hour ago; try again in 60 min/);
    expect((await remind(owner, other.id)).status).toBe(202);
    const emails = (await json(await call('/emails', { as: owner }))).data as {
      kind: string;
      documentId: string;
    }[];
    expect(emails.filter((e) => e.kind === 'reminder' && e.documentId === invoice.id)).toHaveLength(1);
  });
});
