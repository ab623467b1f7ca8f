import { addToOutbox, type Db } from '@clientele/db';
import type { AppContext } from '../context';

export interface TransportMessage {
  tenantId: string;
  emailId: string;
  from: string;
  to: string;
  subject: string;
  raw: string;
}

/** Where mail goes: the dev outbox locally and in tests, a real provider in production. */
export interface Transport {
  send(m: TransportMessage): Promise<{ providerId: string }>;
}

/** Keeps the raw message (R2) and its metadata (D1) for `GET /api/v1/dev/outbox`. */
export class DevOutboxTransport implements Transport {
  constructor(
    private readonly db: Db,
    private readonly files: R2Bucket,
  ) {}

  async send(m: TransportMessage) {
    const rawKey = `outbox/${m.tenantId}/${m.emailId}.eml`;
    await this.files.put(rawKey, m.raw, { httpMetadata: { contentType: 'message/rfc822' } });
    const id = await addToOutbox(this.db, {
      tenantId: m.tenantId,
      emailId: m.emailId,
      to: m.to,
      subject: m.subject,
      rawKey,
    });
    return { providerId: `outbox:${id}` };
  }
}

/** The Message-ID a `send_email` answer names, if the runtime gave one. */
function messageIdOf(sent: unknown): string | undefined {
  if (typeof sent !== 'object' || sent === null || !('messageId' in sent)) return undefined;
  return typeof sent.messageId === 'string' ? sent.messageId : undefined;
}

/** Cloudflare Email Routing's `send_email` binding (verified destinations, or Email Sending). */
export class CloudflareEmailTransport implements Transport {
  constructor(private readonly binding: SendEmail) {}

  async send(m: TransportMessage) {
    const { EmailMessage } = await import('cloudflare:email');
    // Newer runtimes answer with the Message-ID they used; older ones answer nothing.
    const sent: unknown = await this.binding.send(new EmailMessage(m.from, m.to, m.raw));
    return { providerId: messageIdOf(sent) ?? `cloudflare:${m.emailId}` };
  }
}

/**
 * An HTTP provider that accepts the finished MIME message (Mailgun's `messages.mime`
 * API shape: multipart `to` + `message`, HTTP Basic `api:<key>`), so what is sent is
 * exactly what the dev outbox shows.
 */
export class HttpMimeTransport implements Transport {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async send(m: TransportMessage) {
    const form = new FormData();
    form.set('to', m.to);
    form.set('message', new File([m.raw], `${m.emailId}.eml`, { type: 'message/rfc822' }));
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`api:${this.apiKey}`)}` },
      body: form,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Mail provider answered ${res.status}: ${text.slice(0, 200)}`);
    const id = (JSON.parse(text) as { id?: string }).id;
    return { providerId: id ?? `http:${m.emailId}` };
  }
}

export class NoTransport implements Transport {
  async send(): Promise<never> {
    throw new Error(
      'No email transport is configured: bind MAILER, or set MAIL_PROVIDER_URL and MAIL_PROVIDER_KEY',
    );
  }
}

/**
 * The dev outbox wins locally; an HTTP provider configured through secrets is an explicit
 * choice for businesses not on Cloudflare Email, so it comes before the MAILER binding.
 */
export function transportFor(ctx: Pick<AppContext, 'db' | 'files' | 'config'>): Transport {
  const routes = ctx.config.mail;
  if (routes.devOutbox) return new DevOutboxTransport(ctx.db, ctx.files);
  if (routes.provider) return new HttpMimeTransport(routes.provider.url, routes.provider.key);
  if (routes.binding) return new CloudflareEmailTransport(routes.binding);
  return new NoTransport();
}
