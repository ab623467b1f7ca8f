import { Hono } from 'hono';
import { database } from '../middleware/database';
import type { PortalEnv } from './context';
import { downloadPages } from './pages/downloads';
import { estimatePages } from './pages/estimates';
import { invoicePages } from './pages/invoices';
import { loginPages } from './pages/login';
import { statementPages } from './pages/statement';

/**
 * Client portal: server-rendered pages with one small nonce'd script (select-all).
 * Strict CSP, nothing may frame it, cookies scoped to /portal, and every query scoped
 * by the tenant and client of the session (see `requirePortal`).
 */
export function createPortal() {
  const portal = new Hono<PortalEnv>();

  portal.use('*', database());
  portal.use('*', async (c, next) => {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    c.set('nonce', nonce);
    // CSRF: only forms served from this origin may post (SameSite=Lax cookies are the
    // first line; this also covers the sign-in POST, which has no cookie yet).
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) return c.text('Forbidden', 403);
    }
    await next();
    c.res.headers.set(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.res.headers.set('x-content-type-options', 'nosniff');
    // Login URLs carry the token: never send them as a referrer to another site. (no-referrer
    // would also make browsers send "Origin: null" on our own form posts.)
    c.res.headers.set('referrer-policy', 'same-origin');
    c.res.headers.set('cache-control', 'private, no-store');
  });

  loginPages(portal);
  statementPages(portal);
  invoicePages(portal);
  estimatePages(portal);
  downloadPages(portal);
  return portal;
}
