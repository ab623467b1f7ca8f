import { publicOrigin } from './public-url';

/**
 * CSRF: a cookie rides along with any cross-site request, so a write authenticated by it
 * must prove it came from the app itself. Browsers send `Origin` on every unsafe request
 * and `Sec-Fetch-Site` on every request: the browser's own `Sec-Fetch-Site` decides when
 * present, otherwise `Origin` must be ours.
 */
export function isSameOrigin(c: {
  req: { header(name: string): string | undefined; url: string };
  env: Pick<Env, 'PUBLIC_URL'>;
}): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return false;
  return origin === new URL(c.req.url).origin || origin === publicOrigin(c.env);
}
