import { describe, expect, it } from 'vitest';
import { call, createClient, createInvoice, json, line, problemOf, sendInvoice, signUp } from './helpers/api';
import { form, portal, portalCookie } from './helpers/portal';
import { checkout, completeCheckout, deliverSigned, payableInvoice } from './helpers/stripe';
import { openTicketInPortal } from './helpers/tickets';

const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function notices(owner: Awaited<ReturnType<typeof signUp>>) {
  return (await json(await call('/emails', { as: owner }))).data.filter(
    (e: { kind: string }) => e.kind === 'notice',
  );
}

async function answeredEstimate(owner: Awaited<ReturnType<typeof signUp>>, decision: 'accept' | 'reject') {
  const client = await createClient(owner, {
    name: 'Ana Sousa',
    email: `ana.${crypto.randomUUID().slice(0, 6)}@example.pt`,
  });
  const draft = await json(
    await call('/estimates', { method: 'POST', body: { clientId: client.id, lines: [line()] }, as: owner }),
  );
  const est = await json(await call(`/estimates/${draft.id}/send`, { method: 'POST', as: owner }));
  const cookie = await portalCookie(owner, client.id);
  const fields: [string, string][] = decision === 'reject' ? [['reason', 'Too expensive']] : [];
  const res = await portal(`/estimates/${est.id}/${decision}`, cookie, form(fields));
  expect(res.status).toBe(303);
  return { client, est, cookie };
}

describe('dashboard', () => {
  it('receivables and aging per currency, never summed across currencies; invoiced vs paid by month', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const issue = daysFromToday(-120);
    const invoice = async (currency: string, unitPrice: number, dueIn: number) =>
      sendInvoice(
        owner,
        (
          await createInvoice(owner, c.id, {
            currency,
            issueDate: issue,
            dueDate: daysFromToday(dueIn),
            lines: [line({ unitPrice, taxRate: 0 })],
          })
        ).id,
      );
    await invoice('EUR', 1000, 10); // current
    await invoice('EUR', 2000, -10); // 1–30
    await invoice('EUR', 3000, -45); // 31–60
    await invoice('EUR', 4000, -75); // 61–90
    const old = await invoice('EUR', 5000, -100); // 90+
    await invoice('JPY', 70000, -5);
    await call(`/invoices/${old.id}/payments`, {
      method: 'POST',
      body: { amount: 1000, date: daysFromToday(0), method: 'bank transfer' },
      as: owner,
    });
    const res = await call('/dashboard', { as: owner });
    expect(res.status).toBe(200);
    const d = await json(res);
    const eur = d.receivables.find((r: { currency: string }) => r.currency === 'EUR');
    expect(eur).toEqual({
      currency: 'EUR',
      outstanding: 1000 + 2000 + 3000 + 4000 + 4000,
      overdue: 2000 + 3000 + 4000 + 4000,
      aging: { current: 1000, days1to30: 2000, days31to60: 3000, days61to90: 4000, days90plus: 4000 },
    });
    const jpy = d.receivables.find((r: { currency: string }) => r.currency === 'JPY');
    expect(jpy).toMatchObject({ outstanding: 70000, overdue: 70000, aging: { days1to30: 70000 } });
    const month = issue.slice(0, 7);
    const eurMonth = d.invoicedByMonth.find(
      (m: { month: string; currency: string }) => m.month === month && m.currency === 'EUR',
    );
    expect(eurMonth!.invoiced).toBe(15000);
    const thisMonth = daysFromToday(0).slice(0, 7);
    const now = d.invoicedByMonth.find(
      (m: { month: string; currency: string }) => m.month === thisMonth && m.currency === 'EUR',
    );
    expect(now!.paid).toBe(1000);
    expect(
      d.invoicedByMonth.find(
        (m: { month: string; currency: string }) => m.month === thisMonth && m.currency === 'JPY',
      ).paid,
    ).toBe(0);
    // Twelve months ending with this one, oldest first.
    const eurMonths = d.invoicedByMonth
      .filter((m: { currency: string }) => m.currency === 'EUR')
      .map((m: { month: string }) => m.month);
    expect(eurMonths.at(-1)).toBe(thisMonth);
    expect([...eurMonths].sort()).toEqual(eurMonths);
    expect(d.invoicedByMonth.filter((m: { currency: string }) => m.currency === 'EUR')).toHaveLength(12);
    expect(d.recentPayments[0]).toMatchObject({ invoiceId: old.id, amount: 1000 });
  });

  it('credit used on an invoice is not counted again as money received', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const paidInvoice = await sendInvoice(owner, (await createInvoice(owner, c.id)).id);
    const body = { amount: paidInvoice.total, date: daysFromToday(0), method: 'bank transfer' };
    expect(
      (await call(`/invoices/${paidInvoice.id}/payments`, { method: 'POST', body, as: owner })).status,
    ).toBe(201);
    // 30.00 of that payment becomes the client's credit, then pays part of the next invoice.
    await call(`/invoices/${paidInvoice.id}/credit-notes`, {
      method: 'POST',
      body: { amount: 3000, reason: 'Discount' },
      as: owner,
    });
    const next = await sendInvoice(owner, (await createInvoice(owner, c.id)).id);
    const used = await call(`/invoices/${next.id}/apply-credit`, {
      method: 'POST',
      body: { amount: 3000 },
      as: owner,
    });
    expect(used.status).toBe(201);
    const d = await json(await call('/dashboard', { as: owner }));
    const rows = d.invoicedByMonth.filter((r: { currency: string }) => r.currency === paidInvoice.currency);
    expect(rows.reduce((s: number, r: { paid: number }) => s + r.paid, 0)).toBe(paidInvoice.total);
  });

  it('needs a session; shows only this business', async () => {
    expect((await call('/dashboard')).status).toBe(401);
    const a = await signUp();
    const c = await createClient(a);
    await sendInvoice(a, (await createInvoice(a, c.id)).id);
    const b = await signUp();
    const other = await json(await call('/dashboard', { as: b }));
    expect(other).toMatchObject({
      receivables: [],
      invoicedByMonth: [],
      recentPayments: [],
      openTickets: 0,
      activity: [],
    });
  });
});

