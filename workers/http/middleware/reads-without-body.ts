import { createMiddleware } from 'hono/factory';

const NO_BODY = new Set(['GET', 'HEAD']);

/**
 * A GET or HEAD has no body, but a client can still announce one (`Transfer-Encoding:
 * chunked`), and the runtime then hands over a body stream. Anything that copies such a
 * request (Hono's body limit does) throws "Request with a GET or HEAD method cannot have
 * a body". The announced body is dropped here, once, before any route sees the request.
 */
export const readsWithoutBody = () =>
  createMiddleware(async function readsWithoutBody(c, next) {
    const req = c.req.raw;
    if (NO_BODY.has(req.method) && req.body !== null) {
      const headers = new Headers(req.headers);
      headers.delete('transfer-encoding');
      headers.delete('content-length');
      c.req.raw = new Request(req.url, { method: req.method, headers, redirect: req.redirect, cf: req.cf });
    }
    await next();
  });
