import { expect, it } from 'vitest';
import { type Caller, call, json, signUp } from './api';

export interface RouteUnderTest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Builds the path for a resource owned by `owner`, creating it if needed. */
  path: (owner: Caller) => Promise<string> | string;
  body?: unknown;
  /** False for collection routes, where another tenant simply sees its own data. */
  ownsResource?: boolean;
}

/**
 * The checks every authenticated route must pass, one line per route:
 * no credentials → 401, a bad or revoked key → 401, another tenant's id → 404
 * (never 403, which would confirm the id exists).
 */
export function runCommonRouteTests(name: string, route: RouteUnderTest) {
  const label = `${route.method} ${name}`;

  it(`${label}: no credentials → 401 problem+json`, async () => {
    const owner = await signUp();
    const res = await call(await route.path(owner), { method: route.method, body: route.body });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(res)).status).toBe(401);
  });

  it(`${label}: unknown API key or stale session → 401`, async () => {
    const owner = await signUp();
    const path = await route.path(owner);
    const badKey = await call(path, {
      method: route.method,
      body: route.body,
      headers: { authorization: 'Bearer ck_not-a-real-key' },
    });
    expect(badKey.status).toBe(401);
    const badCookie = await call(path, {
      method: route.method,
      body: route.body,
      headers: { cookie: 'clientele_admin_session=forged' },
    });
    expect(badCookie.status).toBe(401);
  });

  if (route.ownsResource !== false) {
    it(`${label}: another tenant's resource → 404`, async () => {
      const owner = await signUp();
      const intruder = await signUp();
      const path = await route.path(owner);
      const res = await call(path, { method: route.method, body: route.body, as: intruder });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    });
  }
}
