import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './helpers/api';
import { answeredTicket, deliverBytes, emailedReplies, encodedWord, inboundLog } from './helpers/inbound';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function nested(depth: number, leaf = 'Deep reply') {
  let body = `Content-Type: text/plain\r\n\r\n${leaf}\r\n`;
  for (let i = depth; i > 0; i--) {
    body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  }
  return body;
}

const count = async (sql: string, ...args: string[]) =>
  (
    (await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number }>()) ?? { n: 0 }
  ).n;

describe('Email Worker: malformed MIME never throws, always one recorded outcome', () => {
  it('300 nested multipart levels → rejected with a recorded reason, nothing added', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const raw = [
      `From: Client <${t.client.email}>`,
      `To: ${t.to}`,
      'Subject: Re: Invoice question',
      '<deep@mail.example.com>'.replace(/^/, 'Message-ID: '),
      'MIME-Version: 1.0',
      nested(300),
    ].join('\r\n');
    const r = await deliverBytes({ from: t.client.email, to: t.to, bytes: utf8(raw) });
    expect(r.rejected).toMatch(/malformed/);
    const log = await inboundLog(owner);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/malformed/) });
    expect(await emailedReplies(owner, t.id)).toHaveLength(0);
  });

  describe('property: any malformed or boundary message', () => {
    let t: Awaited<ReturnType<typeof answeredTicket>>;
    beforeAll(async () => {
      t = await answeredTicket(await signUp());
    });

    const header = fc.oneof(
      fc.constant('Subject: Re: Invoice question'),
      fc.string({ maxLength: 200 }).map((s) => `Subject: ${s}`),
      fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `Subject: ${encodedWord(s)}`),
      fc.constantFrom(
        'Subject: =?utf-8?B?not*base64?=',
        'Subject: =?x-unknown?Q?=FF=FE?=',
        'Subject: =?utf-8?Q?=0D=0ABcc:_victim@evil.test?=',
        'Subject: =?=?utf-8?B??=?=',
        `Message-ID: ${encodedWord('<x@y>\r\nBcc: victim@evil.test')}`,
        'Message-ID: <no-domain>',
        'Message-ID:',
        'Message-ID: <a@b> <c@d>',
        'In-Reply-To: <<<>>>',
        `References: ${'<r@x> '.repeat(500)}`,
        'Content-Transfer-Encoding: base64',
        'Content-Transfer-Encoding: x-uuencode',
        'Content-Type: text/plain; charset=x-unknown',
        'Content-Type: multipart/mixed',
        'Content-Type: multipart/mixed; boundary=""',
        'Content-Type: multipart/mixed; boundary="b1"',
        'Content-Type: message/rfc822',
        'Authentication-Results: mx.cloudflare.net; dkim=pass (unclosed',
        'Authentication-Results: mx.cloudflare.net; dkim=pass header.d="',
        'Auto-Submitted: no',
        'no colon here',
        ':empty name',
        ' folded without a header',
        'X-Nul: a\u0000b',
      ),
      fc.nat({ max: 100_000 }).map((n) => `X-Huge: ${'a'.repeat(n)}`),
      fc.string({ maxLength: 100 }).map((s) => `From: ${s}`),
    );
    const body = fc.oneof(
      fc.string({ maxLength: 500 }).map(utf8),
      fc.uint8Array({ maxLength: 500 }),
      fc.nat({ max: 320 }).map((d) => utf8(nested(d))),
      fc.constantFrom(
        utf8('--b1\r\nContent-Type: text/plain\r\n\r\nunterminated part'),
        utf8('--b1--\r\n--b1\r\n\r\n--b1'),
        utf8('\r\n\r\n\r\n'),
        new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]),
        new Uint8Array(0),
      ),
    );
    const message = fc.record({
      headers: fc.array(header, { maxLength: 8 }),
      clientFrom: fc.boolean(),
      body,
      truncateAt: fc.option(fc.nat({ max: 4000 })),
      verifiedEnvelope: fc.boolean(),
    });

    it('never a throw, exactly one log line each, never a message from an unverified sender', {
      timeout: 120_000,
    }, async () => {
      const seed = Number((globalThis as { FUZZ_SEED?: number }).FUZZ_SEED ?? Date.now() % 2 ** 31);
      const numRuns = 300;
      console.log(`inbound MIME fuzz: seed ${seed}, ${numRuns} messages`);
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(message, async (m) => {
          // The hourly per-sender limit is tested elsewhere; here every message must reach the parser.
          await env.DB.prepare("DELETE FROM rate_limits WHERE key LIKE 'inbound-mail:%'").run();
          const envelope = m.verifiedEnvelope ? t.client.email : 'someone@unverified.test';
          const head = [
            ...(m.clientFrom ? [`From: Client <${t.client.email}>`] : []),
            `To: ${t.to}`,
            ...m.headers,
            '',
            '',
          ].join('\r\n');
          let bytes = concat([utf8(head), m.body]);
          if (m.truncateAt !== null) bytes = bytes.subarray(0, m.truncateAt);
          const logBefore = await count('SELECT count(*) AS n FROM inbound_mail');
          const emailBefore = await count(
            "SELECT count(*) AS n FROM ticket_messages WHERE ticket_id = ? AND via = 'email'",
            t.id,
          );
          await deliverBytes({ from: envelope, to: t.to, bytes });
          expect(await count('SELECT count(*) AS n FROM inbound_mail')).toBe(logBefore + 1);
          const emailAfter = await count(
            "SELECT count(*) AS n FROM ticket_messages WHERE ticket_id = ? AND via = 'email'",
            t.id,
          );
          // Verified means both: the header From is the client's and the envelope agrees with it.
          if (!m.verifiedEnvelope || !m.clientFrom) expect(emailAfter).toBe(emailBefore);
          else expect(emailAfter - emailBefore).toBeLessThanOrEqual(1);
        }),
        { seed, numRuns },
      );
      console.log(`inbound MIME fuzz: ${numRuns} messages, 0 throws, ${Date.now() - started} ms`);
    });
  });
});
