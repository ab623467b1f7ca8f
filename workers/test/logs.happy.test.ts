import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../index';
import { createLogger } from '../services/log';
import { call, createClient, createInvoice, json, ORIGIN, signUp } from './helpers/api';
import { answeredTicket } from './helpers/inbound';
import { newLink } from './helpers/portal';
import { runEmailQueue } from './helpers/queue';
import { captureLogs } from './helpers/stripe';
import { deliverEmail, rawReply } from './helpers/tickets';

interface LogLine {
  level: string;
  event: string;
  tenant: string | null;
  requestId: string;
  duration?: number;
  queries?: number;
  [field: string]: unknown;
}

/** Every captured line must be one JSON object with the indexed keys; returns them parsed. */
function parsed(lines: string[]): LogLine[] {
  return lines.map((text) => {
    const line = JSON.parse(text) as LogLine;
    expect(Object.keys(line).slice(0, 4)).toEqual(['level', 'event', 'tenant', 'requestId']);
    expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
    expect(typeof line.event).toBe('string');
    expect(typeof line.requestId).toBe('string');
    return line;
  });
}

const finished = (lines: LogLine[], path: string) =>
  lines.filter((l) => l.event === 'request finished' && l.path === path);

afterEach(() => vi.restoreAllMocks());

describe('log lines: one JSON object each, with level, event, tenant, request id', () => {
  it('one "request finished" line per request: method, path, status, duration; the id is cf-ray when sent', async () => {
    const owner = await signUp();
    const logs = captureLogs();
    const refused = await SELF.fetch(`${ORIGIN}/api/v1/clients`, {
      headers: { 'cf-ray': '8f1e2d3c4b5a6978-LHR' },
    });
    expect(refused.status).toBe(401);
    await call('/clients', { as: owner });
    const lines = parsed(logs);
    const [line, ...more] = finished(lines, '/api/v1/clients');
    expect(more).toHaveLength(1);
    expect(line).toMatchObject({
      level: 'info',
      tenant: null,
      requestId: '8f1e2d3c4b5a6978-LHR',
      method: 'GET',
      status: 401,
    });
    expect(typeof line!.duration).toBe('number');
    expect(line!.queries).toBe(0);
    // Without cf-ray (local runs, tests) each request gets its own random id.
    expect(more[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(more[0]).toMatchObject({ status: 200, tenant: owner.tenantId });
    expect(more[0]!.queries).toBeGreaterThan(0);
  });

  it('the request id the log names is the one the request was given, on every line of that request', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'log@example.com' });
    const draft = await createInvoice(owner, c.id);
    const logs = captureLogs();
    const ray = 'a1b2c3d4e5f60718-AMS';
    const res = await SELF.fetch(`${ORIGIN}/api/v1/invoices/${draft.id}/send`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await json(await call('/api-keys', { method: 'POST', as: owner, body: { name: 'k' } }))).key}`,
        'cf-ray': ray,
      },
    });
    expect(res.status).toBe(202);
    const ours = parsed(logs).filter((l) => l.requestId === ray);
    expect(ours.map((l) => l.event)).toContain('request finished');
    expect(finished(ours, `/api/v1/invoices/${draft.id}/send`)[0]).toMatchObject({ status: 202 });
  });

  it("a portal sign-in token never appears in a log line, only the route's shape", async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'token@example.com' });
    const link = await newLink(owner, c.id);
    const token = new URL(link.url).pathname.split('/').pop()!;
    const logs = captureLogs();
    await SELF.fetch(link.url, { redirect: 'manual' });
    await SELF.fetch(link.url, { method: 'POST', headers: { origin: ORIGIN }, redirect: 'manual' });
    await SELF.fetch(`${link.url}/resend`, {
      method: 'POST',
      headers: { origin: ORIGIN },
      redirect: 'manual',
    });
    const lines = parsed(logs);
    expect(logs.join('\n')).not.toContain(token);
    expect(finished(lines, '/portal/login/[token]')).toHaveLength(2);
    expect(finished(lines, '/portal/login/[token]/resend')).toHaveLength(1);
  });

  it('the logger writes errors and warnings at their console level, with extra fields after the keys', () => {
    const logs: [string, string][] = [];
    for (const level of ['log', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((text: string) => {
        logs.push([level, text]);
      });
    }
    const log = createLogger({ requestId: 'r1' }).with({ tenant: 'ten_1' });
    log.error('it broke', { error: 'boom' });
    log.warn('careful');
    log.info('fine', { duration: 3 });
    expect(logs.map(([level]) => level)).toEqual(['error', 'warn', 'log']);
    expect(JSON.parse(logs[0]![1])).toEqual({
      level: 'error',
      event: 'it broke',
      tenant: 'ten_1',
      requestId: 'r1',
      error: 'boom',
    });
  });
});

describe('queue, email and cron build the same context: counted queries, one closing line each', () => {
  it('the email handler runs on the counted database and logs its outcome with the statements it ran', async () => {
    const owner = await signUp();
    const t = await answeredTicket(owner);
    const logs = captureLogs();
    const messageId = `<log-${crypto.randomUUID()}@mail.example.com>`;
    await deliverEmail({
      from: t.client.email,
      to: t.to,
      raw: rawReply({ from: t.client.email, to: t.to, messageId, body: 'Thanks, all clear.' }),
    });
    const line = parsed(logs).find((l) => l.event === 'inbound email handled');
    expect(line).toMatchObject({ level: 'info', action: 'accept' });
    expect(line!.queries).toBeGreaterThan(0);
    expect(typeof line!.duration).toBe('number');
    // Addresses are kept by the inbound log, per business, not in the Worker's lines.
    expect(logs.join('\n')).not.toContain(t.client.email);
  });

  it('the queue consumer and the cron each close with one line: duration and statements', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'queue@example.com' });
    const draft = await createInvoice(owner, c.id);
    const sent = await json(await call(`/invoices/${draft.id}/send`, { method: 'POST', as: owner }));
    const logs = captureLogs();
    await runEmailQueue(owner.tenantId, [sent.email.id]);
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const lines = parsed(logs);
    const batch = lines.find((l) => l.event === 'queue batch finished');
    expect(batch).toMatchObject({ messages: 1, queue: 'clientele-email' });
    expect(batch!.queries).toBeGreaterThan(0);
    const cron = lines.find((l) => l.event === 'scheduled run finished');
    expect(cron).toMatchObject({ cron: '*/15 * * * *' });
    expect(cron!.queries).toBeGreaterThan(0);
    expect(batch!.requestId).not.toBe(cron!.requestId);
  });

  it('a malformed queue job is logged and dropped, never retried', async () => {
    const logs = captureLogs();
    const { createMessageBatch, getQueueResult } = await import('cloudflare:test');
    const { handleQueue } = await import('../queue');
    const batch = createMessageBatch('clientele-email', [
      { id: 'bad-1', timestamp: new Date(), attempts: 1, body: { nonsense: true } },
    ]);
    const ctx = createExecutionContext();
    await handleQueue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['bad-1']);
    expect(parsed(logs).find((l) => l.event === 'malformed email job')).toMatchObject({
      level: 'error',
      messageId: 'bad-1',
      queue: 'clientele-email',
    });
  });
});
