import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { backoffSeconds, handleQueue, MAX_RETRIES } from '../queue';
import { sendDocument } from '../services/documents/documents';
import { buildMime } from '../services/mail/mime';
import {
  CloudflareEmailTransport,
  DevOutboxTransport,
  NoTransport,
  type Transport,
  type TransportMessage,
  transportFor,
} from '../services/mail/transport';
import { type Caller, call, createClient, createInvoice, json, signUp } from './helpers/api';
import { appContext, tenantContext } from './helpers/context';
import { runEmailQueue } from './helpers/queue';

/** Sends the draft and returns the email record the send queued. */
async function sendWithEmail(owner: Caller, client: Record<string, unknown> = {}) {
  const c = await createClient(owner, { email: 'client@example.com', ...client });
  const draft = await createInvoice(owner, c.id);
  const res = await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner });
  expect(res.status).toBe(202);
  const sent = await json(res);
  return { client: c, invoice: sent, email: sent.email as { id: string; status: string; to: string } };
}

/** Runs the real consumer on one job, as the queue would on attempt `attempts`. */
const consume = (owner: Caller, emailId: string, attempts = 1, transport?: Transport) =>
  runEmailQueue(owner.tenantId, [emailId], { attempts, transport });

class FlakyTransport implements Transport {
  calls = 0;
  constructor(
    private readonly failures: number,
    private readonly inner: Transport,
  ) {}
  async send(m: TransportMessage) {
    this.calls++;
    if (this.calls <= this.failures) throw new Error(`provider unavailable (${this.calls})`);
    return this.inner.send(m);
  }
}

