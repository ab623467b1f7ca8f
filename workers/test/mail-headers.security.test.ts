import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { UnsafeHeaderError } from '../services/mail/header-values';
import { buildMime, type OutgoingEmail } from '../services/mail/mime';
import { type Caller, call, json, signUp } from './helpers/api';
import { answeredTicket, encodedWord, inboundLog, thread } from './helpers/inbound';
import { runEmailQueue } from './helpers/queue';
import { deliverEmail, openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

const INJECTED = '\r\nBcc: victim@evil.test\r\n\r\n<h1>attacker body</h1>';

/** The header lines of a raw message (folded continuations joined), up to the first blank line. */
function headerLines(raw: string) {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head.split(/\r\n(?![ \t])/);
}

/** Every header line is one we write, once; nothing injected, one body. */
async function expectClean(raw: string) {
  const names = headerLines(raw).map((l) => /^([A-Za-z-]+):/.exec(l)?.[1]?.toLowerCase());
  expect(names.every(Boolean)).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) {
    expect([
      'date',
      'from',
      'to',
      'reply-to',
      'message-id',
      'in-reply-to',
      'references',
      'subject',
      'mime-version',
      'content-type',
      'content-transfer-encoding',
    ]).toContain(n);
  }
  expect(raw).not.toMatch(/^bcc:/im);
  // No line of its own: the attacker's HTML never becomes a body (inside a quoted file name it is only text).
  expect(raw).not.toMatch(/^\s*<h1>attacker body/m);
  const parsed = await PostalMime.parse(raw);
  expect(parsed.headers.some((h) => h.key === 'bcc')).toBe(false);
  expect(`${parsed.text}${parsed.html}`).not.toContain('attacker body');
  return parsed;
}

/** The business answers the ticket again; the raw message its client receives. */
async function nextStaffEmail(owner: Caller, ticketId: string, body: string) {
  await call(`/tickets/${ticketId}/messages`, { method: 'POST', body: { body }, as: owner });
  const emails = (await json(await call('/emails', { as: owner }))).data as { id: string; kind: string }[];
  await runEmailQueue(
    owner.tenantId,
    emails.filter((e) => e.kind === 'ticket_reply').map((e) => e.id),
  );
  const outbox = (await json(await call('/dev/outbox', { as: owner }))).data as { raw: string }[];
  const raw = outbox.find((m) => m.raw.includes(body) || atobLines(m.raw).includes(body))?.raw;
  if (!raw) throw new Error(`no email carrying "${body}" in the outbox`);
  return raw;
}

/** Text parts may be base64: search decoded bodies too. */
function atobLines(raw: string) {
  return raw
    .split(/\r\n\r\n/)
    .map((chunk) => {
      try {
        return atob(chunk.replace(/\r\n/g, '').split('--')[0] ?? '');
      } catch {
        return '';
      }
    })
    .join('\n');
}

