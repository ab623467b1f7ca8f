import { describe, expect, it } from 'vitest';
import { call, createClient, createInvoice, issuedInvoice, json, line, pay, signUp } from './helpers/api';

const paths = async (res: Response) => (await json(res)).errors.map((e: { path: string }) => e.path);

describe('invoices: bad input and wrong state', () => {
  it('negative quantity, unknown currency, fractional cents → 422 naming each field', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const res = await call('/invoices', {
      method: 'POST',
      body: { clientId: c.id, currency: 'XYZ', lines: [line({ quantity: -1 }), line({ unitPrice: 10.5 })] },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await paths(res)).sort()).toEqual(['currency', 'lines.0.quantity', 'lines.1.unitPrice']);
  });

  it('too many quantity decimals and a due date before the issue date → 422', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const decimals = await call('/invoices', {
      method: 'POST',
      body: { clientId: c.id, lines: [line({ quantity: 1.23456 })] },
      as: owner,
    });
    expect(decimals.status).toBe(422);
    expect(await paths(decimals)).toEqual(['lines.0.quantity']);
    const dates = await call('/invoices', {
      method: 'POST',
      body: { clientId: c.id, lines: [line()], issueDate: '2026-03-10', dueDate: '2026-03-01' },
      as: owner,
    });
    expect(dates.status).toBe(422);
    expect(await paths(dates)).toEqual(['dueDate']);
  });

  it("another tenant's client id in the body → 422 on clientId, nothing created", async () => {
    const owner = await signUp();
    const other = await signUp();
    const theirs = await createClient(other);
    const res = await call('/invoices', {
      method: 'POST',
      body: { clientId: theirs.id, lines: [line()] },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['clientId']);
    expect((await json(await call('/invoices', { as: owner }))).data).toHaveLength(0);
  });

  it('editing or deleting an issued invoice → 409, and it stays as it was', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const edit = await call(`/invoices/${invoice.id}`, {
      method: 'PATCH',
      body: { lines: [line({ quantity: 9 })] },
      as: owner,
    });
    expect(edit.status).toBe(409);
    expect((await call(`/invoices/${invoice.id}`, { method: 'DELETE', as: owner })).status).toBe(409);
    expect((await json(await call(`/invoices/${invoice.id}`, { as: owner }))).total).toBe(invoice.total);
  });

  it('overpayment → 422 on amount; payment on a draft or void invoice → 409; nothing recorded', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const over = await pay(owner, invoice.id, invoice.total + 1);
    expect(over.status).toBe(422);
    expect(await paths(over)).toEqual(['amount']);
    const zero = await pay(owner, invoice.id, 0);
    expect(zero.status).toBe(422);
    const c = await createClient(owner);
    const draft = await createInvoice(owner, c.id);
    expect((await pay(owner, draft.id, 100)).status).toBe(409);
    await call(`/invoices/${invoice.id}/void`, { method: 'POST', as: owner });
    expect((await pay(owner, invoice.id, 100)).status).toBe(409);
    expect((await json(await call('/payments', { as: owner }))).data).toHaveLength(0);
  });

  it('concurrent payments cannot overpay', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    const results = await Promise.all([1, 2, 3].map(() => pay(owner, invoice.id, invoice.total)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const after = await json(await call(`/invoices/${invoice.id}`, { as: owner }));
    expect(after).toMatchObject({ status: 'paid', amountPaid: invoice.total, amountDue: 0 });
  });

  it('sending a draft with no lines → 422; voiding a paid invoice → 409', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const empty = await createInvoice(owner, c.id, { lines: [] });
    const res = await call(`/invoices/${empty.id}/send`, { method: 'POST', as: owner });
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['lines']);
    const { invoice } = await issuedInvoice(owner);
    await pay(owner, invoice.id, invoice.total);
    expect((await call(`/invoices/${invoice.id}/void`, { method: 'POST', as: owner })).status).toBe(409);
  });

  it('two number formats printing the same number → 409 naming number, nothing issued', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    await call('/settings', { method: 'PATCH', body: { invoiceNumberFormat: 'X{seq}01' }, as: owner });
    const first = await createInvoice(owner, c.id, { issueDate: '2026-03-01' });
    expect((await json(await call(`/invoices/${first.id}/send`, { method: 'POST', as: owner }))).number).toBe(
      'X101',
    );
    // Dated 2001, the new format prints X1 + 01 = X101 again.
    await call('/settings', { method: 'PATCH', body: { invoiceNumberFormat: 'X{seq}{YY}' }, as: owner });
    const second = await createInvoice(owner, c.id, { issueDate: '2001-05-01' });
    const res = await call(`/invoices/${second.id}/send`, { method: 'POST', as: owner });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await paths(res)).toEqual(['number']);
    const after = await json(await call(`/invoices/${second.id}`, { as: owner }));
    expect(after).toMatchObject({ status: 'draft', number: null });
    expect((await json(await call('/emails', { as: owner }))).data).toHaveLength(0);
  });
});

describe('duplicate: errors', () => {
  it('an unknown invoice or estimate → 404, and nothing is created', async () => {
    const owner = await signUp();
    for (const path of ['/invoices/inv_nope/duplicate', '/estimates/est_nope/duplicate']) {
      const res = await call(path, { method: 'POST', as: owner });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    // An invoice id on the estimate path is not an estimate.
    const { invoice } = await issuedInvoice(owner);
    expect((await call(`/estimates/${invoice.id}/duplicate`, { method: 'POST', as: owner })).status).toBe(
      404,
    );
    expect((await json(await call('/invoices?status=draft', { as: owner }))).data).toHaveLength(0);
  });

  it("an archived client's invoice → 409 naming clientId, and no draft is made", async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(owner);
    expect((await call(`/clients/${client.id}`, { method: 'DELETE', as: owner })).status).toBe(200);
    const res = await call(`/invoices/${invoice.id}/duplicate`, { method: 'POST', as: owner });
    expect(res.status).toBe(409);
    expect(await paths(res)).toEqual(['clientId']);
    expect((await json(await call('/invoices?status=draft', { as: owner }))).data).toHaveLength(0);
  });
});