describe('email sending', () => {
  it('send → 202 with a queued email → consumer → outbox holds one message with the PDF and the client template', async () => {
    const owner = await signUp();
    const { client, invoice, email } = await sendWithEmail(owner, { name: 'Иван Петров', language: 'ru' });
    expect(email).toMatchObject({ status: 'queued', to: 'client@example.com' });
    await call(`/clients/${client.id}/templates/invoice`, {
      method: 'PUT',
      body: {
        language: 'ru',
        subject: 'Лично: счёт {{document.number}} для {{client.name}}',
        body: 'Сумма: {{document.total}}',
      },
      as: owner,
    });

    const result = await consume(owner, email.id);
    expect(result.explicitAcks).toHaveLength(1);
    const outbox = await json(await call('/dev/outbox', { as: owner }));
    expect(outbox.data).toHaveLength(1);
    const parsed = await PostalMime.parse(outbox.data[0]!.raw);
    expect(parsed.subject).toBe(`Лично: счёт ${invoice.number} для Иван Петров`);
    expect(parsed.text).toContain('Сумма: 120,00');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({
      filename: `${invoice.number}.pdf`,
      mimeType: 'application/pdf',
    });
    const pdf = new Uint8Array(parsed.attachments[0]!.content as ArrayBuffer);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(parsed.messageId).toContain(email.id);

    const log = await json(await call(`/emails?clientId=${client.id}`, { as: owner }));
    expect(log.data[0]).toMatchObject({ id: email.id, status: 'sent', kind: 'invoice', error: null });

    // The same job delivered again (a retry after a lost ack) sends nothing more.
    await consume(owner, email.id, 2);
    expect((await json(await call('/dev/outbox', { as: owner }))).data).toHaveLength(1);
  });

  it('Japanese subject and an escaped client name survive the round trip through MIME', {
    timeout: 60_000,
  }, async () => {
    const owner = await signUp();
    const { email } = await sendWithEmail(owner, { name: '<b>山田太郎</b>', language: 'ja' });
    await consume(owner, email.id);
    const raw = (await json(await call('/dev/outbox', { as: owner }))).data[0]!.raw as string;
    expect(raw).toMatch(/^Subject: =\?utf-8\?B\?/im);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toContain('請求書');
    expect(parsed.html).toContain('&lt;b&gt;山田太郎&lt;/b&gt;');
    expect(parsed.html).not.toContain('<b>山田太郎</b>');
  });

  it('a transport that fails twice then succeeds sends exactly one message', async () => {
    const owner = await signUp();
    const { email } = await sendWithEmail(owner);
    const { createD1Db } = await import('@clientele/db/d1');
    const flaky = new FlakyTransport(2, new DevOutboxTransport(createD1Db(env.DB), env.FILES));
    const first = await consume(owner, email.id, 1, flaky);
    expect(first.retryMessages).toHaveLength(1);
    let log = await json(await call('/emails', { as: owner }));
    expect(log.data[0]).toMatchObject({ status: 'queued', attempts: 1, error: 'provider unavailable (1)' });
    await consume(owner, email.id, 2, flaky);
    await consume(owner, email.id, 3, flaky);
    await consume(owner, email.id, 4, flaky);
    expect(flaky.calls).toBe(3);
    expect((await json(await call('/dev/outbox', { as: owner }))).data).toHaveLength(1);
    log = await json(await call('/emails', { as: owner }));
    expect(log.data[0]).toMatchObject({ status: 'sent', attempts: 3, error: null });
  });

  it('a double-clicked send (two requests at once) issues once and queues one email; resend queues one more', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'double@example.com' });
    const draft = await createInvoice(owner, c.id);
    const both = await Promise.all(
      [1, 2].map(() => call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
    const forDoc = async () =>
      (await json(await call('/emails', { as: owner }))).data.filter(
        (e: { documentId: string }) => e.documentId === draft.id,
      );
    expect(await forDoc()).toHaveLength(1);
    const resend = await call(`/invoices/${draft.id}/send?resend=true`, { method: 'POST', as: owner });
    expect(resend.status).toBe(202);
    expect(await forDoc()).toHaveLength(2);
  });

  it("invoice emails reuse the client's emailed sign-in link while it has a week left, then mint one", async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'reuse@example.com' });
    const linkOf = async (emailId: string) => {
      await consume(owner, emailId);
      const out = (await json(await call('/dev/outbox', { as: owner }))).data;
      const raw = out.find((m: { emailId: string }) => m.emailId === emailId)!.raw as string;
      const parsed = await PostalMime.parse(raw);
      return /\/portal\/login\/[\w-]{43}/.exec(parsed.text ?? '')?.[0];
    };
    const sendOne = async () => {
      const draft = await createInvoice(owner, c.id);
      return (await json(await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner })))!.email.id;
    };
    const links = [];
    for (let i = 0; i < 3; i++) links.push(await linkOf(await sendOne()));
    expect(links[0]).toBeDefined();
    expect(new Set(links).size).toBe(1);
    const list = async () => (await json(await call(`/portal-links?clientId=${c.id}`, { as: owner }))).data;
    expect(
      (await list()).filter((l: { source: string; status: string }) => l.source === 'email'),
    ).toHaveLength(1);
    // The link still signs in.
    const signIn = await SELF.fetch(`https://app.clientele.test${links[0]}`, {
      method: 'POST',
      headers: { origin: 'https://app.clientele.test' },
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    // With less than a week left, the next email carries a new link.
    await env.DB.prepare("UPDATE portal_links SET expires_at = ? WHERE client_id = ? AND source = 'email'")
      .bind(Date.now() + 3 * 24 * 3600 * 1000, c.id)
      .run();
    const fresh = await linkOf(await sendOne());
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(links[0]);
    expect((await list()).filter((l: { source: string }) => l.source === 'email')).toHaveLength(2);
  });

  it('retries send the same composed message: one sign-in link per email, none left pending', async () => {
    const owner = await signUp();
    const { email, client } = await sendWithEmail(owner);
    const { createD1Db } = await import('@clientele/db/d1');
    const flaky = new FlakyTransport(2, new DevOutboxTransport(createD1Db(env.DB), env.FILES));
    for (let attempt = 1; attempt <= 3; attempt++) await consume(owner, email.id, attempt, flaky);
    const links = await json(await call(`/portal-links?clientId=${client.id}`, { as: owner }));
    expect(links.data).toHaveLength(1);
    const raw = (await json(await call('/dev/outbox', { as: owner }))).data[0]!.raw as string;
    expect(raw).toContain(`Message-ID: <${email.id}@`);
    const pending = await env.FILES.list({ prefix: `mail/pending/${owner.tenantId}/` });
    expect(pending.objects).toHaveLength(0);
  });

  it('a transport that always fails: failed after the retry limit, message handed on to the dead-letter queue', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'client@example.com' });
    const draft = await createInvoice(owner, c.id);
    // Issued through the service with a queue that keeps the message: the real consumer would
    // otherwise deliver it through the dev outbox while this test drives the broken transport.
    const held: Queue = { send: async () => {}, sendBatch: async () => {} } as unknown as Queue;
    const { email } = await sendDocument(tenantContext(owner.tenantId, { queue: held }), 'invoice', draft.id);
    if (!email) throw new Error('the client has an address: an email is queued');
    const broken: Transport = { send: async () => Promise.reject(new Error('550 mailbox unavailable')) };
    for (let attempt = 1; attempt <= MAX_RETRIES; attempt++) {
      await consume(owner, email.id, attempt, broken);
      expect((await json(await call('/emails', { as: owner }))).data[0]!.status).toBe('queued');
    }
    const last = await consume(owner, email.id, MAX_RETRIES + 1, broken);
    // Retrying past max_retries is how a Cloudflare queue moves a message to its DLQ.
    expect(last.retryMessages).toHaveLength(1);
    const log = await json(await call('/emails', { as: owner }));
    expect(log.data[0]).toMatchObject({
      status: 'failed',
      error: '550 mailbox unavailable',
      attempts: MAX_RETRIES + 1,
    });
    expect((await json(await call('/dev/outbox', { as: owner }))).data).toHaveLength(0);
  });

  it('backs off 30 s, 2 min, 8 min, … capped at 12 h', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 120, 480, 1920]);
    expect(backoffSeconds(20)).toBe(12 * 3600);
  });

  it('a client without an email address: the invoice is issued, no email is queued', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const draft = await createInvoice(owner, c.id);
    const sent = await json(await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner }));
    expect(sent).toMatchObject({ status: 'sent', email: null });
    expect((await json(await call('/emails', { as: owner }))).data).toHaveLength(0);
  });

  it('a repeated send with the same Idempotency-Key queues one email', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'a@example.com' });
    const draft = await createInvoice(owner, c.id);
    const send = () =>
      call(`/invoices/${draft.id}/send`, {
        method: 'POST',
        headers: { 'idempotency-key': 'send-1' },
        as: owner,
      });
    const a = await json(await send());
    const b = await json(await send());
    expect(b.email!.id).toBe(a.email!.id);
    expect((await json(await call('/emails', { as: owner }))).data).toHaveLength(1);
  });

  it("sending someone else's invoice → 404 and nothing queued", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const c = await createClient(owner, { email: 'a@example.com' });
    const draft = await createInvoice(owner, c.id);
    expect((await call(`/invoices/${draft.id}/send`, { method: 'POST', as: intruder })).status).toBe(404);
    expect((await json(await call('/emails', { as: owner }))).data).toHaveLength(0);
  });
});

