import { env, SELF } from 'cloudflare:test';
import { ROLES, type Role } from '@clientele/db';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Permission, roleMay } from '../services/auth/permissions';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  ORIGIN,
  pay,
  randomAddress,
  sessionCookieOf,
  signUp,
  uniqueEmail,
  withApiKey,
} from './helpers/api';
import { buildExport } from './helpers/exports';
import { heldReply } from './helpers/inbound';
import { newLink } from './helpers/portal';
import {
  type Operation,
  type OperationDoc,
  operationsOf,
  type Problem,
  problemOf,
  wrongValueFor,
} from './helpers/route-security';
import { testKeys } from './helpers/stripe';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

/**
 * The checks every authenticated operation of the API must pass, driven by the served OpenAPI
 * document: a route added without a row in `TABLE` fails the first test, so no route can skip
 * them. Each operation is checked with real data: ids seeded for its path, a body it accepts.
 */

/** A 1×1 PNG, accepted as a logo. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

type Seeded = Record<string, string>;

interface Row {
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

const TABLE: Record<string, Row> = {
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
  'POST /invoices/{id}/void': { seed: sentInvoice },
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
  'POST /estimates/{id}/convert': { seed: estimate },
  'POST /estimates/{id}/accept': { seed: estimate, body: () => ({}) },
  'POST /estimates/{id}/reject': { seed: estimate, body: () => ({ reason: 'Too dear' }) },
  'GET /clients/{id}/summary': { seed: client },
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
const needsOf = (key: string): Permission => TABLE[key]?.needs ?? (key.startsWith('GET ') ? 'read' : 'write');

const served = await SELF.fetch(`${ORIGIN}/api/v1/openapi.json`);
const operations = operationsOf(await json<OperationDoc>(served));

/** Callers shared by every check: each check seeds its own resources, so they never meet. */
let owner: Caller;
let intruder: Caller;
let staff: Caller;
let readKey: Caller;
let writeKey: Caller;
/** The staff business's four people, one per role; `staff` is its owner. */
let team: Record<Role, Caller>;
beforeAll(async () => {
  let admin: Caller;
  let member: Caller;
  let accountant: Caller;
  [owner, intruder, staff, admin, member, accountant] = await Promise.all([
    signUp(),
    signUp(),
    signUp(),
    signUp(),
    signUp(),
    signUp(),
  ]);
  // Each joins the staff business with a role and switches their session to it.
  const join = async (person: Caller, role: Role): Promise<Caller> => {
    const me = await json<{ userId: string }>(await call('/sessions/current', { as: person }));
    await env.DB.prepare('INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, ?, ?)')
      .bind(staff.tenantId, me.userId, role, Date.now())
      .run();
    const res = await call('/sessions/current/business', {
      method: 'PUT',
      body: { tenantId: staff.tenantId },
      as: person,
    });
    if (res.status !== 200) throw new Error(`switch failed: ${res.status} ${await res.text()}`);
    return { ...person, tenantId: staff.tenantId };
  };
  team = {
    owner: staff,
    admin: await join(admin, 'admin'),
    member: await join(member, 'member'),
    accountant: await join(accountant, 'accountant'),
  };
  writeKey = await withApiKey(owner);
  const read = await call('/api-keys', {
    method: 'POST',
    body: { name: 'reader', scope: 'read' },
    as: owner,
  });
  readKey = { ...owner, headers: { authorization: `Bearer ${(await json(read)).key}` } };
}, 120_000);

/** A second session of the same person, for an operation that ends the one it is called with. */
async function newSession(of: Caller): Promise<Caller> {
  const res = await call('/sessions', {
    method: 'POST',
    body: { email: of.email, password: 'correct horse battery' },
    headers: { 'cf-connecting-ip': randomAddress() },
  });
  return { ...of, headers: { cookie: sessionCookieOf(res) } };
}

function pathOf(op: Operation, values: Seeded): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${op.key}: the table seeds no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

interface Prepared {
  path: string;
  body: unknown;
  headers: Record<string, string>;
  seeded: Seeded;
}

