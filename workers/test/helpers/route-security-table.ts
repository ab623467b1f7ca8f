import { env } from 'cloudflare:test';
import { strToU8, zipSync } from 'fflate';
import type { Permission } from '../../services/auth/permissions';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  pay,
  randomAddress,
  sendInvoice,
  sessionCookieOf,
  uniqueEmail,
} from './api';
import { buildExport } from './exports';
import { heldReply } from './inbound';
import { newLink } from './portal';
import { createRecurring } from './recurring';
import { testKeys } from './stripe';
import { openTicketInPortal, supportClient, ticketIdFrom } from './tickets';

/**
 * How each authenticated operation is called with real data for the route checks
 * (route-security.security.test.ts and its parts): ids seeded for its path, a body it accepts,
 * the permission it needs.
 */

/** A 1×1 PNG, accepted as a logo. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export type Seeded = Record<string, string>;

export interface Row {
  /** Values for the path's parameters (and anything the body needs), owned by `owner`. */
  seed?: (owner: Caller) => Promise<Seeded>;
  /** A body the operation accepts from its owner. */
  body?: (seeded: Seeded) => unknown;
  /**
   * What the caller's role must grant (`permit()`); `read` for a GET and `write` otherwise
   * when not given. Checked for every role, and against the document's `x-permission`.
   */
  needs?: Permission;
  /** No API key of any scope may call it (`keyMayCall`): a signed-in person only. */
  sessionOnly?: true;
  /** The call ends the caller's own session: run it with a session of its own. */
  endsSession?: true;
  /** The resource is the caller's own (one of their sessions): each caller seeds their own. */
  ownedByCaller?: true;
  /** What an API key that may call it gets instead of an answer (a key has no session to show). */
  keyGets?: 404;
  /** The body's type when it is bytes (a logo by default). */
  contentType?: string;
}

