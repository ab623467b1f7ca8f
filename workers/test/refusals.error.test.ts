import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../services/mail/templates';
import { type Caller, call, createClient, createInvoice, json, ORIGIN, signUp } from './helpers/api';
import { portalCookie } from './helpers/portal';

/** Inputs a fuzzer found answering 500: each must be an ordinary refusal (or an ordinary answer). */

const BAD_CURSORS = ['garbage', 'null', '{}', '-1', '🙂', 'bnVsbA', '%00', 'a'.repeat(200)];

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json(res);
}

describe('list cursors', () => {
  it.each(['/tickets', '/clients', '/invoices', '/estimates', '/emails'])(
    '%s with a cursor it never issued → 422 naming cursor',
    async (path) => {
      const owner = await signUp();
      for (const cursor of BAD_CURSORS) {
        const res = await call(`${path}?cursor=${encodeURIComponent(cursor)}`, { as: owner });
        const problem = await expectProblem(res, 422);
        expect(problem.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
      }
    },
  );

  it('/tickets still pages with the cursor it issued', async () => {
    const owner = await signUp();
    const res = await call('/tickets?limit=1', { as: owner });
    expect(res.status).toBe(200);
    expect((await json(res)).nextCursor).toBeNull();
  });
});

describe('template preview', () => {
  const inherited = [
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'propertyIsEnumerable',
  ];

  it.each(inherited)(
    '{{%s}} is an unknown variable: 422 naming the field, nothing rendered',
    async (name) => {
      const owner = await signUp();
      for (const field of ['subject', 'body'] as const) {
        const input = { language: 'en', subject: 'Invoice', body: 'Hello {{client.name}}' };
        input[field] = `${input[field]} {{${name}}}`;
        const res = await call('/templates/invoice/preview', { method: 'POST', body: input, as: owner });
        const problem = await expectProblem(res, 422);
        expect(problem.errors).toEqual([expect.objectContaining({ path: field })]);
        expect(JSON.stringify(problem)).not.toContain('native code');
      }
    },
  );

  it('rendering looks up own values only: an inherited name renders empty, never a function', () => {
    const out = renderTemplate(
      { subject: 'A{{constructor}}B{{toString}}', body: '{{valueOf}}{{hasOwnProperty}}{{client.name}}' },
      { 'client.name': 'Ana' },
    );
    expect(out.subject).toBe('AB');
    expect(out.text).toBe('Ana');
    expect(out.html).not.toContain('native code');
  });

  it('saving {{constructor}} is refused as before', async () => {
    const owner = await signUp();
    const res = await call('/templates/invoice', {
      method: 'PUT',
      body: { language: 'en', subject: 'Hi {{constructor}}', body: 'Body' },
      as: owner,
    });
    await expectProblem(res, 422);
  });

  it('known variables still render', async () => {
    const owner = await signUp();
    const res = await call('/templates/invoice/preview', {
      method: 'POST',
      body: { language: 'en', subject: 'Invoice {{document.number}}', body: 'Hello {{client.name}}' },
      as: owner,
    });
    expect(res.status).toBe(200);
    expect((await json(res)).subject).toBe('Invoice INV-2026-0042');
  });
});

describe('Transfer-Encoding: chunked on a read', () => {
  it('API reads answer as usual', async () => {
    const owner = await signUp();
    for (const path of ['/clients', '/tickets', '/sessions/current', '/settings']) {
      const res = await SELF.fetch(`${ORIGIN}/api/v1${path}`, {
        headers: { ...owner.headers, 'transfer-encoding': 'chunked' },
      });
      expect(res.status, path).toBe(200);
    }
  });

  it('an unauthenticated chunked read is a 401 problem, a chunked HEAD is answered too', async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/v1/clients`, { headers: { 'transfer-encoding': 'chunked' } });
    await expectProblem(res, 401);
    const owner = await signUp();
    const head = await SELF.fetch(`${ORIGIN}/api/v1/clients`, {
      method: 'HEAD',
      headers: { ...owner.headers, 'transfer-encoding': 'chunked' },
    });
    expect(head.status).toBe(200);
  });

  it('portal and webhook routes too', async () => {
    const portal = await SELF.fetch(`${ORIGIN}/portal`, {
      headers: { 'transfer-encoding': 'chunked' },
      redirect: 'manual',
    });
    expect(portal.status).toBeLessThan(500);
    const hook = await SELF.fetch(`${ORIGIN}/webhooks/stripe/ten_000000000000000000000000`, {
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(hook.status).toBeLessThan(500);
  });
});

describe('portal list pages', () => {
  async function signedIn(): Promise<{ owner: Caller; cookie: string }> {
    const owner = await signUp();
    const c = await createClient(owner);
    const d = await createInvoice(owner, c.id);
    await call(`/invoices/${d.id}/send`, { method: 'POST', as: owner });
    return { owner, cookie: await portalCookie(owner, c.id) };
  }

  it.each(['invoices', 'estimates'])(
    '/portal/%s with a page that is not a whole number shows page 1',
    async (list) => {
      const { cookie } = await signedIn();
      for (const page of ['1.5', '-1', '0', 'abc', '1e3', '99999999999999999999', '0x10', '2.0', ' 2', '']) {
        const res = await SELF.fetch(`${ORIGIN}/portal/${list}?page=${encodeURIComponent(page)}`, {
          headers: { cookie },
        });
        expect(res.status, `page=${page}`).toBe(200);
      }
    },
  );
});

describe('webhook routes', () => {
  const tenant = 'ten_000000000000000000000000';

  it('a method the Stripe endpoint does not take → 405 with Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await SELF.fetch(`${ORIGIN}/webhooks/stripe/${tenant}`, { method });
      await expectProblem(res, 405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('HEAD on the endpoint → 405 without a body', async () => {
    const res = await SELF.fetch(`${ORIGIN}/webhooks/stripe/${tenant}`, { method: 'HEAD' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('paths that are no webhook → 404 problem+json', async () => {
    for (const [method, path] of [
      ['POST', '/webhooks/stripe/'],
      ['POST', '/webhooks/stripe'],
      ['GET', '/webhooks/stripe/'],
      ['GET', '/webhooks/x'],
      ['POST', '/webhooks/x'],
      ['GET', '/webhooks'],
      ['POST', `/webhooks/stripe/${tenant}/extra`],
    ] as const) {
      const res = await SELF.fetch(`${ORIGIN}${path}`, {
        method,
        body: method === 'POST' ? '{}' : undefined,
      });
      await expectProblem(res, 404);
    }
  });
});
