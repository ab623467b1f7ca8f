import { createExecutionContext, env } from 'cloudflare:test';
import { replyAddress } from '../../services/tickets/reply-address';
import { type Caller, call, json } from './api';
import { appContext } from './context';
import { deliverEmail, openTicketInPortal, rawReply, supportClient, ticketIdFrom } from './tickets';

/** A ticket opened in the portal and answered once by the business: ready for email replies. */
export async function answeredTicket(
  owner: Caller,
  subject = 'Invoice question',
  clientFields: Record<string, unknown> = {},
) {
  const { client, cookie } = await supportClient(owner, clientFields);
  const id = await ticketIdFrom(await openTicketInPortal(cookie, { subject, message: 'Is VAT included?' }));
  const staff = await json(
    await call(`/tickets/${id}/messages`, {
      method: 'POST',
      body: { body: 'Yes, 23% included.' },
      as: owner,
    }),
  );
  return { client, cookie, id, staff, to: await replyAddress(appContext(), owner.tenantId, id) };
}

export interface ThreadMessage {
  id: string;
  author: string;
  via: string;
  body: string;
  attachments: { id: string; name: string }[];
}

export const thread = async (owner: Caller, id: string) =>
  (await json(await call(`/tickets/${id}`, { as: owner }))).messages as ThreadMessage[];

export const emailedReplies = async (owner: Caller, id: string) =>
  (await thread(owner, id)).filter((m) => m.via === 'email');

export interface InboundLine {
  id: string;
  from: string;
  subject: string | null;
  messageId: string | null;
  outcome: string;
  reason: string | null;
  acceptable: boolean;
}

export const inboundLog = async (owner: Caller) =>
  (await json(await call('/tickets/inbound-mail', { as: owner }))).data as InboundLine[];

/** RFC 2047 B-encoding, as a mail program (or an attacker) writes a header word. */
export const encodedWord = (text: string) =>
  `=?utf-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}?=`;

/**
 * A reply whose header From is the client but whose envelope comes from another domain with
 * nothing vouching for it: held as "sender not verified". Returns the held log line.
 */
export async function heldReply(owner: Caller, opts: { body?: string; attachments?: number } = {}) {
  const t = await answeredTicket(owner);
  const envelope = 'bounce@forwarder.example.net';
  const messageId = `<held-${crypto.randomUUID()}@mail.example.com>`;
  const raw = opts.attachments
    ? withAttachments({
        from: t.client.email,
        to: t.to,
        messageId,
        body: opts.body ?? 'Held reply',
        count: opts.attachments,
      })
    : rawReply({ from: t.client.email, to: t.to, messageId, body: opts.body ?? 'Held reply' });
  await deliverEmail({ from: envelope, to: t.to, raw });
  const line = (await inboundLog(owner)).find((l) => l.messageId === messageId);
  if (!line) throw new Error('the held reply was not logged');
  return { ...t, line, messageId };
}

/** A reply with `count` small PDF attachments. */
export function withAttachments(o: {
  from: string;
  to: string;
  messageId: string;
  body: string;
  count: number;
}) {
  const files = Array.from({ length: o.count }, (_, i) => [
    '--b1',
    `Content-Type: application/pdf; name="doc-${i}.pdf"`,
    `Content-Disposition: attachment; filename="doc-${i}.pdf"`,
    'Content-Transfer-Encoding: base64',
    '',
    btoa(`%PDF-1.4 file ${i}`),
  ]);
  return [
    `From: Client <${o.from}>`,
    `To: ${o.to}`,
    'Subject: Re: Invoice question',
    `Message-ID: ${o.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    ...files.flat(),
    '--b1--',
    '',
  ].join('\r\n');
}

/** Drives the email handler with raw bytes (invalid UTF-8, NUL bytes and all); `threw` instead of throwing. */
export async function deliverBytes(opts: { from: string; to: string; bytes: Uint8Array }) {
  let rejected: string | null = null;
  const message = {
    from: opts.from,
    to: opts.to,
    headers: new Headers(),
    raw: new Response(opts.bytes).body!,
    rawSize: opts.bytes.byteLength,
    setReject: (reason: string) => {
      rejected = reason;
    },
    forward: async () => ({ messageId: '' }),
    reply: async () => ({ messageId: '' }),
  } as unknown as ForwardableEmailMessage;
  const { default: worker } = await import('../../index');
  await worker.email(message, env, createExecutionContext());
  return { rejected: rejected as string | null };
}
