import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { linkTokenFor } from './helpers/account';
import { type Caller, call, createClient, createInvoice, json, problemOf, signUp } from './helpers/api';

async function sendOne(owner: Caller, clientId: string) {
  const inv = await createInvoice(owner, clientId);
  return { id: inv.id as string, res: await call(`/invoices/${inv.id}/send`, { method: 'POST', as: owner }) };
}

const clientEmails = async (tenantId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM emails WHERE tenant_id = ? AND client_id IS NOT NULL')
      .bind(tenantId)
      .first<{ n: number }>()
  )?.n;

describe('the daily cap on client emails until the owner confirms their address', { timeout: 30_000 }, () => {
  it('10 go; the 11th is refused naming why, with nothing issued; once confirmed, no cap', {
    timeout: 120_000,
  }, async () => {
    const owner = await signUp({}, { verified: false });
    const client = await createClient(owner, { email: 'client@example.com' });
    for (let i = 0; i < 10; i++) expect((await sendOne(owner, client.id)).res.status).toBe(202);
    const eleventh = await sendOne(owner, client.id);
    expect(eleventh.res.status).toBe(403);
    expect((await problemOf(eleventh.res)).detail).toMatch(/Verify your email address to send more than 10/);
    const still = await json(await call(`/invoices/${eleventh.id}`, { as: owner }));
    expect(still.status).toBe('draft');
    expect(still.number).toBeNull();
    expect(await clientEmails(owner.tenantId)).toBe(10);

    const token = await linkTokenFor(owner.email, 'verify-email');
    expect((await call(`/email-verifications/${token}`, { method: 'POST' })).status).toBe(204);
    expect((await sendOne(owner, client.id)).res.status).toBe(202);
    expect(await clientEmails(owner.tenantId)).toBe(11);
  });

  it('the refusal is worded in the reader’s language', async () => {
    const owner = await signUp({}, { verified: false });
    await env.DB.prepare(
      `INSERT INTO emails (id, tenant_id, client_id, kind, to_address, status, idempotency_key, attempts, created_at, updated_at)
       SELECT 'eml_fill_' || value, ?, 'cli_x', 'invoice', 'c@example.com', 'sent', 'fill-' || value, 1, ?, ? FROM json_each('[1,2,3,4,5,6,7,8,9,10]')`,
    )
      .bind(owner.tenantId, Date.now(), Date.now())
      .run();
    const client = await createClient(owner, { email: 'client@example.com' });
    const inv = await createInvoice(owner, client.id);
    const res = await call(`/invoices/${inv.id}/send`, {
      method: 'POST',
      as: owner,
      headers: { 'accept-language': 'ru' },
    });
    expect(res.status).toBe(403);
    expect((await problemOf(res)).detail).toMatch(/Подтвердите свой адрес/);
  });

  it('resending the link is throttled per person (429 with Retry-After)', async () => {
    const owner = await signUp({}, { verified: false });
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = await call('/email-verifications', { method: 'POST', as: owner });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('API keys cannot resend or change a person’s address', async () => {
    const owner = await signUp();
    const res = await call('/api-keys', { method: 'POST', body: { name: 'k' }, as: owner });
    const key = { ...owner, headers: { authorization: `Bearer ${(await json(res)).key}` } };
    expect((await call('/email-verifications', { method: 'POST', as: key })).status).toBe(403);
    expect(
      (await call('/me/email', { method: 'PUT', body: { email: 'a@b.co', currentPassword: 'x' }, as: key }))
        .status,
    ).toBe(403);
  });
});
