import { publicOrigin } from './public-url';

interface RequestFacts {
  req: { header(name: string): string | undefined; url: string };
  env: Pick<Env, 'PUBLIC_URL'>;
}

const isLoopback = (hostname: string) =>
  hostname === 'localhost' ||
  hostname.endsWith('.localhost') ||
  hostname === '[::1]' ||
  /^127(?:\.\d{1,3}){3}$/.test(hostname);

/**
 * Whether a browser's `Origin` is the product's own. Only `PUBLIC_URL` counts: the request's
 * URL is built from its `Host` header, which the sender chooses, so `Host: evil.example`
 * with `Origin: http://evil.example` must not pass. A development server whose PUBLIC_URL is
 * on loopback may also be opened by another loopback name or port (localhost vs 127.0.0.1);
 * the request must then itself be addressed to loopback, which a rebound DNS name is not.
 */
export function isAllowedOrigin(origin: string, c: RequestFacts): boolean {
  const configured = publicOrigin(c.env);
  if (origin === configured) return true;
  if (!isLoopback(new URL(configured).hostname)) return false;
  const own = new URL(c.req.url);
  return isLoopback(own.hostname) && origin === own.origin;
}

/**
 * CSRF: a cookie rides along with any cross-site request, so a write authenticated by it
 * must prove it came from the app itself. Browsers send `Origin` on every unsafe request
 * and `Sec-Fetch-Site` on every request. An `Origin` that is sent must be ours (whatever
 * `Sec-Fetch-Site` claims: under a rebound DNS name the browser calls evil.example
 * "same-origin"); without one, the browser's own `Sec-Fetch-Site` must say same-origin.
 */
export function isSameOrigin(c: RequestFacts): boolean {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if (origin) return isAllowedOrigin(origin, c) && (!site || site === 'same-origin');
  return site === 'same-origin';
}
