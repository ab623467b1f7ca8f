import { env } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { NOTICES_PER_HOUR, tellBusiness } from '../services/notices/notices';
import { MAX_ATTACHMENTS, storeAttachments } from '../services/tickets/tickets';
import { type Caller, call, json, signUp } from './helpers/api';
import { tenantContext } from './helpers/context';
import { portal } from './helpers/portal';
import { runEmailQueue } from './helpers/queue';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

const count = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .first<{ n: number }>()
  )?.n ?? 0;

/** Everything a portal write could leave behind for this business. */
async function footprint(owner: Caller) {
  const t = owner.tenantId;
  return {
    tickets: await count('SELECT count(*) AS n FROM tickets WHERE tenant_id = ?', t),
    messages: await count('SELECT count(*) AS n FROM ticket_messages WHERE tenant_id = ?', t),
    activity: await count('SELECT count(*) AS n FROM activity WHERE tenant_id = ?', t),
    emails: await count('SELECT count(*) AS n FROM emails WHERE tenant_id = ?', t),
    files: (await env.FILES.list({ prefix: `tickets/${t}/` })).objects.length,
  };
}

const emailsOfKind = async (owner: Caller, kind: string) =>
  (await json(await call('/emails?limit=200', { as: owner }))).data.filter(
    (e: { kind: string }) => e.kind === kind,
  );

const reply = (cookie: string, ticketId: string, message: string, files: File[] = []) => {
  const form = new FormData();
  form.set('message', message);
  for (const f of files) form.append('attachments', f);
  return portal(`/tickets/${ticketId}/messages`, cookie, { method: 'POST', body: form });
};

const retryAfterOf = (res: Response) => Number(res.headers.get('retry-after'));

describe('portal floods are refused with 429 and Retry-After', () => {
  it('the 21st ticket from one client in an hour: a page in their language, nothing stored, no email queued', {
    timeout: 60_000,
  }, async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { email: 'owner@studio.example' }, as: owner });
    const { cookie } = await supportClient(owner, { language: 'pt' });
    for (let i = 1; i <= 20; i++) {
      const res = await openTicketInPortal(cookie, { subject: `Pergunta ${i}`, message: 'Olá' });
      expect(res.status).toBe(303);
    }
    const before = await footprint(owner);
    expect(before.tickets).toBe(20);

    const file = new File(['%PDF-1.4 scan'], 'scan.pdf', { type: 'application/pdf' });
    const refused = await openTicketInPortal(cookie, { subject: 'Pergunta 21', message: 'Olá outra vez' }, [
      file,
    ]);
    expect(refused.status).toBe(429);
    const wait = retryAfterOf(refused);
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    const page = await refused.text();
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page).toContain('Fez muitas perguntas na última hora');
    expect(page).toContain('60 minutos');
    // The words the client typed are kept in the form.
    expect(page).toContain('Olá outra vez');
    expect(await footprint(owner)).toEqual(before);

    // A script posting JSON gets problem+json with the same wait.
    const asJson = await portal('/tickets', cookie, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Pergunta 22', message: 'Olá' }),
    });
    expect(asJson.status).toBe(429);
    expect(asJson.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(retryAfterOf(asJson)).toBeGreaterThan(3500);
    expect((await json(asJson)).status).toBe(429);
    expect(await footprint(owner)).toEqual(before);

    // The limit is per client: another client of the business still gets through.
    const other = await supportClient(owner);
    expect((await openTicketInPortal(other.cookie, { subject: 'Mine', message: 'Hi' })).status).toBe(303);
  });

  it('30 tickets posted at once: exactly 20 are opened, the rest are 429 and leave nothing', {
    timeout: 60_000,
  }, async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        openTicketInPortal(cookie, { subject: `Burst ${i}`, message: 'Hi' }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(answers.filter((r) => r.status === 429).every((r) => retryAfterOf(r) > 0)).toBe(true);
    const after = await footprint(owner);
    expect(after.tickets).toBe(20);
    expect(after.messages).toBe(20);
  });

  it('the 31st client message on one ticket in an hour → 429 with nothing stored; staff replies are not limited', {
    timeout: 60_000,
  }, async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner, { language: 'it' });
    const id = await ticketIdFrom(await openTicketInPortal(cookie, { subject: 'Fattura', message: 'Ciao' }));
    for (let i = 1; i <= 30; i++) expect((await reply(cookie, id, `Messaggio ${i}`)).status).toBe(303);
    const before = await footprint(owner);

    const refused = await reply(cookie, id, 'Messaggio 31', [new File(['x'], 'a.txt')]);
    expect(refused.status).toBe(429);
    expect(retryAfterOf(refused)).toBeGreaterThan(3500);
    const page = await refused.text();
    expect(page).toContain('Questa conversazione ha ricevuto molti messaggi');
    expect(page).toContain('Messaggio 31');
    expect(await footprint(owner)).toEqual(before);

    const staff = await call(`/tickets/${id}/messages`, {
      method: 'POST',
      body: { body: 'Rispondiamo subito' },
      as: owner,
    });
    expect(staff.status).toBe(201);
    // Another ticket of the same client has its own count.
    const second = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Altro', message: 'Ciao' }),
    );
    expect((await reply(cookie, second, 'Primo')).status).toBe(303);
  });

  it(`every portal path refuses more than ${MAX_ATTACHMENTS} attachments and stores none of them`, async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const files = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => new File([`file ${i}`], `f${i}.txt`));
    expect((await openTicketInPortal(cookie, { subject: 'Many', message: 'files' }, files)).status).toBe(400);
    const id = await ticketIdFrom(
      await openTicketInPortal(
        cookie,
        { subject: 'Five', message: 'files' },
        files.slice(0, MAX_ATTACHMENTS),
      ),
    );
    const before = await footprint(owner);
    expect(before.files).toBe(MAX_ATTACHMENTS);
    expect((await reply(cookie, id, 'six more', files)).status).toBe(400);
    expect(await footprint(owner)).toEqual(before);
  });
});

