import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { call, createInvoice, json, problemOf, sendInvoice, signUp, withApiKey } from './helpers/api';
import { portal } from './helpers/portal';
import { runEmailQueue } from './helpers/queue';
import { openTicketInPortal, supportClient, ticketIdFrom, unreadCount } from './helpers/tickets';

describe('support tickets: portal and admin', () => {
  it('client opens a ticket with an attachment → badge 1 → admin replies → email with a reply address, threaded', async () => {
    const owner = await signUp();
    const { client, cookie } = await supportClient(owner, { name: 'Giulia Bianchi', language: 'it' });
    const invoice = await sendInvoice(owner, (await createInvoice(owner, client.id)).id);
    const file = new File(['%PDF-1.4 receipt'], 'ricevuta bonifico.pdf', { type: 'application/pdf' });
    const res = await openTicketInPortal(
      cookie,
      { subject: 'Domanda sulla fattura', message: 'Il totale non mi torna.', invoiceId: invoice.id },
      [file],
    );
    expect(res.status).toBe(303);
    const id = await ticketIdFrom(res);
    expect(await unreadCount(owner)).toBe(1);

    const list = await json(await call('/tickets?status=open', { as: owner }));
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      id,
      subject: 'Domanda sulla fattura',
      awaitingReply: true,
      clientName: 'Giulia Bianchi',
      invoiceId: invoice.id,
    });
    const ticket = await json(await call(`/tickets/${id}`, { as: owner }));
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages![0]).toMatchObject({
      author: 'client',
      via: 'portal',
      body: 'Il totale non mi torna.',
    });
    const [att] = ticket.messages![0]!.attachments;
    expect(att).toMatchObject({ name: 'ricevuta bonifico.pdf', size: file.size });
    const download = await call(`/tickets/${id}/attachments/${att!.id}`, { as: owner });
    expect(await download.text()).toBe('%PDF-1.4 receipt');

    const reply = await call(`/tickets/${id}/messages`, {
      method: 'POST',
      body: { body: 'Ecco il dettaglio corretto.' },
      as: owner,
    });
    expect(reply.status).toBe(201);
    expect(await json(reply)).toMatchObject({ author: 'staff', via: 'admin', internal: false });
    expect(await unreadCount(owner)).toBe(0);
    expect((await json(await call(`/tickets/${id}`, { as: owner }))).status).toBe('waiting');

    const emails = (await json(await call('/emails', { as: owner }))).data.filter(
      (e: { kind: string }) => e.kind === 'ticket_reply',
    );
    expect(emails).toHaveLength(1);
    await runEmailQueue(owner.tenantId, [emails[0]!.id]);
    const outbox = await json(await call('/dev/outbox', { as: owner }));
    const mail = await PostalMime.parse(
      outbox.data.find((m: { emailId?: string; subject: string }) =>
        m.subject.includes('Domanda sulla fattura'),
      ).raw,
    );
    expect(mail.subject).toBe('Re: Domanda sulla fattura');
    expect(mail.text).toContain('Ecco il dettaglio corretto.');
    const replyTo = mail.replyTo?.[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[a-z0-9]{40}@reply\.clientele\.local$/);
    expect(replyTo.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(mail.messageId).toMatch(/^<msg_[0-9a-z]+@clientele\.local>$/);
  });

  it('a later reply carries In-Reply-To and References of the thread', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const id = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Receipt', message: 'Need a receipt' }),
    );
    await call(`/tickets/${id}/messages`, { method: 'POST', body: { body: 'First answer' }, as: owner });
    await call(`/tickets/${id}/messages`, { method: 'POST', body: { body: 'Second answer' }, as: owner });
    const emails = (await json(await call('/emails', { as: owner }))).data.filter(
      (e: { kind: string }) => e.kind === 'ticket_reply',
    );
    await runEmailQueue(
      owner.tenantId,
      emails.map((e: { id: string }) => e.id),
    );
    const outbox = (await json(await call('/dev/outbox', { as: owner }))).data;
    const parsed = await Promise.all(outbox.map((m: { raw: string }) => PostalMime.parse(m.raw)));
    const first = parsed.find((p) => p.text?.includes('First answer'))!;
    const second = parsed.find((p) => p.text?.includes('Second answer'))!;
    expect(second.inReplyTo).toBe(first.messageId);
    expect(second.references).toContain(first.messageId!);
  });

  it('internal notes stay inside: not in the portal, not emailed, badge unchanged', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const id = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Refund?', message: 'Can I get a refund?' }),
    );
    const note = await call(`/tickets/${id}/messages`, {
      method: 'POST',
      body: { body: 'Check with accounting first', internal: true },
      as: owner,
    });
    expect(note.status).toBe(201);
    expect(await unreadCount(owner)).toBe(1);
    const page = await (await portal(`/tickets/${id}`, cookie)).text();
    expect(page).not.toContain('Check with accounting');
    const emails = (await json(await call('/emails', { as: owner }))).data.filter(
      (e: { kind: string }) => e.kind === 'ticket_reply',
    );
    expect(emails).toHaveLength(0);
  });

  it('close and reopen; a client message reopens a closed ticket and counts again', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const id = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Address', message: 'New address' }),
    );
    const closed = await call(`/tickets/${id}`, { method: 'PATCH', body: { status: 'closed' }, as: owner });
    expect((await json(closed)).status).toBe('closed');
    expect(await unreadCount(owner)).toBe(0);
    const form = new FormData();
    form.set('message', 'One more thing');
    const res = await portal(`/tickets/${id}/messages`, cookie, { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect((await json(await call(`/tickets/${id}`, { as: owner }))).status).toBe('open');
    expect(await unreadCount(owner)).toBe(1);
  });

  it('portal: the list and thread in the client language; bad input answers 400 naming the field and keeps the text', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner, { language: 'ja' });
    const empty = await openTicketInPortal(cookie, { subject: '', message: '請求書について' });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('件名を入力してください');
    expect(html).toContain('請求書について');
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.bin');
    const tooBig = await openTicketInPortal(cookie, { subject: 'Big', message: 'file' }, [big]);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain('添付は5件まで');
    expect((await json(await call('/tickets', { as: owner }))).data).toHaveLength(0);
    const ok = await openTicketInPortal(cookie, { subject: '支払い方法', message: '銀行振込は可能ですか？' });
    const id = await ticketIdFrom(ok);
    const list = await (await portal('/tickets', cookie)).text();
    expect(list).toContain(`/portal/tickets/${id}`);
    expect(list).toContain('支払い方法');
    expect(list).toContain('返信待ち');
  });

  it("a client sees only their own tickets; another business's ticket is 404; no session is 401", async () => {
    const owner = await signUp();
    const a = await supportClient(owner);
    const b = await supportClient(owner);
    const id = await ticketIdFrom(
      await openTicketInPortal(a.cookie, { subject: 'Mine', message: 'Private' }),
    );
    expect((await portal(`/tickets/${id}`, b.cookie)).status).toBe(404);
    const form = new FormData();
    form.set('message', 'intrusion');
    expect((await portal(`/tickets/${id}/messages`, b.cookie, { method: 'POST', body: form })).status).toBe(
      404,
    );
    expect(await (await portal('/tickets', b.cookie)).text()).not.toContain('Mine');

    const other = await withApiKey(await signUp());
    expect((await call(`/tickets/${id}`, { as: other })).status).toBe(404);
    expect(
      (await call(`/tickets/${id}/messages`, { method: 'POST', body: { body: 'x' }, as: other })).status,
    ).toBe(404);
    expect(
      (await call(`/tickets/${id}`, { method: 'PATCH', body: { status: 'closed' }, as: other })).status,
    ).toBe(404);
    expect((await call('/tickets/unread-count', { as: other })).status).toBe(200);
    expect(await unreadCount(other)).toBe(0);
    expect((await call('/tickets')).status).toBe(401);
    expect((await call('/tickets/unread-count')).status).toBe(401);
    // Without a portal session the page sends the visitor to the sign-in front door.
    const anonymous = await portal('/tickets', null);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/portal');
    const post = new FormData();
    post.set('subject', 'x');
    post.set('message', 'x');
    expect((await portal('/tickets', null, { method: 'POST', body: post })).status).toBe(401);
  });

  it('bad input to the admin API → 422 naming the field', async () => {
    const owner = await signUp();
    const { cookie } = await supportClient(owner);
    const id = await ticketIdFrom(await openTicketInPortal(cookie, { subject: 'Q', message: 'Q' }));
    const empty = await call(`/tickets/${id}/messages`, { method: 'POST', body: { body: '  ' }, as: owner });
    expect(empty.status).toBe(422);
    expect((await problemOf(empty)).errors[0]!.path).toBe('body');
    const badStatus = await call(`/tickets/${id}`, {
      method: 'PATCH',
      body: { status: 'archived' },
      as: owner,
    });
    expect(badStatus.status).toBe(422);
    expect((await problemOf(badStatus)).errors[0]!.path).toBe('status');
  });

  it("attachments: another client's or business's → 404, no session → 401", async () => {
    const owner = await signUp();
    const a = await supportClient(owner);
    const b = await supportClient(owner);
    const file = new File(['secret scan'], 'scan.pdf', { type: 'application/pdf' });
    const id = await ticketIdFrom(
      await openTicketInPortal(a.cookie, { subject: 'Scan', message: 'Attached' }, [file]),
    );
    const att = (await json(await call(`/tickets/${id}`, { as: owner })))!.messages[0]!.attachments[0];
    const path = `/tickets/${id}/attachments/${att!.id}`;
    expect(await (await portal(path, a.cookie)).text()).toBe('secret scan');
    const otherClient = await portal(path, b.cookie);
    expect(otherClient.status).toBe(404);
    expect(await otherClient.text()).not.toContain('secret scan');
    const otherBusiness = await withApiKey(await signUp());
    expect((await call(path, { as: otherBusiness })).status).toBe(404);
    expect((await call(path)).status).toBe(401);
  });
});
