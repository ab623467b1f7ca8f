import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  json,
  problemOf,
  signUp,
  withApiKey,
} from './helpers/api';
import { runEmailQueue } from './helpers/queue';
import { joinAs } from './helpers/team';

async function owing(owner: Caller, email = 'late@example.com') {
  const c = await createClient(owner, { email });
  const draft = await createInvoice(owner, c.id, { issueDate: '2026-01-01', dueDate: '2026-01-31' });
  const sent = await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner });
  expect(sent.status).toBe(202);
  return { client: c, invoice: await json(sent) };
}

const reminderEmails = async (owner: Caller) =>
  (
    (await json(await call('/emails', { as: owner }))).data as { id: string; kind: string; status: string }[]
  ).filter((e) => e.kind === 'reminder');

describe('reminders: who may', () => {
  it("another business's invoice is a 404 to remind and to read, and nothing is queued for it", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const { invoice } = await owing(owner);
    const res = await call(`/invoices/${invoice.id}/remind`, { method: 'POST', as: intruder });
    expect(res.status).toBe(404);
    expect((await call(`/invoices/${invoice.id}/reminders`, { as: intruder })).status).toBe(404);
    expect(await reminderEmails(owner)).toHaveLength(0);
    expect(await reminderEmails(intruder)).toHaveLength(0);
  });

  it('an accountant and a read-only key may see reminders but not send one; no credentials is a 401', async () => {
    const owner = await signUp();
    const { invoice } = await owing(owner);
    const accountant = await joinAs(
      owner,
      'accountant',
      `acc.${crypto.randomUUID().slice(0, 6)}@example.com`,
    );
    const denied = await call(`/invoices/${invoice.id}/remind`, { method: 'POST', as: accountant });
    expect(denied.status).toBe(403);
    expect((await call(`/invoices/${invoice.id}/reminders`, { as: accountant })).status).toBe(200);
    const key = await withApiKey(owner);
    const readRes = await call('/api-keys', {
      method: 'POST',
      body: { name: 'ro', scope: 'read' },
      as: owner,
    });
    const readKey = { ...owner, headers: { authorization: `Bearer ${(await json(readRes)).key}` } };
    expect((await call(`/invoices/${invoice.id}/remind`, { method: 'POST', as: readKey })).status).toBe(403);
    const anonymous = await call(`/invoices/${invoice.id}/remind`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(await reminderEmails(owner)).toHaveLength(0);
    // A write key acts for the business.
    expect((await call(`/invoices/${invoice.id}/remind`, { method: 'POST', as: key })).status).toBe(202);
  });

  it('a stored address that would add headers never reaches the transport: the reminder fails, nothing is sent', async () => {
    const owner = await signUp();
    const { client, invoice } = await owing(owner);
    // Written past the API's own checks, as an old import or a hand edit of the database could.
    await env.DB.prepare('UPDATE clients SET email = ? WHERE id = ?')
      .bind('late@example.com\r\nBcc: victim@evil.test', client.id)
      .run();
    const res = await call(`/invoices/${invoice.id}/remind`, { method: 'POST', as: owner });
    expect(res.status).toBe(202);
    const [email] = await reminderEmails(owner);
    await runEmailQueue(owner.tenantId, [email!.id]);
    const [after] = await reminderEmails(owner);
    expect(after).toMatchObject({ id: email!.id, status: 'failed' });
    const outbox = (await json(await call('/dev/outbox', { as: owner }))).data as { raw: string }[];
    expect(outbox.some((m) => /victim@evil\.test/.test(m.raw))).toBe(false);
  });

  it('settings with reminder steps need the settings permission: a member is refused and nothing changes', async () => {
    const owner = await signUp();
    const member = await joinAs(owner, 'member', `m.${crypto.randomUUID().slice(0, 6)}@example.com`);
    const res = await call('/settings', {
      method: 'PATCH',
      body: { reminders: [{ offsetDays: 1 }] },
      as: member,
    });
    expect(res.status).toBe(403);
    expect((await problemOf(res)).status).toBe(403);
    expect((await json(await call('/settings', { as: owner }))).reminders).toEqual([]);
  });
});
