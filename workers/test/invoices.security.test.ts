import { describe, expect, it } from 'vitest';
import { call, issuedInvoice, json, pay, signUp, withApiKey } from './helpers/api';
import { joinAs } from './helpers/team';

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

describe('duplicate: security', () => {
  it("another business's invoice or estimate → 404 and nothing is copied into either business", async () => {
    const owner = await signUp();
    const other = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const est = await json(
      await call('/estimates', {
        method: 'POST',
        body: { clientId: invoice.clientId, lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] },
        as: owner,
      }),
    );
    expect((await call(`/invoices/${invoice.id}/duplicate`, { method: 'POST', as: other })).status).toBe(404);
    expect((await call(`/estimates/${est.id}/duplicate`, { method: 'POST', as: other })).status).toBe(404);
    expect((await json(await call('/invoices', { as: other }))).data).toHaveLength(0);
    expect((await json(await call('/invoices?status=draft', { as: owner }))).data).toHaveLength(0);
  });

  it('an accountant or a read key → 403, no session → 401; a write key copies', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const path = `/invoices/${invoice.id}/duplicate`;
    const accountant = await joinAs(owner, 'accountant', `acc.${crypto.randomUUID()}@example.com`);
    expect((await call(path, { method: 'POST', as: accountant })).status).toBe(403);
    const made = await call('/api-keys', { method: 'POST', body: { name: 'r', scope: 'read' }, as: owner });
    const reader = { ...owner, headers: { authorization: `Bearer ${(await json(made)).key}` } };
    expect((await call(path, { method: 'POST', as: reader })).status).toBe(403);
    expect((await call(path, { method: 'POST', as: null })).status).toBe(401);
    expect((await json(await call('/invoices?status=draft', { as: owner }))).data).toHaveLength(0);
    const writer = await withApiKey(owner);
    expect((await call(path, { method: 'POST', as: writer })).status).toBe(201);
  });
});