async function prepare(op: Operation, as: Caller): Promise<Prepared> {
  const row = TABLE[op.key]!;
  const seeded = row.seed ? await row.seed(as) : {};
  const body = row.body?.(seeded);
  const headers: Record<string, string> =
    body instanceof Uint8Array ? { 'content-type': row.contentType ?? 'image/png' } : {};
  return { path: pathOf(op, seeded), body, headers, seeded };
}

function send(op: Operation, p: Prepared, as: Caller | null, extra: Record<string, string> = {}) {
  return call(p.path, { method: op.method, body: p.body, headers: { ...p.headers, ...extra }, as });
}

async function expectProblem(res: Response, status: number | number[]): Promise<Problem> {
  const statuses = Array.isArray(status) ? status : [status];
  const problem = await problemOf(res);
  expect(statuses, `${res.status} ${JSON.stringify(problem)}`).toContain(res.status);
  expect(problem.status).toBe(res.status);
  return problem;
}

/** An answer a caller who may call the operation can get: not refused, not missing, never a 5xx. */
async function expectAllowed(res: Response, row?: Row) {
  if (row?.keyGets) {
    await expectProblem(res, row.keyGets);
    return;
  }
  const text = res.status >= 400 ? await res.text() : '';
  expect([401, 403, 404], text).not.toContain(res.status);
  expect(res.status, text).toBeLessThan(500);
}

it('every operation in the OpenAPI document has a row here, and every row an operation', () => {
  expect(operations.length).toBeGreaterThan(0);
  const documented = operations.map((op) => op.key);
  expect(
    documented.filter((key) => !(key in TABLE)),
    'operations without a row in TABLE',
  ).toEqual([]);
  expect(
    Object.keys(TABLE).filter((key) => !documented.includes(key)),
    'rows for no operation',
  ).toEqual([]);
});

it("every operation's x-permission is what its row says it needs", () => {
  const mismatched = operations
    .filter((op) => op.key in TABLE && op.permission !== needsOf(op.key))
    .map((op) => `${op.key}: document ${op.permission}, row ${needsOf(op.key)}`);
  expect(mismatched).toEqual([]);
});

/** The role an API key acts with: a write key as an admin, a read key as an accountant. */
const KEY_ROLES: ['write' | 'read', Role][] = [
  ['write', 'admin'],
  ['read', 'accountant'],
];

