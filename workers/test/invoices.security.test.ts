import { describe, expect, it } from 'vitest';
import { call, issuedInvoice, json, pay, signUp } from './helpers/api';

describe('invoices and payments: security', () => {
  it("another tenant's invoice never shows in lists, payments or summaries", async () => {
    const owner = await signUp();
    const other = await signUp();
    const { client, invoice } = await issuedInvoice(owner);
    await pay(owner, invoice.id, 100);
    expect((await json(await call('/invoices', { as: other }))).data).toHaveLength(0);
    expect((await json(await call(`/payments?clientId=${client.id}`, { as: other }))).data).toHaveLength(0);
    expect((await call(`/clients/${client.id}/summary`, { as: other })).status).toBe(404);
    expect((await call(`/invoices?clientId=${client.id}`, { as: other }).then(json)).data).toHaveLength(0);
  });

  it('a payment is deleted only through its own invoice: another invoice in the path → 404, payment kept', async () => {
    const owner = await signUp();
    const a = await issuedInvoice(owner);
    const b = await issuedInvoice(owner);
    const p = await json(await pay(owner, a.invoice.id, 100));
    const wrong = await call(`/invoices/${b.invoice.id}/payments/${p.id}`, { method: 'DELETE', as: owner });
    expect(wrong.status).toBe(404);
    const kept = await json(await call(`/payments?invoiceId=${a.invoice.id}`, { as: owner }));
    expect(kept.data.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await json(await call(`/invoices/${a.invoice.id}`, { as: owner }))).amountPaid).toBe(100);
    const right = await call(`/invoices/${a.invoice.id}/payments/${p.id}`, { method: 'DELETE', as: owner });
    expect(right.status).toBe(204);
  });
});
