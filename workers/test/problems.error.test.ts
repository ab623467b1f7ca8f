import { env, SELF } from 'cloudflare:test';
import { MESSAGES } from '@clientele/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { renderError } from '../http/problem';
import { ConflictError, NotFoundError, say, ValidationError } from '../services/errors';
import { call, issuedInvoice, json, ORIGIN, signUp } from './helpers/api';
import { portal, portalCookie } from './helpers/portal';

const RAY = '8f1d2c3b4a5e6f70-LIS';

async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json(res);
}

describe('every problem names its request', () => {
  it('API refusals, the 404 fallback and the body checks carry the cf-ray as requestId', async () => {
    const owner = await signUp();
    const headers = { 'cf-ray': RAY };
    const refusals = [
      [await call('/no-such-route', { as: owner, headers }), 404],
      [await call('/clients/cli_000000000000000000000000', { as: owner, headers }), 404],
      [await call('/clients', { method: 'POST', body: { name: '' }, as: owner, headers }), 422],
      [await call('/clients', { headers }), 401],
      [
        await SELF.fetch(`${ORIGIN}/api/v1/clients`, {
          method: 'POST',
          headers: { ...headers, ...owner.headers, origin: ORIGIN, 'content-type': 'text/plain' },
          body: 'x',
        }),
        415,
      ],
    ] as const;
    for (const [res, status] of refusals) expect((await problemOf(res, status)).requestId).toBe(RAY);
  });

  it('without a cf-ray each request gets its own id', async () => {
    const a = await problemOf(await call('/clients'), 401);
    const b = await problemOf(await call('/clients'), 401);
    expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.requestId).not.toBe(a.requestId);
  });

  it('a cf-ray that is not an id is not echoed', async () => {
    const res = await call('/clients', { headers: { 'cf-ray': 'x y<script>' } });
    expect((await problemOf(res, 401)).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('webhook refusals (404, 405) and the portal’s JSON refusals carry it too', async () => {
    const headers = { 'cf-ray': RAY };
    const webhook404 = await SELF.fetch(`${ORIGIN}/webhooks/stripe/nope`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect((await problemOf(webhook404, 404)).requestId).toBe(RAY);
    const webhook405 = await SELF.fetch(`${ORIGIN}/webhooks/stripe/ten_000000000000000000000000`, {
      headers,
    });
    expect(webhook405.headers.get('allow')).toBe('POST');
    expect((await problemOf(webhook405, 405)).requestId).toBe(RAY);

    const owner = await signUp();
    const { client } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    const status = await portal(
      '/invoices/inv_000000000000000000000000/payment-status?session_id=x',
      cookie,
      {
        headers,
      },
    );
    const missing = await problemOf(status, 404);
    expect(missing).toMatchObject({ detail: 'No such payment', requestId: RAY });
    const zip = await portal('/downloads', cookie, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [] }),
    });
    expect(await problemOf(zip, 422)).toMatchObject({
      detail: 'The selection is not valid',
      errors: [{ path: 'ids', message: 'Select at least one invoice' }],
      requestId: RAY,
    });
  });
});

describe('one map from failures to problems', () => {
  /** A tiny app on the real renderer, so failures of the layers below can be thrown at it. */
  const appThrowing = (fail: () => Promise<unknown>) => {
    const app = new Hono();
    app.get('/', async () => {
      await fail();
      return new Response('unreachable');
    });
    app.onError(renderError);
    return app;
  };

  it('a UNIQUE constraint the database refuses (two writes at once) is a 409, not a 500', async () => {
    const key = `race:${crypto.randomUUID()}`;
    const insert = () =>
      env.DB.prepare('insert into rate_limits (key, count, reset_at) values (?, 1, 0)').bind(key).run();
    const res = await appThrowing(async () => {
      await insert().catch(() => undefined);
      await insert();
    }).request('/', { headers: { 'cf-ray': RAY } });
    const problem = await problemOf(res, 409);
    expect(problem).toMatchObject({ detail: MESSAGES.en.problem.savedMeanwhile, requestId: RAY });
  });

  it('the refusals carry their status, catalogue words and headers', async () => {
    const notFound = await appThrowing(async () => {
      throw new NotFoundError('invoice');
    }).request('/');
    expect(await problemOf(notFound, 404)).toMatchObject({ title: 'Not Found', detail: 'Invoice not found' });
    const conflict = await appThrowing(async () => {
      throw new ConflictError(say('alreadySent', true, 'INV-7'));
    }).request('/');
    expect((await problemOf(conflict, 409)).detail).toBe(MESSAGES.en.problem.alreadySent(true, 'INV-7'));
  });

  it('an English sentence is not a refusal: only catalogue keys typecheck', () => {
    // @ts-expect-error free text is not a key of the problem catalogue
    new ConflictError('Something clashed');
    // @ts-expect-error nor is a field message
    new ValidationError([{ path: 'x', message: 'Type something' }]);
    // @ts-expect-error a phrase takes its arguments
    say('moreThanDue');
    // @ts-expect-error nor is an unknown thing not found
    new NotFoundError('Invoice');
  });
});
