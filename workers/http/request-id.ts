import { createMiddleware } from 'hono/factory';

/**
 * cf-ray names the request in Cloudflare's own logs, so a support question quoting it
 * finds both; local and test requests get a random id.
 */
export function newRequestId(cfRay: string | undefined): string {
  return cfRay && /^[0-9A-Za-z-]{1,64}$/.test(cfRay) ? cfRay : crypto.randomUUID();
}

/** Names every request once, before anything can fail or log. */
export const requestId = () =>
  createMiddleware<{ Variables: { requestId: string } }>(async function requestId(c, next) {
    c.set('requestId', newRequestId(c.req.header('cf-ray')));
    await next();
  });