describe('production transport: the Cloudflare send_email binding', () => {
  const production = () => ({ ...env, DEV_OUTBOX: '0' }) as Env;

  it('the consumer sends through MAILER, which accepts our MIME, and the log keeps its Message-ID', async () => {
    const owner = await signUp();
    const { email, client } = await sendWithEmail(owner);
    const batch = createMessageBatch('clientele-email', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: { tenantId: owner.tenantId, emailId: email.id } },
    ]);
    const ctx = createExecutionContext();
    await handleQueue(batch, production(), ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['m1']);
    const log = await json(await call(`/emails?clientId=${client.id}`, { as: owner }));
    expect(log.data[0]).toMatchObject({ status: 'sent', error: null });
    // miniflare answers with a synthesized Message-ID, as the deployed binding does.
    expect(log.data[0]!.providerId).toMatch(/^<.+@.+>$/);
    expect((await json(await call('/dev/outbox', { as: owner }))).data).toHaveLength(0);
  });

  it('a message whose From header differs from the envelope sender is refused, so the job retries', async () => {
    const t = transportFor(appContext(production()));
    // Compared as a boolean: chai cannot print an object holding an RPC binding.
    expect(t instanceof CloudflareEmailTransport).toBe(true);
    const raw = buildMime({
      messageId: '<x@clientele.local>',
      from: { name: 'Atelier', addr: 'someone-else@clientele.local' },
      to: 'maria@example.com',
      replyTo: null,
      subject: 'Invoice',
      text: 'Hello',
      html: '<p>Hello</p>',
      attachments: [],
    });
    const message = {
      tenantId: 't',
      emailId: 'e',
      from: env.MAIL_FROM,
      to: 'maria@example.com',
      subject: 'Invoice',
      raw,
    };
    await expect(t.send(message)).rejects.toThrow(/From: header does not match/);
  });

  it('without the binding nothing is sent silently', () => {
    const { MAILER: _, ...unbound } = production();
    expect(transportFor(appContext(unbound as Env)) instanceof NoTransport).toBe(true);
  });
});

