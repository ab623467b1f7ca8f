import { describe, expect, it } from 'vitest';
import { call, createClient, json, line, signUp } from './helpers/api';

const year = new Date().getUTCFullYear();

async function sentEstimate(owner: Awaited<ReturnType<typeof signUp>>, body: Record<string, unknown> = {}) {
  const c = await createClient(owner);
  const res = await call('/estimates', {
    method: 'POST',
    body: { clientId: c.id, lines: [line({ quantity: 2 })], ...body },
    as: owner,
  });
  expect(res.status).toBe(201);
  const est = await json(res);
  const sent = await call(`/estimates/${est.id}/send`, { method: 'POST', as: owner });
  expect(sent.status).toBe(202);
  return { client: c, estimate: await json(sent) };
}

describe('estimates', () => {
  it('numbers with EST-, accepts, converts once into a linked draft invoice', async () => {
    const owner = await signUp();
    const { estimate } = await sentEstimate(owner);
    expect(estimate).toMatchObject({ number: `EST-${year}-0001`, status: 'sent', total: 24000 });
    expect(estimate.validUntil).not.toBeNull();

    const early = await call(`/estimates/${estimate.id}/convert`, { method: 'POST', as: owner });
    expect(early.status).toBe(409);

    const accepted = await call(`/estimates/${estimate.id}/accept`, { method: 'POST', as: owner });
    expect(accepted.status).toBe(200);
    expect((await json(accepted)).status).toBe('accepted');

    const converted = await call(`/estimates/${estimate.id}/convert`, { method: 'POST', as: owner });
    expect(converted.status).toBe(201);
    const invoice = await json(converted);
    expect(invoice).toMatchObject({ status: 'draft', number: null, total: 24000, estimateId: estimate.id });
    expect(invoice.lines).toEqual(estimate.lines);
    const after = await json(await call(`/estimates/${estimate.id}`, { as: owner }));
    expect(after.invoiceId).toBe(invoice.id);

    const twice = await call(`/estimates/${estimate.id}/convert`, { method: 'POST', as: owner });
    expect(twice.status).toBe(409);
    const both = await Promise.all(
      [1, 2].map(() => call(`/estimates/${estimate.id}/convert`, { method: 'POST', as: owner })),
    );
    expect(both.map((r) => r.status)).toEqual([409, 409]);
    expect((await json(await call('/invoices', { as: owner }))).data).toHaveLength(1);
  });

  it('records a rejection with its reason', async () => {
    const owner = await signUp();
    const { estimate } = await sentEstimate(owner);
    const res = await call(`/estimates/${estimate.id}/reject`, {
      method: 'POST',
      body: { reason: 'Бюджет урезали' },
      as: owner,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'rejected', rejectionReason: 'Бюджет урезали' });
    expect((await call(`/estimates/${estimate.id}/accept`, { method: 'POST', as: owner })).status).toBe(409);
  });

  it('is expired once past its valid-until date, and then cannot be accepted', async () => {
    const owner = await signUp();
    const { estimate } = await sentEstimate(owner, { issueDate: '2024-01-01', validUntil: '2024-01-31' });
    expect(estimate.status).toBe('expired');
    expect((await call(`/estimates/${estimate.id}/accept`, { method: 'POST', as: owner })).status).toBe(409);
    const expired = await json(await call('/estimates?status=expired', { as: owner }));
    expect(expired.data.map((e: { id: string }) => e.id)).toEqual([estimate.id]);
  });

  it('editing a sent estimate → 409', async () => {
    const owner = await signUp();
    const { estimate } = await sentEstimate(owner);
    const res = await call(`/estimates/${estimate.id}`, { method: 'PATCH', body: { notes: 'x' }, as: owner });
    expect(res.status).toBe(409);
  });
});
