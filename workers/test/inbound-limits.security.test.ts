import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MAX_INBOUND_PER_SENDER_PER_HOUR } from '../services/tickets/inbound';
import { CLIENT_MESSAGES_PER_TICKET_PER_HOUR } from '../services/tickets/limits';
import { MAX_ATTACHMENTS } from '../services/tickets/tickets';
import { signUp } from './helpers/api';
import { answeredTicket, emailedReplies, inboundLog, withAttachments } from './helpers/inbound';
import { portal } from './helpers/portal';
import { deliverEmail, rawReply } from './helpers/tickets';

describe('Email Worker: floods are refused with a logged reason', () => {
  it(`at most ${MAX_INBOUND_PER_SENDER_PER_HOUR} inbound messages per sender per hour; the rest are logged rejections, never a throw`, async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const total = MAX_INBOUND_PER_SENDER_PER_HOUR + 5;
    const results = [];
    for (let i = 0; i < total; i++) {
      const raw = rawReply({ from: t.client.email, to: t.to, body: `Message ${i}` });
      results.push(await deliverEmail({ from: t.client.email, to: t.to, raw }));
    }
    expect(results.slice(0, MAX_INBOUND_PER_SENDER_PER_HOUR).every((r) => r.rejected === null)).toBe(true);
    for (const r of results.slice(MAX_INBOUND_PER_SENDER_PER_HOUR))
      expect(r.rejected).toMatch(/Too many messages/);
    expect(await emailedReplies(owner, t.id)).toHaveLength(MAX_INBOUND_PER_SENDER_PER_HOUR);
    const log = await inboundLog(owner);
    expect(log).toHaveLength(total);
    expect(
      log.filter((l) => l.outcome === 'rejected' && /at most 30 an hour/.test(l.reason ?? '')),
    ).toHaveLength(5);

    // Another sender is counted on its own.
    const other = await answeredTicket(owner);
    const raw = rawReply({ from: other.client.email, to: other.to, body: 'Unaffected' });
    expect((await deliverEmail({ from: other.client.email, to: other.to, raw })).rejected).toBeNull();
  });

  it("mail forged with a client's envelope to other addresses does not use up that client's replies", async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const domain = t.to.split('@')[1];
    for (let i = 0; i < MAX_INBOUND_PER_SENDER_PER_HOUR + 2; i++) {
      const to = `reply+${'x'.repeat(46)}@${domain}`;
      const raw = rawReply({ from: t.client.email, to, body: `Forged ${i}` });
      await deliverEmail({ from: t.client.email, to, raw });
    }
    const raw = rawReply({ from: t.client.email, to: t.to, body: 'The real answer' });
    expect((await deliverEmail({ from: t.client.email, to: t.to, raw })).rejected).toBeNull();
    expect((await emailedReplies(owner, t.id)).map((m) => m.body)).toEqual(['The real answer']);
  });

  it(`portal and email share one window of ${CLIENT_MESSAGES_PER_TICKET_PER_HOUR} client messages per conversation an hour`, async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    for (let i = 0; i < CLIENT_MESSAGES_PER_TICKET_PER_HOUR; i++) {
      const form = new FormData();
      form.set('message', `Portal ${i}`);
      const res = await portal(`/tickets/${t.id}/messages`, t.cookie, { method: 'POST', body: form });
      expect(res.status).toBeLessThan(400);
    }
    const raw = rawReply({ from: t.client.email, to: t.to, body: 'One more by email' });
    const r = await deliverEmail({ from: t.client.email, to: t.to, raw });
    expect(r.rejected).toMatch(/Too many messages on this conversation/);
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
    expect((await inboundLog(owner))[0]).toMatchObject({ outcome: 'rejected' });
  });

  it(`more than ${MAX_ATTACHMENTS} attachments → the whole message is refused and nothing is stored`, async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const over = withAttachments({
      from: t.client.email,
      to: t.to,
      messageId: '<sixty@mail.example.com>',
      body: 'Sixty files',
      count: 60,
    });
    const r = await deliverEmail({ from: t.client.email, to: t.to, raw: over });
    expect(r.rejected).toMatch(/Too many attachments \(at most 5 per message\)/);
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
    expect((await env.FILES.list({ prefix: `tickets/${owner.tenantId}/` })).objects).toHaveLength(0);
    expect((await inboundLog(owner))[0]).toMatchObject({ outcome: 'rejected', acceptable: false });

    const atCap = withAttachments({
      from: t.client.email,
      to: t.to,
      messageId: '<five@mail.example.com>',
      body: 'Five files',
      count: MAX_ATTACHMENTS,
    });
    expect((await deliverEmail({ from: t.client.email, to: t.to, raw: atCap })).rejected).toBeNull();
    const [reply] = await emailedReplies(owner, t.id);
    expect(reply?.attachments).toHaveLength(MAX_ATTACHMENTS);
  });
});