describe('email through the real queue', () => {
  it('send → 202 → the queue consumer runs on its own → the outbox holds the message', {
    timeout: 30_000,
  }, async () => {
    const owner = await signUp();
    const { email, invoice } = await sendWithEmail(owner);
    let outbox: { data: { subject: string; emailId: string }[] } = { data: [] };
    for (let i = 0; i < 100 && outbox.data.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      outbox = await json(await call('/dev/outbox', { as: owner }));
    }
    expect(outbox.data).toHaveLength(1);
    expect(outbox.data[0]).toMatchObject({ emailId: email.id });
    expect(outbox.data[0]!.subject).toContain(invoice.number);
  });
});

describe('overdue reminders (cron)', () => {
  async function runCron(at: string) {
    const { createScheduledController } = await import('cloudflare:test');
    const worker = (await import('../index')).default;
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '*/15 * * * *', scheduledTime: new Date(at).getTime() }),
      env,
      ctx,
    );
  }

  it('queues one reminder per overdue invoice per rule, only when the business turned them on', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'late@example.com' });
    const draft = await createInvoice(owner, c.id, { issueDate: '2026-01-01', dueDate: '2026-01-31' });
    await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner });
    const reminders = async () =>
      (await json(await call('/emails', { as: owner }))).data.filter(
        (e: { kind: string }) => e.kind === 'reminder',
      );

    await runCron('2026-02-10T09:00:00Z');
    expect(await reminders()).toHaveLength(0); // off by default

    const on = await call('/settings', {
      method: 'PATCH',
      body: { reminders: [{ offsetDays: 7 }] },
      as: owner,
    });
    expect((await json(on)).reminders).toEqual([{ offsetDays: 7, key: 'after:7' }]);
    await runCron('2026-02-05T09:00:00Z'); // 5 days overdue: not yet
    expect(await reminders()).toHaveLength(0);
    await runCron('2026-02-10T09:00:00Z');
    await runCron('2026-02-10T09:15:00Z');
    const queued = await reminders();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to: 'late@example.com', documentId: draft.id });

    // Delivered with the reminder template and the amount still due.
    await consume(owner, queued[0]!.id);
    const outbox = (await json(await call('/dev/outbox', { as: owner }))).data;
    const reminder = outbox.find((m: { emailId: string }) => m.emailId === queued[0]!.id);
    const parsed = await PostalMime.parse(reminder!.raw);
    // Counted when the email is composed (this test composes it today, long after the due date).
    expect(parsed.subject).toMatch(/^Reminder: invoice INV-2026-\d{4} is \d+ days overdue$/);
    expect(parsed.text).toContain('€120.00 is still open');
  });
});

describe('payment receipts', () => {
  it('a payment recorded with sendReceipt queues a receipt with the remaining balance', async () => {
    const owner = await signUp();
    const { invoice } = await sendWithEmail(owner);
    const res = await call(`/invoices/${invoice.id}/payments`, {
      method: 'POST',
      body: { amount: 2000, date: '2026-03-01', method: 'card', sendReceipt: true },
      as: owner,
    });
    expect(res.status).toBe(201);
    const receipt = (await json(await call('/emails', { as: owner }))).data.find(
      (e: { kind: string }) => e.kind === 'receipt',
    );
    expect(receipt).toMatchObject({ status: 'queued', to: 'client@example.com' });
    await consume(owner, receipt!.id);
    const raw = (await json(await call('/dev/outbox', { as: owner })))!.data.find(
      (m: { emailId: string }) => m.emailId === receipt!.id,
    ).raw;
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe(`Payment received for invoice ${invoice.number}`);
    expect(parsed.text).toContain('Balance remaining: €100.00');
    expect(parsed.attachments).toHaveLength(0);
  });
});

describe('portal link in emails', () => {
  it('every invoice email carries a working magic link to the client portal', async () => {
    const owner = await signUp();
    const { email } = await sendWithEmail(owner, { name: 'Maria Oliveira', language: 'pt' });
    await consume(owner, email.id);
    const raw = (await json(await call('/dev/outbox', { as: owner }))).data[0]!.raw as string;
    const parsed = await PostalMime.parse(raw);
    const url = /https?:\/\/\S+\/portal\/login\/[A-Za-z0-9_-]{43}/.exec(parsed.text ?? '')?.[0];
    expect(url).toBeDefined();
    expect(parsed.html).toContain(`<a href="${url}">`);
    const { SELF } = await import('cloudflare:test');
    const page = await SELF.fetch(url!.replace(/^https?:\/\/[^/]+/, 'https://app.clientele.test'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Continuar para as faturas');
  });
});
