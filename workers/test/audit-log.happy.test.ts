import { describe, expect, it } from 'vitest';
import {
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  pay,
  signUp,
  withApiKey,
} from './helpers/api';
import { auditLines, linesFor, queriesOf } from './helpers/audit';
import { heldReply } from './helpers/inbound';
import { form, newLink, portal, portalCookie } from './helpers/portal';
import { checkout, completeCheckout, deliverSigned, payableInvoice, refund } from './helpers/stripe';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const template = { language: 'en', subject: 'Invoice {{document.number}}', body: 'Hello {{client.name}}' };

/** The session's person, as `GET /sessions/current` names them. */
async function me(owner: Awaited<ReturnType<typeof signUp>>) {
  return json<{ userId: string; email: string }>(await call('/sessions/current', { as: owner }));
}

describe('audit log: each change leaves exactly one line, in its own business', () => {
  it('settings, logo, templates and API keys name the person who changed them, and field names only', async () => {
    const owner = await signUp();
    const { userId } = await me(owner);
    const headers = { 'cf-connecting-ip': '203.0.113.7' };
    await call('/settings', {
      method: 'PATCH',
      body: { name: 'Studio Sul', taxId: 'PT123' },
      as: owner,
      headers,
    });
    await call('/settings/logo', {
      method: 'PUT',
      body: PNG,
      as: owner,
      headers: { 'content-type': 'image/png' },
    });
    await call('/settings/logo', { method: 'DELETE', as: owner });
    await call('/templates/invoice', { method: 'PUT', body: template, as: owner });
    const c = await createClient(owner);
    await call(`/clients/${c.id}/templates/invoice`, { method: 'PUT', body: template, as: owner });
    await call(`/clients/${c.id}/templates/invoice`, { method: 'DELETE', as: owner });
    const key = await json(
      await call('/api-keys', { method: 'POST', body: { name: 'Books sync' }, as: owner }),
    );
    await call(`/api-keys/${key.id}`, { method: 'DELETE', as: owner });

    const lines = await auditLines(owner);
    const count = (action: string) => lines.filter((l) => l.action === action).length;
    for (const action of [
      'settings.updated',
      'logo.updated',
      'logo.removed',
      'template.updated',
      'template.deleted',
      'api_key.created',
      'api_key.revoked',
      'client.created',
    ]) {
      expect(count(action), action).toBe(action === 'template.updated' ? 2 : 1);
    }
    const settings = lines.find((l) => l.action === 'settings.updated')!;
    expect(settings).toMatchObject({
      actor: { type: 'user', id: userId, name: owner.email },
      subject: { type: 'business', id: owner.tenantId },
      ip: '203.0.113.7',
      detail: { fields: 'name,taxId' },
    });
    expect(JSON.stringify(settings)).not.toContain('PT123');
    expect(lines.find((l) => l.action === 'api_key.created')).toMatchObject({
      subject: { type: 'apiKey', id: key.id },
      detail: { name: 'Books sync', scope: 'write' },
    });
    expect(lines.find((l) => l.action === 'template.deleted')).toMatchObject({
      subject: { type: 'client', id: c.id },
      detail: { kind: 'invoice' },
    });
  });

  it('an invoice from draft to void, with its number, payments and their removal', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const draft = await createInvoice(owner, c.id);
    await call(`/invoices/${draft.id}`, { method: 'PATCH', body: { notes: 'Thanks' }, as: owner });
    await call(`/invoices/${draft.id}`, { method: 'DELETE', as: owner });
    expect((await linesFor(owner, draft.id)).map((l) => l.action)).toEqual([
      'invoice.deleted',
      'invoice.updated',
      'invoice.created',
    ]);

    const { invoice } = await issuedInvoice(owner);
    const issued = await linesFor(owner, invoice.id, 'invoice.issued');
    expect(issued).toHaveLength(1);
    expect(issued[0]!.detail).toEqual({ number: invoice.number });
    const payment = await json(await pay(owner, invoice.id, 5000));
    await call(`/invoices/${invoice.id}/payments/${payment.id}`, { method: 'DELETE', as: owner });
    const recorded = await linesFor(owner, payment.id);
    expect(recorded.map((l) => l.action)).toEqual(['payment.deleted', 'payment.recorded']);
    expect(recorded[1]!.detail).toMatchObject({ invoiceId: invoice.id, amount: 5000 });
    expect((await call(`/invoices/${invoice.id}/void`, { method: 'POST', as: owner })).status).toBe(200);
    expect(await linesFor(owner, invoice.id, 'invoice.voided')).toHaveLength(1);
  });

  it('an estimate accepted by the business, converted, and one answered by the client in the portal', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'ana@example.com' });
    const make = async () => {
      const est = await json(
        await call('/estimates', {
          method: 'POST',
          body: { clientId: c.id, lines: [{ description: 'Plan', quantity: 1, unitPrice: 9000 }] },
          as: owner,
        }),
      );
      await call(`/estimates/${est.id}/send`, { method: 'POST', as: owner });
      return est.id as string;
    };
    const byBusiness = await make();
    await call(`/estimates/${byBusiness}/accept`, { method: 'POST', as: owner });
    const converted = await json(
      await call(`/estimates/${byBusiness}/convert`, { method: 'POST', as: owner }),
    );
    expect((await linesFor(owner, byBusiness)).map((l) => l.action)).toEqual([
      'estimate.converted',
      'estimate.accepted',
      'estimate.issued',
      'estimate.created',
    ]);
    expect((await linesFor(owner, byBusiness, 'estimate.converted'))[0]!.detail).toMatchObject({
      invoiceId: converted.id,
    });

    const byClient = await make();
    const cookie = await portalCookie(owner, c.id);
    const answered = await portal(`/estimates/${byClient}/reject`, cookie, form([['reason', 'Too dear']]));
    expect(answered.status).toBeLessThan(400);
    const [rejected] = await linesFor(owner, byClient, 'estimate.rejected');
    expect(rejected).toMatchObject({ actor: { type: 'client', id: c.id, name: c.name } });
  });

  it('clients, portal links and tickets', async () => {
    const owner = await signUp();
    const { client, cookie } = await supportClient(owner);
    const ticket = await ticketIdFrom(
      await openTicketInPortal(cookie, { subject: 'Login', message: 'Help' }),
    );
    await call(`/tickets/${ticket}/messages`, { method: 'POST', body: { body: 'On it.' }, as: owner });
    await call(`/tickets/${ticket}`, { method: 'PATCH', body: { status: 'closed' }, as: owner });
    expect((await linesFor(owner, ticket)).map((l) => l.action)).toEqual([
      'ticket.status_changed',
      'ticket.replied',
    ]);

    const link = await newLink(owner, client.id);
    await call(`/portal-links/${link.id}`, { method: 'DELETE', as: owner });
    await call(`/portal-links/${link.id}`, { method: 'DELETE', as: owner });
    expect((await linesFor(owner, link.id)).map((l) => l.action)).toEqual([
      'portal_link.revoked',
      'portal_link.created',
    ]);

    await call(`/clients/${client.id}`, { method: 'PATCH', body: { phone: '+351 210 000 000' }, as: owner });
    await call(`/clients/${client.id}`, { method: 'DELETE', as: owner });
    const clientLines = await linesFor(owner, client.id);
    expect(clientLines.map((l) => l.action)).toEqual(['client.archived', 'client.updated', 'client.created']);
    expect(clientLines[1]!.detail).toEqual({ fields: 'phone' });
  });

  it('a change made with an API key is the key’s, by id and name', async () => {
    const owner = await signUp();
    const keyed = await withApiKey(owner);
    const c = await createClient(keyed, { name: 'Keyed Lda' });
    const [line] = await linesFor(owner, c.id, 'client.created');
    expect(line!.actor.type).toBe('apiKey');
    expect(line!.actor.name).toBe('test');
    expect(line!.actor.id).toMatch(/^key_/);
  });

  it('filters by action (exact or a subject’s prefix), actor and subject, and pages newest first', async () => {
    const owner = await signUp();
    const { userId } = await me(owner);
    const keyed = await withApiKey(owner);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createClient(i % 2 ? keyed : owner, { name: `C${i}` })).id);
    const inv = await createInvoice(owner, ids[0]!);

    expect((await auditLines(owner, 'action=client.created')).map((l) => l.subject.id)).toEqual(
      [...ids].reverse(),
    );
    expect((await auditLines(owner, 'action=invoice.')).map((l) => l.subject.id)).toEqual([inv.id]);
    expect((await auditLines(owner, 'action=client.')).every((l) => l.action.startsWith('client.'))).toBe(
      true,
    );
    const byPerson = await auditLines(owner, `actor=${userId}&action=client.created`);
    expect(byPerson.map((l) => l.subject.id)).toEqual([ids[4], ids[2], ids[0]]);
    const byKeys = await auditLines(owner, 'actor=apiKey&action=client.created');
    expect(byKeys.map((l) => l.subject.id)).toEqual([ids[3], ids[1]]);
    expect((await auditLines(owner, `subjectId=${ids[2]}`)).map((l) => l.action)).toEqual(['client.created']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await call(
        `/audit-log?action=client.created&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {
          as: owner,
        },
      );
      const page: { data: { subject: { id: string } }[]; nextCursor: string | null } = await json(res);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((l) => l.subject.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('Stripe payments and refunds from webhooks are the system’s; a late, smaller refund figure adds none', async () => {
    const owner = await signUp();
    const setup = await payableInvoice(owner, { currency: 'EUR' });
    const { sessionId } = await checkout(setup.cookie, setup.invoice.id);
    const paid = await completeCheckout(sessionId, 'paid');
    await deliverSigned(owner.tenantId, paid.payload, setup.keys.webhookSecret);
    const [received] = await auditLines(owner, 'action=payment.received');
    expect(received).toMatchObject({
      actor: { type: 'system', id: null },
      subject: { type: 'payment' },
      detail: { invoiceId: setup.invoice.id, amount: setup.invoice.total, currency: 'EUR' },
    });
    const payment = await json(await call(`/invoices/${setup.invoice.id}/payments`, { as: owner }));
    const part = await refund(payment.data[0].reference, 5000);
    await deliverSigned(owner.tenantId, part.payload, setup.keys.webhookSecret);
    const rest = await refund(payment.data[0].reference);
    await deliverSigned(owner.tenantId, rest.payload, setup.keys.webhookSecret);
    const late = part.payload.replace(part.id, `${part.id}_retry`);
    await deliverSigned(owner.tenantId, late, setup.keys.webhookSecret);
    const refunds = await auditLines(owner, 'action=payment.refunded');
    expect(refunds.map((l) => l.detail?.refunded)).toEqual([setup.invoice.total, 5000]);
    expect(await auditLines(owner, 'action=stripe.')).toHaveLength(1);
  });

  it('each audited write costs one statement more, inside the batch it already sent', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const inv = await createInvoice(owner, c.id);
    const measured: Record<string, number> = {};
    const measure = async (name: string, res: Promise<Response>) => {
      const r = await res;
      expect(r.status, name).toBeLessThan(300);
      measured[name] = queriesOf(r);
    };
    await measure('PATCH /settings', call('/settings', { method: 'PATCH', body: { phone: '1' }, as: owner }));
    await measure(
      'PATCH /clients/{id}',
      call(`/clients/${c.id}`, { method: 'PATCH', body: { phone: '2' }, as: owner }),
    );
    await measure(
      'PATCH /invoices/{id}',
      call(`/invoices/${inv.id}`, { method: 'PATCH', body: { notes: 'n' }, as: owner }),
    );
    await measure(
      'POST /invoices/{id}/send',
      call(`/invoices/${inv.id}/send`, { method: 'POST', as: owner }),
    );
    await measure('POST /invoices/{id}/payments', pay(owner, inv.id, 100));
    console.log(`audit statement counts: ${JSON.stringify(measured)}`);
    for (const n of Object.values(measured)) expect(n).toBeGreaterThan(0);
  });

  it('a held email reply accepted onto its ticket: one line, and none for a second try', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    const accept = () => call(`/tickets/inbound-mail/${held.line.id}/accept`, { method: 'POST', as: owner });
    expect((await accept()).status).toBe(200);
    expect((await accept()).status).toBe(409);
    const lines = await linesFor(owner, held.line.id);
    expect(lines.map((l) => l.action)).toEqual(['inbound_mail.accepted']);
    expect(lines[0]).toMatchObject({ subject: { type: 'inboundMail' }, actor: { type: 'user' } });
  });
});
