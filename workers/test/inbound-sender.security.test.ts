import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { signUp } from './helpers/api';
import { answeredTicket, emailedReplies, inboundLog } from './helpers/inbound';
import { deliverEmail, rawReply } from './helpers/tickets';

/** A reply written as `headerFrom`, sent with envelope `envelope`, with extra headers on top. */
async function send(
  t: Awaited<ReturnType<typeof answeredTicket>>,
  o: { headerFrom: string; envelope: string; headers?: string[]; body: string },
) {
  const raw = [...(o.headers ?? []), rawReply({ from: o.headerFrom, to: t.to, body: o.body })].join('\r\n');
  return deliverEmail({ from: o.envelope, to: t.to, raw });
}

const domainOf = (email: string) => email.split('@')[1]!;

describe('Email Worker: only a verified client lands on the thread', () => {
  it('header From is the client but the envelope is another domain with nothing vouching → held as "sender not verified", nothing added', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const r = await send(t, {
      headerFrom: t.client.email,
      envelope: 'attacker@evil.test',
      body: 'Pay to IBAN X',
    });
    // Held quietly for the business, not bounced to whoever forged it.
    expect(r.rejected).toBeNull();
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
    expect((await inboundLog(owner))[0]).toMatchObject({
      outcome: 'rejected',
      reason: 'Sender not verified',
      acceptable: true,
    });
  });

  it('the envelope is the client but the header From is someone else → refused, nothing added', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const r = await send(t, {
      headerFrom: 'ceo@evil.test',
      envelope: t.client.email,
      body: 'New bank details',
    });
    expect(r.rejected).toMatch(/only from the client's email address on file/);
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
    // Nothing of a stranger's mail is kept to be taken onto the thread as the client's words.
    expect((await inboundLog(owner))[0]).toMatchObject({ outcome: 'rejected', acceptable: false });
    expect((await env.FILES.list({ prefix: `inbound/${owner.tenantId}/` })).objects).toHaveLength(0);
  });

  it("the envelope is on the client's domain but our receiver saw SPF fail for it → held, nothing added", async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const d = domainOf(t.client.email);
    const r = await send(t, {
      headerFrom: t.client.email,
      envelope: t.client.email,
      headers: [`Authentication-Results: mx.cloudflare.net; spf=fail smtp.mailfrom=${d}; dkim=none`],
      body: 'Forged envelope',
    });
    expect(r.rejected).toBeNull();
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
    expect((await inboundLog(owner))[0]).toMatchObject({
      outcome: 'rejected',
      reason: 'Sender not verified',
    });
    // A header of the same words further down, written by the sender, refutes nothing.
    const genuine = await send(t, {
      headerFrom: t.client.email,
      envelope: t.client.email,
      headers: [
        `Authentication-Results: mx.cloudflare.net; spf=pass smtp.mailfrom=${d}`,
        `Authentication-Results: mx.cloudflare.net; spf=fail smtp.mailfrom=${d}`,
      ],
      body: 'The real answer',
    });
    expect(genuine.rejected).toBeNull();
    expect((await emailedReplies(owner, t.id)).map((m) => m.body)).toEqual(['The real answer']);
  });

  it('another envelope domain is accepted when the receiver vouches: DKIM aligned with the From domain, or DMARC pass for it', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const d = domainOf(t.client.email);
    const dkim = await send(t, {
      headerFrom: t.client.email,
      envelope: 'srs0=abc@forwarder.example.net',
      headers: [
        `Authentication-Results: mx.cloudflare.net;\r\n dkim=pass (2048-bit key) header.d=${d} header.s=s1 header.b="AbC;d";\r\n spf=fail smtp.mailfrom=forwarder.example.net`,
      ],
      body: 'Signed by my domain',
    });
    expect(dkim.rejected).toBeNull();
    const dmarc = await send(t, {
      headerFrom: t.client.email,
      envelope: 'bounces@esp.example.org',
      headers: [
        `Authentication-Results: mx.cloudflare.net; spf=pass smtp.mailfrom=esp.example.org; dmarc=pass (p=REJECT) header.from=${d}`,
      ],
      body: 'DMARC passed',
    });
    expect(dmarc.rejected).toBeNull();
    expect((await emailedReplies(owner, t.id)).map((m) => m.body)).toEqual([
      'Signed by my domain',
      'DMARC passed',
    ]);
  });

  it('DKIM relaxed alignment: a signature by the parent of the From domain vouches for it, not the other way round', async () => {
    const owner = await signUp();
    const id = crypto.randomUUID().slice(0, 8);
    const t = await answeredTicket(owner, 'Question', { email: `anna.${id}@eu.mail.example.com` });
    const parent = await send(t, {
      headerFrom: t.client.email,
      envelope: 'x@esp.example.org',
      headers: ['Authentication-Results: mx.cloudflare.net; dkim=pass header.d=mail.example.com'],
      body: 'Parent signature',
    });
    expect(parent.rejected).toBeNull();
    const child = await send(t, {
      headerFrom: t.client.email,
      envelope: 'x@esp.example.org',
      headers: ['Authentication-Results: mx.cloudflare.net; dkim=pass header.d=x.eu.mail.example.com'],
      body: 'Child signature',
    });
    expect(child.rejected).toBeNull();
    expect((await emailedReplies(owner, t.id)).map((m) => m.body)).toEqual(['Parent signature']);
  });

  it('forged or unaligned Authentication-Results vouch for nothing', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const d = domainOf(t.client.email);
    const forged = [
      // Someone else's authserv-id: written by the sender, not by our receiving side.
      [`Authentication-Results: mx.evil.test; dkim=pass header.d=${d}; dmarc=pass header.from=${d}`],
      // The pass only inside a comment.
      [`Authentication-Results: mx.cloudflare.net; dkim=fail (dkim=pass header.d=${d}) header.d=${d}`],
      // Signed, but by another domain.
      [
        'Authentication-Results: mx.cloudflare.net; dkim=pass header.d=evil.test; dmarc=fail header.from=evil.test',
      ],
      // DMARC pass for another domain.
      ['Authentication-Results: mx.cloudflare.net; dmarc=pass header.from=evil.test'],
      // A domain that merely ends like the client's.
      [`Authentication-Results: mx.cloudflare.net; dkim=pass header.d=evil${d}`],
      // A quoted value pretending to be more results.
      [`Authentication-Results: mx.cloudflare.net; dkim=fail header.b="x; dkim=pass header.d=${d}"`],
      // The receiver's own (topmost) says fail; a forged pass further down does not count.
      [
        `Authentication-Results: mx.cloudflare.net; dkim=fail header.d=${d}; dmarc=fail header.from=${d}`,
        `Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${d}; dmarc=pass header.from=${d}`,
      ],
      // Unclosed comment: the whole header is broken.
      [`Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${d} (unclosed`],
    ];
    for (const [i, headers] of forged.entries()) {
      const r = await send(t, {
        headerFrom: t.client.email,
        envelope: 'x@evil.test',
        headers,
        body: `forged ${i}`,
      });
      expect(r.rejected).toBeNull();
    }
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
    const log = await inboundLog(owner);
    expect(log.filter((l) => l.reason === 'Sender not verified')).toHaveLength(forged.length);
  });

  it('case and spacing of the addresses do not matter; a look-alike address does', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const upper = t.client.email.toUpperCase();
    expect(
      (await send(t, { headerFrom: upper, envelope: ` ${upper} `, body: 'Shouting' })).rejected,
    ).toBeNull();
    const lookalike = t.client.email.replace('@', '@mail.');
    const r = await send(t, { headerFrom: lookalike, envelope: lookalike, body: 'Look-alike' });
    expect(r.rejected).toMatch(/only from the client's email/);
    expect((await emailedReplies(owner, t.id)).map((m) => m.body)).toEqual(['Shouting']);
  });
});
