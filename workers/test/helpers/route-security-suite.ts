import { env, SELF } from 'cloudflare:test';
import { ROLES, type Role } from '@clientele/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleMay } from '../../services/auth/permissions';
import { type Caller, call, json, ORIGIN, signUp, withApiKey } from './api';
import {
  type Operation,
  type OperationDoc,
  operationsOf,
  type Problem,
  problemOf,
  wrongValueFor,
} from './route-security';
import { needsOf, newSession, type Row, type Seeded, TABLE } from './route-security-table';

/** The operations of the served OpenAPI document. */
export async function servedOperations(): Promise<Operation[]> {
  const served = await SELF.fetch(`${ORIGIN}/api/v1/openapi.json`);
  return operationsOf(await json<OperationDoc>(served));
}

/** Callers shared by every check: each check seeds its own resources, so they never meet. */
let owner: Caller;
let intruder: Caller;
let staff: Caller;
let readKey: Caller;
let writeKey: Caller;
/** The staff business's four people, one per role; `staff` is its owner. */
let team: Record<Role, Caller>;

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

/** The role an API key acts with: a write key as an admin, a read key as an accountant. */
const KEY_ROLES: ['write' | 'read', Role][] = [
  ['write', 'admin'],
  ['read', 'accountant'],
];

/**
 * The checks for one part of the operations: every part signs up its own callers, so the parts
 * are separate test files that run side by side. Operations are dealt out in turn, which spreads
 * the costly seeds (tickets, exports, issued invoices) over every part.
 */
/** How many `route-checks-<n>` files share the operations (route-security checks they all exist). */
export const PARTS = 4;

export async function checkOperations(part: number, parts = PARTS): Promise<void> {
  const mine = (await servedOperations())
    .filter((o) => o.key in TABLE)
    .filter((_, i) => i % parts === part - 1);
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
      await env.DB.prepare(
        'INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, ?, ?)',
      )
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

  for (const op of mine) {
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
}
