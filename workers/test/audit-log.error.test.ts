import { describe, expect, it } from 'vitest';
import {
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  pay,
  problemOf,
  signUp,
} from './helpers/api';
import { auditLines, linesFor } from './helpers/audit';
import { newLink } from './helpers/portal';

describe('audit log: a change that does not happen leaves no line', () => {
  it('voiding a paid invoice, editing an issued one, deleting it: refused, and no line says otherwise', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    expect((await pay(owner, invoice.id, 1000)).status).toBe(201);
    const before = await linesFor(owner, invoice.id);
    expect((await call(`/invoices/${invoice.id}/void`, { method: 'POST', as: owner })).status).toBe(409);
    const edit = await call(`/invoices/${invoice.id}`, { method: 'PATCH', body: { notes: 'x' }, as: owner });
    expect(edit.status).toBe(409);
    expect((await call(`/invoices/${invoice.id}`, { method: 'DELETE', as: owner })).status).toBe(409);
    expect(await linesFor(owner, invoice.id)).toEqual(before);
  });

  it('an estimate already decided, sent twice, converted twice: one line each time it really happened', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const est = await json(
      await call('/estimates', {
        method: 'POST',
        body: { clientId: c.id, lines: [{ description: 'Plan', quantity: 1, unitPrice: 9000 }] },
        as: owner,
      }),
    );
    expect((await call(`/estimates/${est.id}/accept`, { method: 'POST', as: owner })).status).toBe(409);
    await call(`/estimates/${est.id}/send`, { method: 'POST', as: owner });
    expect((await call(`/estimates/${est.id}/send`, { method: 'POST', as: owner })).status).toBe(409);
    await call(`/estimates/${est.id}/accept`, { method: 'POST', as: owner });
    expect((await call(`/estimates/${est.id}/reject`, { method: 'POST', body: {}, as: owner })).status).toBe(
      409,
    );
    await call(`/estimates/${est.id}/convert`, { method: 'POST', as: owner });
    expect((await call(`/estimates/${est.id}/convert`, { method: 'POST', as: owner })).status).toBe(409);
    expect((await linesFor(owner, est.id)).map((l) => l.action)).toEqual([
      'estimate.converted',
      'estimate.accepted',
      'estimate.issued',
      'estimate.created',
    ]);
  });

  it('unknown things (404) and repeats that change nothing write nothing', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const draft = await createInvoice(owner, c.id);
    const before = (await auditLines(owner)).length;
    const missing = 'inv_0123456789abcdefghjkmnpq';
    expect((await call(`/invoices/${missing}/void`, { method: 'POST', as: owner })).status).toBe(404);
    expect((await call(`/invoices/${missing}`, { method: 'DELETE', as: owner })).status).toBe(404);
    expect(
      (await call('/api-keys/key_0123456789abcdefghjkmnpq', { method: 'DELETE', as: owner })).status,
    ).toBe(404);
    expect(
      (
        await call('/tickets/tkt_0123456789abcdefghjkmnpq', {
          method: 'PATCH',
          body: { status: 'closed' },
          as: owner,
        })
      ).status,
    ).toBe(404);
    expect((await call(`/clients/${c.id}/templates/invoice`, { method: 'DELETE', as: owner })).status).toBe(
      200,
    );
    expect((await call('/settings/stripe', { method: 'DELETE', as: owner })).status).toBeLessThan(300);
    expect((await pay(owner, draft.id, 100)).status).toBe(409);
    expect((await auditLines(owner)).length).toBe(before);

    const link = await newLink(owner, c.id);
    await call(`/portal-links/${link.id}`, { method: 'DELETE', as: owner });
    await call(`/portal-links/${link.id}`, { method: 'DELETE', as: owner });
    expect(await linesFor(owner, link.id, 'portal_link.revoked')).toHaveLength(1);
  });

  it('bad filters and a cursor the list did not issue → 422 naming the field', async () => {
    const owner = await signUp();
    for (const [query, field] of [
      ['action=Invoice%20Issued', 'action'],
      ['action=invoice', 'action'],
      ['actor=robert%27);--', 'actor'],
      ['subjectId=..%2F..', 'subjectId'],
      ['cursor=not-a-cursor', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
    ] as const) {
      const res = await call(`/audit-log?${query}`, { as: owner });
      expect(res.status, query).toBe(422);
      expect(
        (await problemOf(res)).errors.map((e) => e.path),
        query,
      ).toContain(field);
    }
  });
});
