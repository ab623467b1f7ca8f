import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, issuedInvoice, json, pay, signUp } from './helpers/api';
import { portal, portalCookie } from './helpers/portal';

async function noteFor(owner: Caller, client: Record<string, unknown> = {}) {
  const { invoice, client: c } = await issuedInvoice(owner, {}, client);
  const res = await call(`/invoices/${invoice.id}/credit-notes`, {
    method: 'POST',
    body: { amount: 1500, reason: 'Private reason' },
    as: owner,
  });
  return { note: await json(res), invoice, client: c };
}

const count = async (sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number }>()
  )?.n ?? 0;

describe('credit notes: who can reach them', () => {
  it('another business’s credit note, invoice or client is a 404 everywhere, and nothing is written', async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const { note, invoice, client } = await noteFor(owner);
    for (const path of [
      `/credit-notes/${note.id}`,
      `/credit-notes/${note.id}/pdf`,
      `/invoices/${invoice.id}/credit-options`,
    ]) {
      expect((await call(path, { as: stranger })).status, path).toBe(404);
    }
    expect((await call(`/credit-notes/${note.id}/send`, { method: 'POST', as: stranger })).status).toBe(404);
    const create = await call(`/invoices/${invoice.id}/credit-notes`, {
      method: 'POST',
      body: { amount: 100, reason: 'x' },
      as: stranger,
    });
    expect(create.status).toBe(404);
    const apply = await call(`/invoices/${invoice.id}/apply-credit`, {
      method: 'POST',
      body: { amount: 1 },
      as: stranger,
    });
    expect(apply.status).toBe(404);
    const refund = await call(`/clients/${client.id}/credit-refunds`, {
      method: 'POST',
      body: { amount: 1, currency: 'EUR' },
      as: stranger,
    });
    expect(refund.status).toBe(404);
    // Filtering by someone else's client or invoice finds nothing.
    expect((await json(await call(`/credit-notes?clientId=${client.id}`, { as: stranger }))).data).toEqual(
      [],
    );
    expect((await json(await call(`/credit-notes?invoiceId=${invoice.id}`, { as: stranger }))).data).toEqual(
      [],
    );
    expect(await count('SELECT COUNT(*) AS n FROM credit_notes WHERE tenant_id = ?', stranger.tenantId)).toBe(
      0,
    );
    expect(await count('SELECT COUNT(*) AS n FROM credit_notes WHERE invoice_id = ?', invoice.id)).toBe(1);
  });

  it('a read-only API key may read credit notes but not issue, send or apply them', async () => {
    const owner = await signUp();
    const { note, invoice } = await noteFor(owner);
    const keyRes = await call('/api-keys', {
      method: 'POST',
      body: { name: 'reader', scope: 'read' },
      as: owner,
    });
    const { key } = await json(keyRes);
    const reader: Caller = { ...owner, headers: { authorization: `Bearer ${key}` } };
    expect((await call(`/credit-notes/${note.id}`, { as: reader })).status).toBe(200);
    const refused = [
      call(`/invoices/${invoice.id}/credit-notes`, {
        method: 'POST',
        body: { amount: 100, reason: 'x' },
        as: reader,
      }),
      call(`/credit-notes/${note.id}/send`, { method: 'POST', as: reader }),
      call(`/invoices/${invoice.id}/apply-credit`, { method: 'POST', body: { amount: 1 }, as: reader }),
    ];
    for (const res of await Promise.all(refused)) expect(res.status).toBe(403);
  });

  it('in the portal a client sees only its own credit notes: another client’s → 404', async () => {
    const owner = await signUp();
    const mine = await noteFor(owner, { email: 'mine@example.com' });
    const theirs = await noteFor(owner, { email: 'theirs@example.com' });
    const cookie = await portalCookie(owner, mine.client.id);
    const list = await (await portal('/invoices', cookie)).text();
    expect(list).toContain(mine.note.number);
    expect(list).not.toContain(theirs.note.number);
    expect((await portal(`/credit-notes/${theirs.note.id}`, cookie)).status).toBe(404);
    expect((await portal(`/credit-notes/${theirs.note.id}/pdf`, cookie)).status).toBe(404);
    expect((await portal(`/credit-notes/${mine.note.id}`, null)).status).not.toBe(200);
    // Another business's client cannot reach it either.
    const other = await signUp();
    const stranger = await createClient(other, { email: 'stranger@example.com' });
    const strangerCookie = await portalCookie(other, stranger.id);
    expect((await portal(`/credit-notes/${mine.note.id}`, strangerCookie)).status).toBe(404);
  });

  it('the credit of one client is never used on another client’s invoice', async () => {
    const owner = await signUp();
    const a = await issuedInvoice(owner);
    await pay(owner, a.invoice.id, a.invoice.total);
    await call(`/invoices/${a.invoice.id}/credit-notes`, {
      method: 'POST',
      body: { amount: 3000, reason: 'x' },
      as: owner,
    });
    const b = await issuedInvoice(owner);
    const res = await call(`/invoices/${b.invoice.id}/apply-credit`, {
      method: 'POST',
      body: { amount: 100 },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await json(await call(`/invoices/${b.invoice.id}`, { as: owner }))).amountPaid).toBe(0);
  });
});
