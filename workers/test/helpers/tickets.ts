import { createExecutionContext, env } from 'cloudflare:test';
import worker from '../../index';
import { type Caller, call, createClient, json } from './api';
import { portal, portalCookie } from './portal';

/** A client signed into the portal, with an email on file. */
export async function supportClient(owner: Caller, over: Record<string, unknown> = {}) {
  const client = await createClient(owner, {
    email: `c.${crypto.randomUUID().slice(0, 8)}@example.com`,
    ...over,
  });
  return { client, cookie: await portalCookie(owner, client.id) };
}

/** Opens a ticket through the portal form, as a browser posts it (multipart). */
export async function openTicketInPortal(
  cookie: string,
  fields: { subject: string; message: string; invoiceId?: string },
  files: File[] = [],
) {
  const form = new FormData();
  form.set('subject', fields.subject);
  form.set('message', fields.message);
  form.set('invoiceId', fields.invoiceId ?? '');
  for (const f of files) form.append('attachments', f);
  return portal('/tickets', cookie, { method: 'POST', body: form });
}

export async function ticketIdFrom(res: Response) {
  const location = res.headers.get('location') ?? '';
  const id = /\/portal\/tickets\/(tkt_[0-9a-z]+)/.exec(location)?.[1];
  if (!id) throw new Error(`no ticket in redirect: ${res.status} ${location}`);
  return id;
}

export async function unreadCount(owner: Caller) {
  return (await json(await call('/tickets/unread-count', { as: owner }))).count as number;
}

/** Drives the Worker's email handler with a raw RFC 822 message, as Email Routing does. */
export async function deliverEmail(opts: { from: string; to: string; raw: string; rawSize?: number }) {
  let rejected: string | null = null;
  const bytes = new TextEncoder().encode(opts.raw);
  const message = {
    from: opts.from,
    to: opts.to,
    headers: new Headers(),
    raw: new Response(bytes).body!,
    rawSize: opts.rawSize ?? bytes.byteLength,
    setReject: (reason: string) => {
      rejected = reason;
    },
    forward: async () => ({ messageId: '' }),
    reply: async () => ({ messageId: '' }),
  } as unknown as ForwardableEmailMessage;
  await worker.email(message, env, createExecutionContext());
  return { rejected: rejected as string | null };
}

/** A plain reply as a mail program writes it. */
export function rawReply(o: {
  from: string;
  to: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  headers?: string[];
  body: string;
}) {
  return [
    `From: Client <${o.from}>`,
    `To: ${o.to}`,
    `Subject: ${o.subject ?? 'Re: Question'}`,
    `Message-ID: ${o.messageId ?? `<${crypto.randomUUID()}@mail.example.com>`}`,
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`, `References: ${o.inReplyTo}`] : []),
    ...(o.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    o.body,
  ].join('\r\n');
}