const client = async (o: Caller) => ({ id: (await createClient(o)).id });
const draftInvoice = async (o: Caller) => ({ id: (await createInvoice(o, (await createClient(o)).id)).id });
const sentInvoice = async (o: Caller) => ({ id: (await issuedInvoice(o)).invoice.id });
const estimate = async (o: Caller, send = true) => {
  const c = await createClient(o);
  const res = await call('/estimates', { method: 'POST', body: { clientId: c.id, lines: [line()] }, as: o });
  const { id } = await json<{ id: string }>(res);
  if (send) await call(`/estimates/${id}/send`, { method: 'POST', as: o });
  return { id };
};
/** A credit note of 50.00 against an issued invoice. */
const creditNote = async (o: Caller) => {
  const { invoice } = await issuedInvoice(o);
  const res = await call(`/invoices/${invoice.id}/credit-notes`, {
    method: 'POST',
    body: { amount: 5000, reason: 'Seeded' },
    as: o,
  });
  return { id: (await json<{ id: string }>(res)).id };
};
/** A client holding 50.00 of credit: a credit note on an invoice it had paid in full. */
const clientWithCredit = async (o: Caller) => {
  const { client, invoice } = await issuedInvoice(o);
  await pay(o, invoice.id, invoice.total);
  await call(`/invoices/${invoice.id}/credit-notes`, {
    method: 'POST',
    body: { amount: 5000, reason: 'Seeded' },
    as: o,
  });
  return { id: client.id, currency: String(invoice.currency) };
};
const recurring = async (o: Caller) => ({ id: (await createRecurring(o)).id });
const requestedExport = async (o: Caller) => ({
  id: (await json<{ id: string }>(await call('/exports', { method: 'POST', as: o }))).id,
});
const readyExport = async (o: Caller) => {
  const { id } = await requestedExport(o);
  await buildExport(o, id);
  return { id };
};
const apiKey = async (o: Caller) => {
  const res = await call('/api-keys', { method: 'POST', body: { name: 'seeded' }, as: o });
  return { id: (await json<{ id: string }>(res)).id };
};
const ticket = async (o: Caller) => {
  const { cookie } = await supportClient(o);
  const file = new File(['%PDF-1.4 receipt'], 'receipt.pdf', { type: 'application/pdf' });
  const id = await ticketIdFrom(
    await openTicketInPortal(cookie, { subject: 'Question', message: 'Hi' }, [file]),
  );
  const detail = await json(await call(`/tickets/${id}`, { as: o }));
  return { id, attachmentId: detail.messages?.[0]?.attachments[0]?.id ?? '' };
};
/** Someone else in the caller's business (a member), to change or remove. */
const teamMember = async (o: Caller) => {
  const userId = `usr_seed${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ).bind(userId, uniqueEmail('seeded'), 'Seeded Member', 'not-a-hash', Date.now()),
    env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, 'member', ?)",
    ).bind(o.tenantId, userId, Date.now()),
  ]);
  return { userId };
};
const invitation = async (o: Caller) => {
  const res = await call('/invitations', {
    method: 'POST',
    body: { email: uniqueEmail('invitee'), role: 'member' },
    as: o,
  });
  return { id: (await json<{ id: string }>(res)).id };
};
const template = { language: 'en', subject: 'Invoice {{number}}', body: 'Hello {{clientName}}' };

/** Every authenticated operation, by method and path, and how to call it with real data. */
/** One more session of the caller's person, as the id `GET /me/sessions` lists it. */
const ownSession = async (o: Caller) => {
  const other = await newSession(o);
  const res = await call('/me/sessions', { as: other });
  const { data } = await json<{ data: { id: string; current: boolean }[] }>(res);
  return { id: data.find((d) => d.current)!.id };
};

export const TABLE: Record<string, Row> = {
  'POST /email-verifications': { needs: 'self', sessionOnly: true },
  'GET /me': { needs: 'self', sessionOnly: true },
  'PATCH /me': { body: () => ({ name: 'Maria Sousa' }), needs: 'self', sessionOnly: true },
  'PUT /me/password': {
    body: () => ({ currentPassword: 'correct horse battery', newPassword: 'correct horse battery' }),
    needs: 'self',
    sessionOnly: true,
  },
  'PUT /me/email': {
    body: () => ({ email: uniqueEmail('moving'), currentPassword: 'correct horse battery' }),
    needs: 'self',
    sessionOnly: true,
  },
  'GET /me/sessions': { needs: 'self', sessionOnly: true },
  'DELETE /me/sessions/{id}': { seed: ownSession, needs: 'self', sessionOnly: true, ownedByCaller: true },
  'DELETE /me/sessions': { needs: 'self', sessionOnly: true },
  'GET /sessions/current': { keyGets: 404, needs: 'self' },
  'DELETE /sessions/current': { endsSession: true, needs: 'self' },
  'POST /api-keys': { body: () => ({ name: 'ci' }), needs: 'settings', sessionOnly: true },
  'GET /api-keys': { needs: 'settings' },
  'DELETE /api-keys/{id}': { seed: apiKey, needs: 'settings', sessionOnly: true },
  'GET /dashboard': {},
  'PUT /settings/logo': { body: () => PNG, needs: 'settings' },
  'GET /settings/logo': {
    seed: async (o) => {
      await call('/settings/logo', {
        method: 'PUT',
        body: PNG,
        headers: { 'content-type': 'image/png' },
        as: o,
      });
      return {};
    },
  },
  'DELETE /settings/logo': { needs: 'settings' },
  'GET /settings': {},
  'PATCH /settings': { body: () => ({ name: 'Studio Norte' }), needs: 'settings' },
  'GET /settings/stripe': {},
  'PUT /settings/stripe': { body: () => testKeys(), needs: 'settings', sessionOnly: true },
  'POST /settings/stripe/connect': { needs: 'settings', sessionOnly: true },
  'POST /settings/stripe/connect/oauth': { needs: 'settings', sessionOnly: true },
  'GET /settings/stripe/oauth/callback': { needs: 'settings', sessionOnly: true },
  'DELETE /settings/stripe': { needs: 'settings', sessionOnly: true },
  // Never confirmed here: the shared owner signs in again by password alone (`newSession`).
  'POST /me/totp': { needs: 'self', sessionOnly: true },
  'POST /me/totp/confirm': { body: () => ({ code: '000000' }), needs: 'self', sessionOnly: true },
  'DELETE /me/totp': { body: () => ({ code: '000000' }), needs: 'self', sessionOnly: true },
  'GET /settings/two-factor': { needs: 'read' },
  'PUT /settings/two-factor': { body: () => ({ required: false }), needs: 'owner', sessionOnly: true },
  'GET /clients': {},
  'POST /clients': { body: () => ({ name: 'Acme Lda' }) },
  'GET /clients/{id}': { seed: client },
  'PATCH /clients/{id}': { seed: client, body: () => ({ name: 'Acme Renamed' }) },
  'DELETE /clients/{id}': { seed: client },
  'GET /invoices': {},
  'POST /invoices': {
    seed: async (o) => ({ clientId: (await createClient(o)).id }),
    body: (s) => ({ clientId: s.clientId, lines: [line()] }),
  },
  'GET /invoices/{id}': { seed: draftInvoice },
  'PATCH /invoices/{id}': { seed: draftInvoice, body: () => ({ notes: 'x' }) },
  'DELETE /invoices/{id}': { seed: draftInvoice },
  'GET /invoices/{id}/pdf': { seed: sentInvoice },
  'POST /invoices/{id}/send': { seed: draftInvoice },
  'POST /invoices/{id}/remind': {
    // A reminder goes to the client's address on file: this client has one.
    seed: async (o) => ({ id: (await issuedInvoice(o, {}, { email: 'late@example.com' })).invoice.id }),
  },
  'GET /invoices/{id}/reminders': { seed: sentInvoice },
  'GET /recurring-invoices': {},
  'POST /recurring-invoices': {
    seed: async (o) => ({ clientId: (await createClient(o)).id }),
    body: (s) => ({
      clientId: s.clientId,
      lines: [line()],
      schedule: { frequency: 'monthly', startDate: '2030-01-01' },
    }),
  },
  'GET /recurring-invoices/{id}': { seed: recurring },
  'PATCH /recurring-invoices/{id}': { seed: recurring, body: () => ({ notes: 'x' }) },
  'DELETE /recurring-invoices/{id}': { seed: recurring },
  'POST /recurring-invoices/{id}/pause': { seed: recurring },
  'POST /recurring-invoices/{id}/resume': { seed: recurring },
  'POST /recurring-invoices/{id}/skip': { seed: recurring },
  'POST /dev/recurring-invoices/run': { sessionOnly: true },
  'GET /estimates': {},
  'POST /estimates': {
    seed: async (o) => ({ clientId: (await createClient(o)).id }),
    body: (s) => ({ clientId: s.clientId, lines: [line()] }),
  },
  'GET /estimates/{id}': { seed: estimate },
  'PATCH /estimates/{id}': { seed: (o) => estimate(o, false), body: () => ({ notes: 'x' }) },
  'DELETE /estimates/{id}': { seed: (o) => estimate(o, false) },
  'GET /estimates/{id}/pdf': { seed: estimate },
  'POST /estimates/{id}/send': { seed: (o) => estimate(o, false) },
  'POST /estimates/{id}/duplicate': { seed: estimate },
  'POST /invoices/{id}/void': { seed: sentInvoice },
  'POST /invoices/{id}/duplicate': { seed: sentInvoice },
  'POST /invoices/{id}/payments': {
    seed: sentInvoice,
    body: () => ({ amount: 100, date: '2026-03-01', method: 'cash' }),
  },
  'GET /invoices/{id}/payments': { seed: sentInvoice },
  'GET /invoices/{id}/online-payments': { seed: sentInvoice },
  'DELETE /invoices/{id}/payments/{paymentId}': {
    seed: async (o) => {
      const { invoice } = await issuedInvoice(o);
      const payment = await json<{ id: string }>(await pay(o, invoice.id, 100));
      return { id: invoice.id, paymentId: payment.id };
    },
  },
  'GET /payments': {},
  'POST /invoices/{id}/credit-notes': {
    seed: sentInvoice,
    body: () => ({ amount: 100, reason: 'Discount agreed' }),
  },
  'GET /invoices/{id}/credit-options': { seed: sentInvoice },
  'GET /credit-notes': {},
  'GET /credit-notes/{id}': { seed: creditNote },
  'GET /credit-notes/{id}/pdf': { seed: creditNote },
  'POST /credit-notes/{id}/send': { seed: creditNote },
  'POST /invoices/{id}/apply-credit': {
    seed: async (o) => {
      const { id } = await clientWithCredit(o);
      return { id: (await sendInvoice(o, (await createInvoice(o, id)).id)).id };
    },
    body: () => ({ amount: 100 }),
  },
  'POST /clients/{id}/credit-refunds': {
    seed: clientWithCredit,
    body: (s) => ({ amount: 100, currency: s.currency, reference: 'Bank transfer' }),
  },
  'POST /estimates/{id}/convert': { seed: estimate },
  'POST /estimates/{id}/accept': { seed: estimate, body: () => ({}) },
  'POST /estimates/{id}/reject': { seed: estimate, body: () => ({ reason: 'Too dear' }) },
  'GET /clients/{id}/summary': { seed: client },
  'GET /clients/{id}/credits': { seed: client },
  'POST /clients/{id}/credits/{creditId}/refund': {
    // A credit as a second paid session leaves it (Stripe itself is not set up here: 409).
    seed: async (o) => {
      const { client, invoice } = await issuedInvoice(o);
      const creditId = `crd_${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;
      await env.DB.prepare(
        `INSERT INTO client_credits (id, tenant_id, client_id, invoice_id, amount, currency, checkout_session_id, payment_intent_id, state, created_at)
         VALUES (?, ?, ?, ?, 500, ?, ?, 'pi_seeded', 'open', ?)`,
      )
        .bind(creditId, o.tenantId, client.id, invoice.id, invoice.currency, `cs_${creditId}`, Date.now())
        .run();
      return { id: client.id, creditId };
    },
    needs: 'settings',
  },
  'GET /clients/{id}/statement/pdf': { seed: client },
  'GET /clients/{id}/documents': { seed: client },
  'GET /templates/{kind}': { seed: async () => ({ kind: 'invoice' }) },
  'PUT /templates/{kind}': {
    seed: async () => ({ kind: 'invoice' }),
    body: () => template,
    needs: 'settings',
  },
  'POST /templates/{kind}/preview': {
    seed: async () => ({ kind: 'invoice' }),
    body: () => ({ language: 'en' }),
    needs: 'settings',
  },
  'GET /clients/{id}/templates/{kind}': { seed: async (o) => ({ ...(await client(o)), kind: 'invoice' }) },
  'PUT /clients/{id}/templates/{kind}': {
    seed: async (o) => ({ ...(await client(o)), kind: 'invoice' }),
    body: () => template,
    needs: 'settings',
  },
  'DELETE /clients/{id}/templates/{kind}': {
    seed: async (o) => ({ ...(await client(o)), kind: 'invoice' }),
    needs: 'settings',
  },
  'GET /emails': {},
  'GET /dev/outbox': { sessionOnly: true },
  'POST /clients/{id}/portal-links': { seed: client },
  'GET /portal-links': {},
  'DELETE /portal-links/{id}': {
    seed: async (o) => ({ id: (await newLink(o, (await createClient(o)).id)).id }),
  },
  'GET /tickets/unread-count': {},
  'GET /tickets/inbound-mail': {},
  'POST /tickets/inbound-mail/{id}/accept': {
    seed: async (o) => ({ id: (await heldReply(o)).line.id }),
    needs: 'settings',
  },
  'GET /tickets': {},
  'GET /tickets/{id}': { seed: ticket },
  'PATCH /tickets/{id}': { seed: ticket, body: () => ({ status: 'closed' }) },
  'POST /tickets/{id}/messages': { seed: ticket, body: () => ({ body: 'Thanks, on it.' }) },
  'GET /tickets/{id}/attachments/{attachmentId}': { seed: ticket },
  // The shared owner's business must outlive the suite: a name that does not match keeps it
  // open (422), which still proves every refusal before it; closing itself is tested apart.
  'DELETE /business': {
    body: () => ({ confirm: 'not the business name', password: 'correct horse battery' }),
    sessionOnly: true,
    needs: 'owner',
  },
  'GET /audit-log': { needs: 'settings' },
  'GET /members': {},
  'PATCH /members/{userId}': {
    seed: teamMember,
    body: () => ({ role: 'accountant' }),
    needs: 'team',
    sessionOnly: true,
  },
  'DELETE /members/{userId}': { seed: teamMember, needs: 'team', sessionOnly: true },
  'POST /invitations': {
    body: () => ({ email: uniqueEmail('invitee'), role: 'member' }),
    needs: 'team',
    sessionOnly: true,
  },
  'GET /invitations': { needs: 'team' },
  'DELETE /invitations/{id}': { seed: invitation, needs: 'team', sessionOnly: true },
  'POST /invitations/{id}/resend': { seed: invitation, needs: 'team', sessionOnly: true },
  'GET /me/businesses': { needs: 'self', sessionOnly: true },
  'PUT /sessions/current/business': {
    seed: async (o) => ({ tenantId: o.tenantId }),
    body: (s) => ({ tenantId: s.tenantId }),
    needs: 'self',
    sessionOnly: true,
  },
  'POST /exports': { needs: 'export' },
  'GET /exports': { needs: 'export' },
  'GET /exports/{id}': { seed: requestedExport, needs: 'export' },
  'GET /exports/{id}/download': { seed: readyExport, needs: 'export' },
  'POST /imports': {
    body: () => zipSync({ 'readme.txt': strToU8('not an export') }),
    contentType: 'application/zip',
    needs: 'owner',
    sessionOnly: true,
  },
};

/** What a row needs: stated, or `read` for a GET and `write` for anything else. */
export const needsOf = (key: string): Permission =>
  TABLE[key]?.needs ?? (key.startsWith('GET ') ? 'read' : 'write');

/** A second session of the same person, for an operation that ends the one it is called with. */
export async function newSession(of: Caller): Promise<Caller> {
  const res = await call('/sessions', {
    method: 'POST',
    body: { email: of.email, password: 'correct horse battery' },
    headers: { 'cf-connecting-ip': randomAddress() },
  });
  return { ...of, headers: { cookie: sessionCookieOf(res) } };
}
