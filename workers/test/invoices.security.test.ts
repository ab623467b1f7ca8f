import { describe, expect, it } from 'vitest';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  pay,
  signUp,
} from './helpers/api';
import { runCommonRouteTests } from './helpers/route-security';

const draft = async (o: Caller) => `/invoices/${(await createInvoice(o, (await createClient(o)).id)).id}`;
const issued = async (o: Caller) => `/invoices/${(await issuedInvoice(o)).invoice.id}`;

describe('invoices and payments: security', () => {
  runCommonRouteTests('/invoices', { method: 'GET', path: () => '/invoices', ownsResource: false });
  runCommonRouteTests('/invoices', {
    method: 'POST',
    path: () => '/invoices',
    body: { clientId: 'cli_x', lines: [] },
    ownsResource: false,
  });
  runCommonRouteTests('/invoices/{id}', { method: 'GET', path: draft });
  runCommonRouteTests('/invoices/{id}', { method: 'PATCH', path: draft, body: { notes: 'x' } });
  runCommonRouteTests('/invoices/{id}', { method: 'DELETE', path: draft });
  runCommonRouteTests('/invoices/{id}/send', { method: 'POST', path: async (o) => `${await draft(o)}/send` });
  runCommonRouteTests('/invoices/{id}/void', {
    method: 'POST',
    path: async (o) => `${await issued(o)}/void`,
  });
  runCommonRouteTests('/invoices/{id}/payments', {
    method: 'POST',
    path: async (o) => `${await issued(o)}/payments`,
    body: { amount: 100, date: '2026-03-01', method: 'cash' },
  });
  runCommonRouteTests('/invoices/{id}/payments', {
    method: 'GET',
    path: async (o) => `${await issued(o)}/payments`,
  });
  runCommonRouteTests('/invoices/{id}/payments/{paymentId}', {
    method: 'DELETE',
    path: async (o) => {
      const { invoice } = await issuedInvoice(o);
      const p = await json(await pay(o, invoice.id, 100));
      return `/invoices/${invoice.id}/payments/${p.id}`;
    },
  });
  runCommonRouteTests('/payments', { method: 'GET', path: () => '/payments', ownsResource: false });
  runCommonRouteTests('/clients/{id}/summary', {
    method: 'GET',
    path: async (o) => `/clients/${(await createClient(o)).id}/summary`,
  });
  runCommonRouteTests('/clients/{id}/documents', {
    method: 'GET',
    path: async (o) => `/clients/${(await createClient(o)).id}/documents`,
  });

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