describe('the business hears about its clients', () => {
  it('an accepted and a declined estimate: on the dashboard and emailed to the business, with the reason', async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { email: 'owner@studio.example' }, as: owner });
    const accepted = await answeredEstimate(owner, 'accept');
    const declined = await answeredEstimate(owner, 'reject');
    const d = await json(await call('/dashboard', { as: owner }));
    expect(d.activity.map((a: { kind: string }) => a.kind)).toEqual([
      'estimate_rejected',
      'estimate_accepted',
    ]);
    expect(d.activity[1]!.text).toBe(`Ana Sousa accepted estimate ${accepted.est.number}`);
    expect(d.activity[0]!.path).toBe(`/estimates/${declined.est.id}`);
    const sent = await notices(owner);
    expect(sent).toHaveLength(2);
    expect(sent.every((e: { to: string }) => e.to === 'owner@studio.example')).toBe(true);
  });

  it('a ticket opened and an online payment notify; each kind can be turned off in settings', async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { email: 'owner@studio.example' }, as: owner });
    const { invoice, cookie, keys } = await payableInvoice(owner);
    await openTicketInPortal(cookie, { subject: 'Bank details?', message: 'Which IBAN?' });
    const { sessionId } = await checkout(cookie, invoice.id);
    await deliverSigned(
      owner.tenantId,
      (await completeCheckout(sessionId, 'paid')).payload,
      keys.webhookSecret,
    );
    const kinds = (await json(await call('/dashboard', { as: owner }))).activity.map(
      (a: { kind: string }) => a.kind,
    );
    expect(kinds).toEqual(['payment_received', 'ticket_opened']);
    expect(await notices(owner)).toHaveLength(2);

    const off = await call('/settings', {
      method: 'PATCH',
      body: { notifications: { tickets: false, onlinePayments: false } },
      as: owner,
    });
    expect((await json(off)).notifications).toEqual({
      estimateDecisions: true,
      onlinePayments: false,
      tickets: false,
    });
    await openTicketInPortal(cookie, { subject: 'Another', message: 'Question' });
    // Still on the dashboard, but no email.
    expect((await json(await call('/dashboard', { as: owner }))).activity).toHaveLength(3);
    expect(await notices(owner)).toHaveLength(2);
  });

  it('no business email on file → the activity is kept and nothing is sent', async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { email: '' }, as: owner });
    await answeredEstimate(owner, 'accept');
    expect((await json(await call('/dashboard', { as: owner }))).activity).toHaveLength(1);
    expect(await notices(owner)).toHaveLength(0);
  });

  it('a bad notifications value → 422 naming the field', async () => {
    const owner = await signUp();
    const res = await call('/settings', {
      method: 'PATCH',
      body: { notifications: { tickets: 'no' } },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors[0]!.path).toBe('notifications.tickets');
  });
});
