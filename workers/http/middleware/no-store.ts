import { createMiddleware } from 'hono/factory';

/**
 * API answers are private and change with every write: no cache (browser, proxy or
 * CDN) may keep them, and no browser may guess a type other than the one declared.
 * Set after the handler, errors included; a route that sets its own cache policy
 * (the logo) keeps it.
 */
export const noStore = () =>
  createMiddleware(async function noStore(c, next) {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('x-content-type-options', 'nosniff');
  });
