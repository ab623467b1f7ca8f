import { addToOutbox, type Db } from '@clientele/db';

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

/** Cloudflare Email Routing's `send_email` binding (verified destinations, or Email Sending). */
export class CloudflareEmailTransport implements Transport {
  constructor(private readonly binding: SendEmail) {}

  async send(m: TransportMessage) {
    const { EmailMessage } = await import('cloudflare:email');
    await this.binding.send(new EmailMessage(m.from, m.to, m.raw));
    return { providerId: `cloudflare:${m.emailId}` };
  }
}

export class NoTransport implements Transport {
  async send(): Promise<never> {
    throw new Error('No email transport is configured (set DEV_OUTBOX=1 locally, or bind MAILER)');
  }
}

export function transportFor(env: Env, db: Db): Transport {
  if (env.DEV_OUTBOX === '1') return new DevOutboxTransport(db, env.FILES);
  const mailer = (env as unknown as { MAILER?: SendEmail }).MAILER;
  return mailer ? new CloudflareEmailTransport(mailer) : new NoTransport();
}