describe('one attachment cap for every path', () => {
  it(`storage itself keeps at most ${MAX_ATTACHMENTS} files for one message, whichever path calls it`, async () => {
    const tenantId = `ten_cap${Date.now().toString(36)}`;
    const uploads = Array.from({ length: 60 }, (_, i) => ({
      name: `f${i}.txt`,
      type: 'text/plain',
      bytes: new TextEncoder().encode(`file ${i}`),
    }));
    const stored = await storeAttachments({ files: env.FILES }, tenantId, 'tkt_cap', uploads);
    expect(stored).toHaveLength(MAX_ATTACHMENTS);
    expect((await env.FILES.list({ prefix: `tickets/${tenantId}/` })).objects).toHaveLength(MAX_ATTACHMENTS);
  });
});

describe('portal ticket posts as JSON', () => {
  it('answer as an API does: 201 with the id, 204 for a reply, 422 problem+json naming the field', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const post = (path: string, body: unknown) =>
      portal(path, cookie, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const opened = await post('/tickets', { subject: 'By script', message: 'Hello' });
    expect(opened.status).toBe(201);
    const { id } = await json(opened);
    expect(id).toMatch(/^tkt_/);
    expect((await post(`/tickets/${id}/messages`, { message: 'Again' })).status).toBe(204);
    const before = await footprint(owner);
    const bad = await post('/tickets', { subject: '', message: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await json(bad)).errors.map((e: { path: string }) => e.path)).toEqual(['subject']);
    const notJson = await portal('/tickets', cookie, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"subject": ',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await footprint(owner)).toEqual(before);
  });
});

describe('notices to the business: past the hourly number, one digest', () => {
  it(`the first ${NOTICES_PER_HOUR} notices go one by one, the rest in one digest in the business's language`, {
    timeout: 60_000,
  }, async () => {
    const owner = await signUp({ locale: 'it' });
    await call('/settings', {
      method: 'PATCH',
      body: { email: 'owner@studio.example', locale: 'it' },
      as: owner,
    });
    const { client, cookie } = await supportClient(owner, { name: 'Marta Neri' });
    const ids: string[] = [];
    for (let i = 1; i <= NOTICES_PER_HOUR + 5; i++) {
      ids.push(
        await ticketIdFrom(await openTicketInPortal(cookie, { subject: `Domanda ${i}`, message: 'Ciao' })),
      );
    }
    // Every notice is still on the dashboard.
    expect(await count('SELECT count(*) AS n FROM activity WHERE tenant_id = ?', owner.tenantId)).toBe(
      NOTICES_PER_HOUR + 5,
    );
    expect(await emailsOfKind(owner, 'notice')).toHaveLength(NOTICES_PER_HOUR);
    const digests = await emailsOfKind(owner, 'notice_digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ status: 'queued', to: 'owner@studio.example' });

    await runEmailQueue(owner.tenantId, [digests[0]!.id]);
    const outbox = (await json(await call('/dev/outbox', { as: owner }))).data;
    const raw = outbox.find((m: { emailId: string }) => m.emailId === digests[0]!.id)?.raw;
    expect(raw).toBeDefined();
    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe("Altri 5 aggiornamenti dai clienti in quest'ora");
    expect(mail.to?.[0]?.address).toBe('owner@studio.example');
    const text = mail.text ?? '';
    expect(text).toContain('I tuoi clienti sono stati attivi');
    for (let i = NOTICES_PER_HOUR + 1; i <= NOTICES_PER_HOUR + 5; i++) {
      expect(text).toContain(`Marta Neri ha aperto una richiesta di assistenza: Domanda ${i}`);
      expect(text).toContain(`/support/${ids[i - 1]}`);
    }
    // The ones that had their own email are not repeated.
    expect(text).not.toMatch(/Domanda 10\b/);
    expect(mail.html).toContain(`/support/${ids[NOTICES_PER_HOUR]}`);
    expect(client.id).toBeTruthy();
  });

  it('the digest is handed to the queue once, timed for the end of the hour; the next hour starts afresh', async () => {
    const owner = await signUp();
    await call('/settings', { method: 'PATCH', body: { email: 'owner@studio.example' }, as: owner });
    const { client } = await supportClient(owner);
    const sent: { body: { emailId: string }; delaySeconds: number | undefined }[] = [];
    const queue = {
      send: async (body: { emailId: string }, opts?: { delaySeconds?: number }) => {
        sent.push({ body, delaySeconds: opts?.delaySeconds });
      },
    } as unknown as Queue;
    const start = new Date(Date.now() + 7 * 24 * 3600_000);
    const notify = (minutes: number, i: number) =>
      tellBusiness(
        tenantContext(owner.tenantId, { queue, now: new Date(start.getTime() + minutes * 60_000) }),
        {
          kind: 'ticket_opened',
          clientId: client.id,
          subjectId: `tkt_${i}`,
          facts: { clientName: 'Ana', subject: `Q${i}` },
        },
      );
    for (let i = 0; i < NOTICES_PER_HOUR + 3; i++) await notify(i, i);
    expect(sent).toHaveLength(NOTICES_PER_HOUR + 1);
    const digest = sent[NOTICES_PER_HOUR]!;
    // Sent at minute 10 of a window that closes at minute 60 (plus a minute's slack).
    expect(digest.delaySeconds).toBe(50 * 60 + 60);
    expect(sent.slice(0, NOTICES_PER_HOUR).every((s) => s.delaySeconds === undefined)).toBe(true);
    const bundled = await count(
      'SELECT count(*) AS n FROM activity WHERE tenant_id = ? AND digest_email_id = ?',
      owner.tenantId,
      digest.body.emailId,
    );
    expect(bundled).toBe(3);
    // An hour after the window opened, a notice is its own email again.
    await notify(61, 99);
    expect(sent).toHaveLength(NOTICES_PER_HOUR + 2);
    expect(sent.at(-1)!.delaySeconds).toBeUndefined();
  });
});
