import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, signUp } from './helpers/api';
import { answeredTicket } from './helpers/inbound';
import { portal } from './helpers/portal';
import { deliverEmail, rawReply, unreadCount } from './helpers/tickets';

const ticketWithReply = (owner: Awaited<ReturnType<typeof signUp>>) => answeredTicket(owner);

const thread = async (owner: Awaited<ReturnType<typeof signUp>>, id: string) =>
  (await json(await call(`/tickets/${id}`, { as: owner }))).messages as {
    author: string;
    via: string;
    body: string;
    attachments: unknown[];
  }[];

const inboundLog = async (owner: Awaited<ReturnType<typeof signUp>>) =>
  (await json(await call('/tickets/inbound-mail', { as: owner }))).data as {
    outcome: string;
    reason: string | null;
  }[];

describe('Email Worker: replies by email', () => {
  it('a valid reply lands once on the right thread without the quote; badge counts it; the portal shows it', async () => {
    const owner = await signUp();
    const { client, cookie, id, to } = await ticketWithReply(owner);
    const raw = rawReply({
      from: client.email,
      to,
      messageId: '<reply-1@mail.example.com>',
      body: `Great, thanks!\r\n\r\nOn Mon, 23 Nov 2026 at 14:02, Studio <billing@clientele.local> wrote:\r\n> Yes, 23% included.\r\n`,
    });
    expect((await deliverEmail({ from: client.email, to, raw })).rejected).toBeNull();
    // The same message delivered again (a retry) does not repeat.
    expect((await deliverEmail({ from: client.email, to, raw })).rejected).toBeNull();
    const messages = await thread(owner, id);
    const fromEmail = messages.filter((m) => m.via === 'email');
    expect(fromEmail).toHaveLength(1);
    expect(fromEmail[0]).toMatchObject({ author: 'client', body: 'Great, thanks!' });
    expect(await unreadCount(owner)).toBe(1);
    expect((await json(await call(`/tickets/${id}`, { as: owner }))).status).toBe('open');
    expect(await (await portal(`/tickets/${id}`, cookie)).text()).toContain('Great, thanks!');
    expect((await inboundLog(owner)).map((r) => r.outcome).sort()).toEqual(['accepted', 'duplicate']);
  });

  it('threads by In-Reply-To when the address carries no token', async () => {
    const owner = await signUp();
    const { client, id, staff } = await ticketWithReply(owner);
    const inReplyTo = `<${staff.id}@clientele.local>`;
    const to = `support@${env.INBOUND_EMAIL_DOMAIN}`;
    const raw = rawReply({
      from: client.email,
      to,
      inReplyTo,
      body: 'Replying from another address book entry.',
    });
    expect((await deliverEmail({ from: client.email, to, raw })).rejected).toBeNull();
    expect(
      (await thread(owner, id)).some((m) => m.body === 'Replying from another address book entry.'),
    ).toBe(true);
  });

  it('wrong sender → rejected with a reason and recorded for the business', async () => {
    const owner = await signUp();
    const { id, to } = await ticketWithReply(owner);
    const raw = rawReply({ from: 'stranger@example.net', to, body: 'Let me in' });
    const { rejected } = await deliverEmail({ from: 'stranger@example.net', to, raw });
    expect(rejected).toMatch(/only from the client's email address on file/);
    expect((await thread(owner, id)).some((m) => m.body === 'Let me in')).toBe(false);
    expect((await inboundLog(owner))[0]).toMatchObject({ outcome: 'rejected' });
  });

  it('a token altered in one character, or made for another ticket or business, is refused', async () => {
    const owner = await signUp();
    const { client, id, to } = await ticketWithReply(owner);
    const [local, domain] = to.split('@') as [string, string];
    const last = local.at(-1) === 'a' ? 'b' : 'a';
    const altered = `${local.slice(0, -1)}${last}@${domain}`;
    const r1 = await deliverEmail({
      from: client.email,
      to: altered,
      raw: rawReply({ from: client.email, to: altered, body: 'x' }),
    });
    expect(r1.rejected).toMatch(/not valid/);

    const second = await ticketWithReply(owner);
    // The other ticket's MAC with this ticket's id: the MAC is bound to the ticket.
    const crossed = `reply+${id.slice(4)}${second.to.split('@')[0]!.slice(-16)}@${domain}`;
    const r2 = await deliverEmail({
      from: client.email,
      to: crossed,
      raw: rawReply({ from: client.email, to: crossed, body: 'y' }),
    });
    expect(r2.rejected).toMatch(/not valid/);

    const otherBusiness = await signUp();
    const foreign = await ticketWithReply(otherBusiness);
    // Another business's genuine address, written to by this client: wrong sender there.
    const r3 = await deliverEmail({
      from: client.email,
      to: foreign.to,
      raw: rawReply({ from: client.email, to: foreign.to, body: 'z' }),
    });
    expect(r3.rejected).toMatch(/only from the client's email/);
    expect((await thread(owner, id)).filter((m) => m.via === 'email')).toHaveLength(0);
    expect((await thread(otherBusiness, foreign.id)).filter((m) => m.via === 'email')).toHaveLength(0);
  });

  it('auto-replies and bounces are set aside, never added, never bounced back', async () => {
    const owner = await signUp();
    const { client, id, to } = await ticketWithReply(owner);
    const cases = [
      { headers: ['Auto-Submitted: auto-replied'], subject: 'Re: Invoice question' },
      { headers: ['X-Autoreply: yes'], subject: 'Re: Invoice question' },
      { headers: ['Precedence: bulk'], subject: 'Re: Invoice question' },
      { headers: [], subject: 'Out of Office: back on Monday' },
      { headers: [], subject: 'Автоответ: в отпуске' },
    ];
    for (const c of cases) {
      const raw = rawReply({
        from: client.email,
        to,
        subject: c.subject,
        headers: c.headers,
        body: 'I am away until Monday.',
      });
      expect((await deliverEmail({ from: client.email, to, raw })).rejected).toBeNull();
    }
    expect((await thread(owner, id)).filter((m) => m.via === 'email')).toHaveLength(0);
    expect((await inboundLog(owner)).filter((r) => r.outcome === 'ignored')).toHaveLength(cases.length);
  });

  it('attachments are stored in R2 and downloadable from the thread', async () => {
    const owner = await signUp();
    const { client, id, to } = await ticketWithReply(owner);
    const pdf = btoa('%PDF-1.4 proof of payment');
    const raw = [
      `From: ${client.email}`,
      `To: ${to}`,
      'Subject: Re: Invoice question',
      'Message-ID: <att-1@mail.example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Proof attached.',
      '--b1',
      'Content-Type: application/pdf; name="comprovativo.pdf"',
      'Content-Disposition: attachment; filename="comprovativo.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf,
      '--b1--',
      '',
    ].join('\r\n');
    expect((await deliverEmail({ from: client.email, to, raw })).rejected).toBeNull();
    const messages = await json(await call(`/tickets/${id}`, { as: owner }));
    const last = messages.messages!.at(-1);
    expect(last!.body).toBe('Proof attached.');
    expect(last!.attachments[0]).toMatchObject({ name: 'comprovativo.pdf', contentType: 'application/pdf' });
    const file = await call(`/tickets/${id}/attachments/${last!.attachments[0]!.id}`, { as: owner });
    expect(await file.text()).toBe('%PDF-1.4 proof of payment');
  });

  it('over 25 MB → rejected before parsing; unknown addresses → rejected with a reason', async () => {
    const owner = await signUp();
    const { client, to } = await ticketWithReply(owner);
    const big = await deliverEmail({
      from: client.email,
      to,
      raw: rawReply({ from: client.email, to, body: 'x' }),
      rawSize: 26 * 1024 * 1024,
    });
    expect(big.rejected).toMatch(/too large/);
    expect((await inboundLog(owner))[0]).toMatchObject({ outcome: 'rejected' });
    const unknown = `hello@${env.INBOUND_EMAIL_DOMAIN}`;
    const stranger = await deliverEmail({
      from: 'x@example.net',
      to: unknown,
      raw: rawReply({ from: 'x@example.net', to: unknown, body: 'hi' }),
    });
    expect(stranger.rejected).toMatch(/No conversation matches/);
  });
});
