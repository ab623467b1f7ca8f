import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { serverTiming } from '../middleware/context';
import { isAllowedOrigin } from '../same-origin';
import type { PortalEnv } from './context';
import { portalErrorPage, portalServerError } from './errors';
import { creditNotePages } from './pages/credit-notes';
import { downloadPages } from './pages/downloads';
import { estimatePages } from './pages/estimates';
import { invoicePages } from './pages/invoices';
import { loginPages } from './pages/login';
import { payPages } from './pages/pay';
import { statementPages } from './pages/statement';
import { ticketPages } from './pages/tickets';

/**
 * Client portal: server-rendered pages with one small nonce'd script (select-all).
 * Strict CSP, nothing may frame it, cookies scoped to /portal, and every query scoped
 * by the tenant and client of the session (see `requirePortal`).
 */
export function createPortal() {
  const portal = new Hono<PortalEnv>();

  portal.use('*', serverTiming());
  portal.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: [NONCE],
        scriptSrc: [NONCE],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: 'DENY',
      // Login URLs carry the token: never send them as a referrer to another site. (no-referrer
      // would also make browsers send "Origin: null" on our own form posts.)
      referrerPolicy: 'same-origin',
      // A page that needs more (Stripe's checkout) sets its own policy, built on the same nonce.
      overwrite: false,
    }),
  );
  portal.use('*', async (c, next) => {
    c.set('nonce', c.get('secureHeadersNonce') ?? '');
    await next();
    c.res.headers.set('cache-control', 'private, no-store');
  });
  // Only forms served from this origin may post (SameSite=Lax cookies are the first line;
  // this also covers the sign-in POST, which has no cookie yet). "This origin" is PUBLIC_URL's,
  // never the request's Host (see isAllowedOrigin).
  // An Origin that is sent decides alone, as in the API's guard (isSameOrigin).
  portal.use(
    '*',
    csrf({
      origin: (origin, c) => isAllowedOrigin(origin, c),
      secFetchSite: (site, c) => site === 'same-origin' && !c.req.header('origin'),
    }),
  );

  loginPages(portal);
  statementPages(portal);
  invoicePages(portal);
  creditNotePages(portal);
  payPages(portal);
  estimatePages(portal);
  downloadPages(portal);
  ticketPages(portal);
  // Anything else under /portal is a page that does not exist.
  portal.all('*', (c) => portalErrorPage(c, 404));
  portal.onError(portalServerError);
  return portal;
}
