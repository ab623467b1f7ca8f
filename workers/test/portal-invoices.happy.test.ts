import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, createInvoice, json, ORIGIN, pay, signUp } from './helpers/api';
import { portal, portalCookie } from './helpers/portal';

async function issue(owner: Caller, clientId: string, issueDate: string, dueDate: string) {
  const d = await createInvoice(owner, clientId, { issueDate, dueDate });
  return json(await call(`/invoices/${d.id}/send`, { method: 'POST', as: owner }));
}

const numbersIn = (html: string) => [...html.matchAll(/data-invoice="([^"]+)"/g)].map((m) => m[1]);

describe('portal invoice list', () => {
  it("shows only this client's issued invoices, sorted by date or status both ways, filtered by status", async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const other = await createClient(owner);
    const a = await issue(owner, c.id, '2026-01-05', '2026-12-31'); // open
    const b = await issue(owner, c.id, '2026-02-05', '2026-12-31'); // paid
    const d = await issue(owner, c.id, '2026-03-05', '2026-12-31'); // partial
    const old = await issue(owner, c.id, '2024-01-05', '2024-02-05'); // overdue
    await pay(owner, b.id, b.total);
    await pay(owner, d.id, 100);
    await createInvoice(owner, c.id); // draft: never shown
    await issue(owner, other.id, '2026-01-01', '2026-12-31'); // another client's
    const cookie = await portalCookie(owner, c.id);
    const list = async (qs: string) => {
      const res = await SELF.fetch(`${ORIGIN}/portal/invoices${qs}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return numbersIn(await res.text());
    };
    expect(await list('')).toEqual([d.number, b.number, a.number, old.number]);
    expect(await list('?sort=date&order=asc')).toEqual([old.number, a.number, b.number, d.number]);
    // Status order: overdue, open, partly paid, paid.
    expect(await list('?sort=status&order=asc')).toEqual([old.number, a.number, d.number, b.number]);
    expect(await list('?sort=status&order=desc')).toEqual([b.number, d.number, a.number, old.number]);
    expect(await list('?status=paid')).toEqual([b.number]);
    expect(await list('?status=overdue')).toEqual([old.number]);
  });

  it('pages 25 at a time; without a session it sends the browser to the sign-in hint', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    for (let i = 0; i < 26; i++)
      await issue(owner, c.id, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, '2026-12-31');
    const cookie = await portalCookie(owner, c.id);
    const first = await (await SELF.fetch(`${ORIGIN}/portal/invoices`, { headers: { cookie } })).text();
    expect(numbersIn(first)).toHaveLength(25);
    expect(first).toContain('page=2');
    const second = await (
      await SELF.fetch(`${ORIGIN}/portal/invoices?page=2`, { headers: { cookie } })
    ).text();
    expect(numbersIn(second)).toHaveLength(1);
    const anonymous = await SELF.fetch(`${ORIGIN}/portal/invoices`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
  });
});

describe('payment instructions', () => {
  it('are saved in settings, frozen into issued invoices and shown on the portal invoice; an invoice footer replaces them', async () => {
    const owner = await signUp();
    const text = 'IBAN PT50 0002 0123 1234 5678 9015 4\nPay within 30 days.';
    const saved = await call('/settings', {
      method: 'PATCH',
      body: { paymentInstructions: text },
      as: owner,
    });
    expect((await json(saved)).paymentInstructions).toBe(text);
    const c = await createClient(owner, { email: 'pi@example.com' });
    const plain = await createInvoice(owner, c.id);
    const withFooter = await createInvoice(owner, c.id, { footer: 'Pay by card only.' });
    for (const d of [plain, withFooter]) await call(`/invoices/${d.id}/send`, { method: 'POST', as: owner });
    // Changing the settings later does not rewrite what was issued.
    await call('/settings', { method: 'PATCH', body: { paymentInstructions: 'New bank' }, as: owner });
    const cookie = await portalCookie(owner, c.id);
    const page = await (await portal(`/invoices/${plain.id}`, cookie)).text();
    expect(page).toContain('data-payment-instructions');
    expect(page).toContain('IBAN PT50 0002 0123 1234 5678 9015 4');
    expect(page).not.toContain('New bank');
    const other = await (await portal(`/invoices/${withFooter.id}`, cookie)).text();
    expect(other).toContain('Pay by card only.');
    expect(other).not.toContain('IBAN PT50');
  });
});