describe('header injection through stored Message-IDs', () => {
  it('an RFC 2047 Message-ID and References decoding to CRLF + Bcc are dropped where read; the next reply carries no injected header or body', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const raw = [
      `From: ${encodedWord(`Client${INJECTED}`)} <${t.client.email}>`,
      `To: ${t.to}`,
      `Subject: ${encodedWord(`Re: Invoice question${INJECTED}`)}`,
      `Message-ID: ${encodedWord(`<x@y>${INJECTED}`)}`,
      `In-Reply-To: ${encodedWord(`<${t.staff.id}@clientele.local>${INJECTED}`)}`,
      `References: ${encodedWord(`<a@b>${INJECTED}`)}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Thanks, noted.',
    ].join('\r\n');
    expect((await deliverEmail({ from: t.client.email, to: t.to, raw })).rejected).toBeNull();
    // Accepted (the sender is the client), but without the poisoned id.
    expect((await thread(owner, t.id)).some((m) => m.body === 'Thanks, noted.')).toBe(true);
    const line = (await inboundLog(owner))[0]!;
    expect(line).toMatchObject({ outcome: 'accepted', messageId: null });
    expect(line.subject).not.toMatch(/[\r\n]/);

    const out = await nextStaffEmail(owner, t.id, 'Second answer after the poisoned reply');
    const parsed = await expectClean(out);
    expect(parsed.inReplyTo ?? '').toMatch(/^(<msg_[0-9a-z]+@clientele\.local>)?$/);
  });

  it('raw CR or LF inside Message-ID / References never reaches the next email', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const cases = [
      `Message-ID: <cr@y>\rBcc: victim@evil.test`,
      `Message-ID: <lf@y>\nBcc: victim@evil.test`,
      `Message-ID: <ok-${crypto.randomUUID()}@y>\r\nReferences: <r@y>\rBcc: victim@evil.test`,
    ];
    for (const [i, header] of cases.entries()) {
      const raw = [
        `From: Client <${t.client.email}>`,
        `To: ${t.to}`,
        'Subject: Re: Invoice question',
        header,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `Reply number ${i}`,
      ].join('\r\n');
      await deliverEmail({ from: t.client.email, to: t.to, raw });
      const out = await nextStaffEmail(owner, t.id, `Answer number ${i}`);
      const parsed = await expectClean(out);
      for (const id of [parsed.inReplyTo, ...(parsed.references ?? '').split(/\s+/)].filter(Boolean)) {
        expect(id).toMatch(/^<[^\s<>]+@[^\s<>]+>$/);
      }
    }
    // Every stored Message-ID is a valid one or none at all.
    for (const l of await inboundLog(owner)) {
      if (l.messageId !== null) expect(l.messageId).toMatch(/^<[\x21-\x7e]+>$/);
    }
  });
});

describe('header injection through names and subjects people type', () => {
  it('a portal ticket subject and a business name with raw and encoded CR/LF: the email to the client has one Subject, one From, no injected line', async () => {
    const owner = await signUp({ businessName: `Studio${encodedWord('\r\nBcc: victim@evil.test')} Norte` });
    const { cookie } = await supportClient(owner);
    const id = await ticketIdFrom(
      await openTicketInPortal(cookie, {
        subject: `Invoice\r\nBcc: victim@evil.test ${encodedWord('\r\nX-Evil: 1')}`,
        message: 'Is VAT included?',
      }),
    );
    const out = await nextStaffEmail(owner, id, 'Answer to a tricky subject');
    const parsed = await expectClean(out);
    expect(parsed.subject).toMatch(/^Re: Invoice/);
    expect(parsed.subject).not.toMatch(/[\r\n]/);
    expect(parsed.from?.name ?? '').not.toMatch(/[\r\n]/);
    expect(parsed.headers.some((h) => h.key === 'x-evil')).toBe(false);
  });
});

const base = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  messageId: '<m1@clientele.test>',
  from: { name: 'Studio Norte', addr: 'billing@clientele.test' },
  to: 'maria@example.com',
  replyTo: 'reply+abc@reply.clientele.test',
  inReplyTo: null,
  references: [],
  subject: 'Invoice',
  text: 'Hello',
  html: '<p>Hello</p>',
  attachments: [],
  ...over,
});

describe('the MIME builder: one chokepoint for every header value', () => {
  it('CR/LF in names, subjects, thread ids and file names never adds a header line or a body', async () => {
    const raw = buildMime(
      base({
        from: { name: `Studio${INJECTED}`, addr: 'billing@clientele.test' },
        subject: `Re: Question${INJECTED}`,
        inReplyTo: `<x@y>${INJECTED}`,
        references: [
          '<ok@clientele.test>',
          `<a@b>${INJECTED}`,
          '<a@b>\r\nBcc: victim@evil.test',
          '<bad id@x>',
        ],
        attachments: [
          {
            filename: `invoice"${INJECTED}.pdf`,
            contentType: 'application/pdf\r\nBcc: victim@evil.test',
            bytes: new TextEncoder().encode('%PDF-1.4'),
          },
        ],
      }),
    );
    const parsed = await expectClean(raw);
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toBe('<ok@clientele.test>');
    expect(parsed.subject).not.toMatch(/[\r\n]/);
    expect(parsed.from?.name).not.toMatch(/[\r\n]/);
    expect(parsed.text?.trim()).toBe('Hello');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).not.toMatch(/[\r\n"]/);
    expect(parsed.attachments[0]!.mimeType).toBe('application/octet-stream');
  });

  it('an address or our own Message-ID carrying a line break is refused, not sent', () => {
    for (const over of [
      { to: 'maria@example.com\r\nBcc: victim@evil.test' },
      { replyTo: 'reply@x.test\nBcc: victim@evil.test' },
      { from: { name: 'Studio', addr: 'billing@clientele.test\rBcc: victim@evil.test' } },
      { messageId: `<m1@clientele.test>${INJECTED}` },
      { to: 'Maria <maria@example.com>' },
    ]) {
      expect(() => buildMime(base(over))).toThrow(UnsafeHeaderError);
    }
  });

  it('a long thread stays valid: References folded, every line within 998 characters', async () => {
    const references = Array.from({ length: 20 }, (_, i) => `<msg_${'x'.repeat(24)}${i}@clientele.test>`);
    const raw = buildMime(base({ references, inReplyTo: references.at(-1)! }));
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const parsed = await expectClean(raw);
    expect(parsed.references?.split(/\s+/)).toEqual(references);
  });
});
