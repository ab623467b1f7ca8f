import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, signUp } from './helpers/api';

describe('API shape', () => {
  it('unknown routes under /api → 404 problem+json', async () => {
    const owner = await signUp();
    const res = await call('/nothing-here', { as: owner });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const anonymous = await SELF.fetch('https://app.clientele.test/api/v2/clients');
    expect(anonymous.status).toBe(404);
    expect((await json(anonymous)).type).toMatch(/not-found$/);
  });

  it('serves an OpenAPI 3.1 document describing the contract paths', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/signup',
      '/sessions',
      '/api-keys',
      '/api-keys/{id}',
      '/settings',
      '/clients',
      '/clients/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/clients/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.components.schemas.Client.properties.billingAddress).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
  });

  it('a failure inside a handler answers 500 problem+json with no stack trace', async () => {
    const owner = await signUp();
    // A cursor that decodes but points nowhere is harmless; a dropped table is not.
    const { env } = await import('cloudflare:test');
    await env.DB.prepare('ALTER TABLE clients RENAME TO clients_gone').run();
    try {
      const res = await call('/clients', { as: owner });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/at \w+ \(|\.ts:\d+|SQLITE|clients_gone/);
      expect(JSON.parse(text).title).toBe('Internal Server Error');
    } finally {
      await env.DB.prepare('ALTER TABLE clients_gone RENAME TO clients').run();
    }
  });

  it('the dev outbox exists only where DEV_OUTBOX=1', async () => {
    const owner = await signUp();
    expect((await call('/dev/outbox', { as: owner })).status).toBe(200);
    const { env, createExecutionContext } = await import('cloudflare:test');
    const worker = (await import('../index')).default;
    const production = await worker.fetch(
      new Request('https://app.clientele.test/api/v1/dev/outbox', { headers: owner.headers }),
      { ...env, DEV_OUTBOX: '0' },
      createExecutionContext(),
    );
    expect(production.status).toBe(404);
  });
});

describe('response shapes', () => {
  it('the checker every call() runs refuses an answer that does not match its documented schema', async () => {
    const { checkResponseSchema } = await import('./helpers/response-schemas');
    const json = { 'content-type': 'application/json' };
    const wrong = new Response(JSON.stringify({ data: [{ id: 1 }], nextCursor: null }), { headers: json });
    await expect(checkResponseSchema('GET', '/clients', wrong)).rejects.toThrow(/does not match/);
    const undocumented = new Response('{}', { status: 200, headers: json });
    await expect(checkResponseSchema('GET', '/no-such-route', undocumented)).rejects.toThrow(/undocumented/);
  });
});

describe("the admin app's API types", () => {
  it('were generated from the current OpenAPI document (run `pnpm gen:api` after changing a route)', async () => {
    const committed = (await import('../../web/src/api/openapi.json')).default;
    const live = await json(await call('/openapi.json'));
    expect(live).toEqual(committed);
  });
});
