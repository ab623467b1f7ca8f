import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, json, signUp } from './helpers/api';
import { answeredTicket, emailedReplies, heldReply, inboundLog, withAttachments } from './helpers/inbound';
import { deliverEmail, rawReply } from './helpers/tickets';

const accept = (id: string, as: Caller) => call(`/tickets/inbound-mail/${id}/accept`, { method: 'POST', as });

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json(res);
}

describe('POST /tickets/inbound-mail/{id}/accept: refusals', () => {
  it('an unknown id → 404', async () => {
    const owner = await signUp();
    await expectProblem(await accept('inm_0123456789abcdefghjkmnpq', owner), 404);
  });

  it('already accepted → 409 and nothing more is added', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    expect((await accept(held.line.id, owner)).status).toBe(200);
    const problem = await expectProblem(await accept(held.line.id, owner), 409);
    expect(problem.detail).toMatch(/already on the conversation/);
    expect(await emailedReplies(owner, held.id)).toHaveLength(1);
  });

  it('a line that was not held (accepted, set aside, refused for a reason other than the sender) → 409', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    await deliverEmail({
      from: t.client.email,
      to: t.to,
      raw: rawReply({ from: t.client.email, to: t.to, body: 'ok' }),
    });
    await deliverEmail({
      from: t.client.email,
      to: t.to,
      raw: rawReply({
        from: t.client.email,
        to: t.to,
        body: 'away',
        headers: ['Auto-Submitted: auto-replied'],
      }),
    });
    await deliverEmail({
      from: t.client.email,
      to: t.to,
      raw: withAttachments({
        from: t.client.email,
        to: t.to,
        messageId: '<many@x.test>',
        body: 'files',
        count: 9,
      }),
    });
    const log = await inboundLog(owner);
    expect(log.map((l) => l.outcome).sort()).toEqual(['accepted', 'ignored', 'rejected']);
    for (const line of log) {
      expect(line.acceptable).toBe(false);
      await expectProblem(await accept(line.id, owner), 409);
    }
    expect((await emailedReplies(owner, t.id)).map((m) => m.body)).toEqual(['ok']);
  });

  it('the held copy is missing → 409, nothing written', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    for (const o of (await env.FILES.list({ prefix: `inbound/${owner.tenantId}/` })).objects) {
      await env.FILES.delete(o.key);
    }
    await expectProblem(await accept(held.line.id, owner), 409);
    expect(await emailedReplies(owner, held.id)).toHaveLength(0);
    expect((await inboundLog(owner)).find((l) => l.id === held.line.id)?.outcome).toBe('rejected');
  });

  it('two accepts at once: one 200, one 409, one message, no stray attachments', async () => {
    const owner = await signUp();
    const held = await heldReply(owner, { attachments: 1 });
    const results = await Promise.all([accept(held.line.id, owner), accept(held.line.id, owner)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const replies = await emailedReplies(owner, held.id);
    expect(replies).toHaveLength(1);
    const stored = (await env.FILES.list({ prefix: `tickets/${owner.tenantId}/${held.id}/` })).objects;
    // The portal's opening message has none; only the accepted reply's one file remains.
    expect(stored).toHaveLength(1);
  });

  it('a path id of the wrong shape → 404 problem, never 5xx', async () => {
    const owner = await signUp();
    for (const id of ['x', '%00', 'inm_%0d%0aBcc:', 'inm_'.padEnd(64, 'z')]) {
      const res = await accept(id, owner);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
