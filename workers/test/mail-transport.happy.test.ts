import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CloudflareEmailTransport,
  HttpMimeTransport,
  NoTransport,
  transportFor,
} from '../services/mail/transport';
import { appContext } from './helpers/context';

const message = {
  tenantId: 'ten_x',
  emailId: 'eml_1',
  from: 'billing@clientele.local',
  to: 'maria@example.com',
  subject: 'Invoice',
  raw: 'From: billing@clientele.local\r\nTo: maria@example.com\r\nSubject: Invoice\r\n\r\nHello',
};

afterEach(() => vi.restoreAllMocks());

describe('mail transports', () => {
  it('HTTP provider: posts the raw MIME as multipart with Basic auth and returns the provider id', async () => {
    const spy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response(JSON.stringify({ id: '<20261125.1@mg.example.com>', message: 'Queued' })),
      );
    const t = new HttpMimeTransport('https://api.mailgun.net/v3/mg.example.com/messages.mime', 'key-123');
    const { providerId } = await t.send(message);
    expect(providerId).toBe('<20261125.1@mg.example.com>');
    const [url, init] = spy.mock.calls[0]!;
    expect(url).toBe('https://api.mailgun.net/v3/mg.example.com/messages.mime');
    if (!init) throw new Error('fetch was called without options');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).authorization).toBe(`Basic ${btoa('api:key-123')}`);
    const form = init.body as FormData;
    expect(form.get('to')).toBe('maria@example.com');
    expect(await (form.get('message') as File).text()).toBe(message.raw);
  });

  it('HTTP provider: an error answer throws with the status, so the job is retried', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('rate limited', { status: 429 }));
    const t = new HttpMimeTransport('https://api.mailgun.net/v3/mg.example.com/messages.mime', 'key-123');
    await expect(t.send(message)).rejects.toThrow('Mail provider answered 429: rate limited');
  });

  it('chooses the dev outbox only when DEV_OUTBOX=1, and says clearly when nothing is configured', async () => {
    expect(transportFor(appContext(env)).constructor.name).toBe('DevOutboxTransport');
    const production = { ...env, DEV_OUTBOX: '0' };
    expect(transportFor(appContext(production)) instanceof CloudflareEmailTransport).toBe(true);
    const { MAILER: _, ...unbound } = production;
    expect(transportFor(appContext(unbound as Env)) instanceof NoTransport).toBe(true);
    const withProvider = {
      ...production,
      MAIL_PROVIDER_URL: 'https://p.example/send',
      MAIL_PROVIDER_KEY: 'k',
    } as Env;
    expect(transportFor(appContext(withProvider)) instanceof HttpMimeTransport).toBe(true);
    await expect(new NoTransport().send()).rejects.toThrow(/No email transport is configured/);
  });
});