for (const op of operations.filter((o) => o.key in TABLE)) {
  const row = TABLE[op.key]!;
  const needs = needsOf(op.key);
  const ids = op.pathParams.filter((p) => !p.enum);
  const reads = op.method === 'GET';
  // Refused calls change nothing, so they share one seeded resource per operation; a call that
  // may run gets its own (a DELETE that ran leaves nothing for the next).
  describe(op.key, { timeout: 60_000 }, () => {
    let seeded: Prepared;
    let staffSeeded: Prepared;
    beforeAll(async () => {
      [seeded, staffSeeded] = await Promise.all([prepare(op, owner), prepare(op, staff)]);
    }, 120_000);
    const fresh = async (as: Caller) => (reads ? (as === staff ? staffSeeded : seeded) : prepare(op, as));

    it('no credentials → 401 problem+json', async () => {
      const res = await send(op, seeded, null);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await problemOf(res)).status).toBe(401);
    });

    it('unknown API key or stale session → 401', async () => {
      const badKey = await send(op, seeded, null, { authorization: 'Bearer ck_not-a-real-key' });
      expect(badKey.status).toBe(401);
      const badCookie = await send(op, seeded, null, { cookie: 'clientele_admin_session=forged' });
      expect(badCookie.status).toBe(401);
    });

    if (ids.length > 0) {
      it("another tenant's resource → 404 problem+json", async () => {
        const res = await send(op, seeded, intruder);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      });

      for (const param of ids.length > 1 ? ids : []) {
        it(`another tenant's {${param.name}} beside the caller's own → 404`, async () => {
          const theirs = (await prepare(op, intruder)).seeded;
          const path = pathOf(op, { ...seeded.seeded, [param.name]: theirs[param.name]! });
          await expectProblem(await send(op, { ...seeded, path }, owner), 404);
        });
      }
    }

    if (row.sessionOnly) {
      it('no API key of any scope → 403', async () => {
        await expectProblem(await send(op, seeded, writeKey), 403);
        await expectProblem(await send(op, seeded, readKey), 403);
      });
    } else if (!reads) {
      it('a read key → 403', async () => {
        await expectProblem(await send(op, seeded, readKey), 403);
      });
    }

    if (op.jsonBody) {
      const field = op.jsonBody.field;
      it('a body of the wrong type → 400/422 problem+json, never a 5xx', async () => {
        for (const body of ['[]', '"text"', '42', 'null']) {
          await expectProblem(await send(op, { ...seeded, body }, owner), [400, 422]);
        }
      });
      if (field) {
        it(`a field of the wrong type → 422 naming ${field.name}`, async () => {
          const body = { ...(seeded.body as object), [field.name]: wrongValueFor(field.schema) };
          const problem = await expectProblem(await send(op, { ...seeded, body }, owner), 422);
          expect(problem.errors.map((e) => e.path)).toContain(field.name);
        });
      }
    }

    for (const param of op.pathParams) {
      it(`a malformed {${param.name}} → 400/422 naming ${param.name}`, async () => {
        const bad = wrongValueFor(param.schema, 'string') as string;
        const path = pathOf(op, { ...seeded.seeded, [param.name]: bad });
        const problem = await expectProblem(await send(op, { ...seeded, path }, owner), [400, 422]);
        expect(problem.errors.map((e) => e.path)).toContain(param.name);
      });
    }

    for (const param of op.queryParams) {
      it(`a bad ?${param.name} → 400/422 naming ${param.name}`, async () => {
        const value = String(wrongValueFor(param.schema, 'string'));
        const path = `${seeded.path}?${new URLSearchParams({ [param.name]: value })}`;
        const problem = await expectProblem(await send(op, { ...seeded, path }, owner), [400, 422]);
        expect(problem.errors.map((e) => e.path)).toContain(param.name);
      });
      if (param.name === 'cursor') {
        it('a cursor the list did not issue → 422 naming cursor', async () => {
          const path = `${seeded.path}?cursor=bogus`;
          const problem = await expectProblem(await send(op, { ...seeded, path }, owner), 422);
          expect(problem.errors.map((e) => e.path)).toContain('cursor');
        });
      }
    }

    // Last, so the refusals above met the resources before any of these changed them.
    it('its owner may call it', async () => {
      const as = row.endsSession ? await newSession(owner) : owner;
      await expectAllowed(await send(op, row.endsSession ? await prepare(op, as) : await fresh(owner), as));
    });

    if (!row.sessionOnly) {
      for (const [scope, role] of KEY_ROLES) {
        if (scope === 'read' && !reads) continue;
        const key = () => (scope === 'read' ? readKey : writeKey);
        if (roleMay(role, needs)) {
          it(`a ${scope} key (as ${role}) may call it`, async () => {
            await expectAllowed(await send(op, scope === 'read' ? seeded : await fresh(owner), key()), row);
          });
        } else {
          it(`a ${scope} key (as ${role}) → 403 naming the role`, async () => {
            const problem = await expectProblem(await send(op, seeded, key()), 403);
            expect(problem.detail).toContain(`(${role})`);
          });
        }
      }
    }

    // The role matrix: each of the staff business's four people, allowed or refused as the
    // row's permission says. Refusals share the seeded resource; an allowed write gets its own.
    for (const role of ROLES) {
      if (roleMay(role, needs)) {
        it(`its ${role} may call it`, async () => {
          const as = row.endsSession ? await newSession(team[role]) : team[role];
          const p = row.endsSession || row.ownedByCaller ? await prepare(op, as) : await fresh(staff);
          await expectAllowed(await send(op, p, as));
        });
      } else {
        it(`its ${role} → 403 problem naming the role`, async () => {
          const problem = await expectProblem(await send(op, staffSeeded, team[role]), 403);
          expect(problem.detail).toContain(`(${role})`);
        });
      }
    }
  });
}

it('the matrix covers every operation for every role', () => {
  const covered = operations.filter((o) => o.key in TABLE).length;
  // Printed for the record: operations × roles checked.
  console.info(
    `role matrix: ${covered} operations × ${ROLES.length} roles = ${covered * ROLES.length} checks`,
  );
  expect(covered).toBe(Object.keys(TABLE).length);
});
