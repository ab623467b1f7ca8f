import { describe, expect, it } from 'vitest';
import { call, createClient, createInvoice, json, line, pay, sendInvoice, signUp } from './helpers/api';

describe('client 360°', () => {
  it('totals per currency, never mixed, with counts by status and overdue', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const eur1 = await sendInvoice(owner, (await createInvoice(owner, c.id, { currency: 'EUR' })).id); // 120.00
    const eur2 = await sendInvoice(
      owner,
      (await createInvoice(owner, c.id, { currency: 'EUR', issueDate: '2024-01-01', dueDate: '2024-02-01' }))
        .id,
    );
    const usd = await sendInvoice(
      owner,
      (await createInvoice(owner, c.id, { currency: 'USD', lines: [line({ unitPrice: 5000, taxRate: 0 })] }))
        .id,
    );
    await createInvoice(owner, c.id, { currency: 'EUR' }); // draft: not invoiced
    const voided = await sendInvoice(owner, (await createInvoice(owner, c.id, { currency: 'EUR' })).id);
    await call(`/invoices/${voided.id}/void`, { method: 'POST', as: owner });
    await pay(owner, eur1.id, 12000);
    await pay(owner, eur2.id, 2000);
    await pay(owner, usd.id, 1000);
    const est = await json(
      await call('/estimates', { method: 'POST', body: { clientId: c.id, lines: [line()] }, as: owner }),
    );
    await call(`/estimates/${est.id}/send`, { method: 'POST', as: owner });
    await call(`/estimates/${est.id}/accept`, { method: 'POST', as: owner });

    const res = await call(`/clients/${c.id}/summary`, { as: owner });
    expect(res.status).toBe(200);
    // Session, client, one grouped aggregate: the budget is 4 whatever the history size.
    const queries = Number(/queries=(\d+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
    expect(queries).toBeGreaterThan(0);
    expect(queries).toBeLessThanOrEqual(4);
    const s = await json(res);
    expect(s.currencies).toEqual([
      {
        currency: 'EUR',
        totalInvoiced: 24000,
        totalPaid: 14000,
        outstanding: 10000,
        overdue: 10000,
        credited: 0,
        credit: 0,
      },
      {
        currency: 'USD',
        totalInvoiced: 5000,
        totalPaid: 1000,
        outstanding: 4000,
        overdue: 0,
        credited: 0,
        credit: 0,
      },
    ]);
    expect(s.invoices).toMatchObject({ draft: 1, paid: 1, partial: 2, void: 1, overdue: 1, sent: 0 });
    expect(s.estimates).toMatchObject({ accepted: 1, sent: 0 });
    expect(s.lastActivityAt).toMatch(/^\d{4}-/);
  });

  it('an empty client has an empty summary', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const s = await json(await call(`/clients/${c.id}/summary`, { as: owner }));
    expect(s.currencies).toEqual([]);
    expect(s.lastActivityAt).toBeNull();
  });

  it('documents: filter by type and status, paginate', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const other = await createClient(owner);
    for (let i = 0; i < 3; i++) await sendInvoice(owner, (await createInvoice(owner, c.id)).id);
    await createInvoice(owner, c.id);
    await createInvoice(owner, other.id);
    const all = await json(await call(`/clients/${c.id}/documents?type=invoice`, { as: owner }));
    expect(all.data).toHaveLength(4);
    const sent = await json(
      await call(`/clients/${c.id}/documents?type=invoice&status=sent&limit=2`, { as: owner }),
    );
    expect(sent.data).toHaveLength(2);
    expect(sent.data.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    const rest = await json(
      await call(`/clients/${c.id}/documents?type=invoice&status=sent&limit=2&cursor=${sent.nextCursor}`, {
        as: owner,
      }),
    );
    expect(rest.data).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(
      (await json(await call(`/clients/${c.id}/documents?type=estimate`, { as: owner }))).data,
    ).toHaveLength(0);
    const bad = await call(`/clients/${c.id}/documents?type=receipt`, { as: owner });
    expect(bad.status).toBe(422);
  });
});
