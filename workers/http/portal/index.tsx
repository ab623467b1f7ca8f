import { formatMoney, getClient, getTenant, portalInvoices } from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';
import { localeOf } from '@clientele/pdf';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { summaryOf } from '../../services/clients/summary';
import { isOverdue } from '../../services/documents/view';
import {
  inspectToken,
  resolvePortalSession,
  signInWithLink,
  signOutPortal,
} from '../../services/portal/links';
import { isLanguage, type Language } from '../../services/reference/iso';
import { Page } from './layout';
import { PORTAL_MESSAGES } from './messages';

const COOKIE = 'clientele_portal';

type PortalEnv = { Bindings: Env; Variables: { nonce: string } };

/** The client's language if known, else the browser's, else English. */
function pickLanguage(c: Context, preferred?: string | null): Language {
  if (isLanguage(preferred)) return preferred;
  const header = c.req.header('accept-language') ?? '';
  for (const part of header.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'en';
}

/**
 * Client portal: server-rendered pages, no script. Strict CSP (styles by nonce only,
 * nothing may frame it), and the session cookie is scoped to /portal.
 */
export function createPortal() {
  const portal = new Hono<PortalEnv>();

  portal.use('*', async (c, next) => {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    c.set('nonce', nonce);
    await next();
    c.res.headers.set(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.res.headers.set('x-content-type-options', 'nosniff');
    // Login URLs carry the token: never send them as a referrer to another site. (no-referrer
    // would also make browsers send "Origin: null" on our own form posts.)
    c.res.headers.set('referrer-policy', 'same-origin');
    c.res.headers.set('cache-control', 'private, no-store');
  });

  const unusable = async (
    c: Context<PortalEnv>,
    reason: 'unknown' | 'expired' | 'revoked',
    status: 404 | 410,
  ) => {
    const lang = pickLanguage(c);
    const m = PORTAL_MESSAGES[lang];
    return c.html(
      <Page lang={lang} title={m.linkUnusable[reason]} nonce={c.var.nonce}>
        <div class="card">
          <h1>{m.linkUnusable[reason]}</h1>
          <p class="muted">{m.askBusiness('')}</p>
        </div>
      </Page>,
      status,
    );
  };

  // Mail scanners fetch links: GET only shows a button and changes nothing.
  portal.get('/login/:token', async (c) => {
    const db = createD1Db(c.env.DB);
    const state = await inspectToken(db, c.req.param('token'));
    if (!state.usable) return unusable(c, state.reason, state.reason === 'unknown' ? 404 : 410);
    const [tenant, client] = await Promise.all([
      getTenant(db, state.link.tenantId),
      getClient(db, state.link.tenantId, state.link.clientId),
    ]);
    const lang = pickLanguage(c, client?.language);
    const m = PORTAL_MESSAGES[lang];
    return c.html(
      <Page lang={lang} title={m.continueTitle} nonce={c.var.nonce} business={tenant?.name}>
        <div class="card">
          <h1>{m.continueTitle}</h1>
          <p>{m.continueText(tenant?.name ?? '')}</p>
          <form method="post">
            <button type="submit">{m.continueButton}</button>
          </form>
        </div>
      </Page>,
    );
  });

  portal.post('/login/:token', async (c) => {
    // Login CSRF: only a form served from this origin may sign a browser in.
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) return c.text('Forbidden', 403);
    const db = createD1Db(c.env.DB);
    const result = await signInWithLink(db, c.req.param('token'));
    if (!result.usable) return unusable(c, result.reason, result.reason === 'unknown' ? 404 : 410);
    setCookie(c, COOKIE, result.session, {
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/portal',
      expires: result.expiresAt,
    });
    return c.redirect('/portal', 303);
  });

  portal.post('/logout', async (c) => {
    const token = getCookie(c, COOKIE);
    if (token) await signOutPortal(createD1Db(c.env.DB), token);
    deleteCookie(c, COOKIE, { path: '/portal', secure: true, httpOnly: true, sameSite: 'Lax' });
    const lang = pickLanguage(c);
    return c.html(
      <Page lang={lang} title={PORTAL_MESSAGES[lang].signedOut} nonce={c.var.nonce}>
        <div class="card">
          <h1>{PORTAL_MESSAGES[lang].signedOut}</h1>
          <p class="muted">{PORTAL_MESSAGES[lang].openLink}</p>
        </div>
      </Page>,
    );
  });

  portal.get('/', async (c) => {
    const db = createD1Db(c.env.DB);
    const token = getCookie(c, COOKIE);
    const session = token ? await resolvePortalSession(db, token) : undefined;
    if (!session) {
      const lang = pickLanguage(c);
      return c.html(
        <Page lang={lang} title={PORTAL_MESSAGES[lang].continueTitle} nonce={c.var.nonce}>
          <div class="card">
            <p>{PORTAL_MESSAGES[lang].openLink}</p>
          </div>
        </Page>,
        401,
      );
    }
    const ctx = { db, tenantId: session.tenantId, now: new Date() };
    const [tenant, client, summary] = await Promise.all([
      getTenant(db, session.tenantId),
      getClient(db, session.tenantId, session.clientId),
      summaryOf(ctx, session.clientId),
    ]);
    const lang = pickLanguage(c, client?.language);
    const m = PORTAL_MESSAGES[lang];
    const money = (n: number, cur: string) => formatMoney(n, cur, localeOf(lang));
    return c.html(
      <Page
        lang={lang}
        title={`${m.statement} — ${tenant?.name ?? ''}`}
        nonce={c.var.nonce}
        business={tenant?.name}
        signOut={m.signOut}
      >
        <h1>{m.statement}</h1>
        <p class="muted">{client?.name}</p>
        <p>
          <a href="/portal/invoices">{m.invoices}</a>
        </p>
        {summary.currencies.length === 0 ? <p>{m.nothingYet}</p> : null}
        <div class="cards">
          {summary.currencies.map((x) => (
            <section class="card" data-currency={x.currency}>
              <h2>{x.currency}</h2>
              <dl>
                <dt>{m.totalInvoiced}</dt>
                <dd>{money(x.totalInvoiced, x.currency)}</dd>
                <dt>{m.totalPaid}</dt>
                <dd>{money(x.totalPaid, x.currency)}</dd>
                <dt>{m.totalOwed}</dt>
                <dd>
                  <strong>{money(x.outstanding, x.currency)}</strong>
                </dd>
                <dt>{m.overdue}</dt>
                <dd class={x.overdue ? 'danger' : ''}>{money(x.overdue, x.currency)}</dd>
              </dl>
            </section>
          ))}
        </div>
      </Page>,
    );
  });

  portal.get('/invoices', async (c) => {
    const db = createD1Db(c.env.DB);
    const token = getCookie(c, COOKIE);
    const session = token ? await resolvePortalSession(db, token) : undefined;
    if (!session) return c.redirect('/portal', 303);
    const sort = c.req.query('sort') === 'status' ? 'status' : 'date';
    const order = c.req.query('order') === 'asc' ? 'asc' : 'desc';
    const statusParam = c.req.query('status');
    const status =
      statusParam && ['sent', 'viewed', 'partial', 'paid', 'void', 'overdue'].includes(statusParam)
        ? statusParam
        : undefined;
    const page = Math.max(1, Math.min(1000, Number(c.req.query('page')) || 1));
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const [tenant, client, result] = await Promise.all([
      getTenant(db, session.tenantId),
      getClient(db, session.tenantId, session.clientId),
      portalInvoices(db, session.tenantId, session.clientId, {
        sort,
        order,
        status,
        page,
        pageSize: 25,
        today,
      }),
    ]);
    const lang = pickLanguage(c, client?.language);
    const m = PORTAL_MESSAGES[lang];
    const money = (n: number, cur: string) => formatMoney(n, cur, localeOf(lang));
    const link = (p: Record<string, string | number | undefined>) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries({ sort, order, status, page: 1, ...p }))
        if (v !== undefined) q.set(k, String(v));
      return `/portal/invoices?${q}`;
    };
    const flip = (key: 'date' | 'status') =>
      link({ sort: key, order: sort === key && order === 'desc' ? 'asc' : 'desc' });
    return c.html(
      <Page lang={lang} title={m.invoices} nonce={c.var.nonce} business={tenant?.name} signOut={m.signOut}>
        <h1>{m.invoices}</h1>
        <p>
          <a href={link({ status: undefined })}>{m.allStatuses}</a>
          {(['sent', 'partial', 'paid', 'overdue'] as const).map((s) => (
            <>
              {' · '}
              <a href={link({ status: s })} aria-current={status === s ? 'true' : undefined}>
                {m.statusName[s]}
              </a>
            </>
          ))}
        </p>
        <div class="card">
          <table>
            <thead>
              <tr>
                <th>{m.number}</th>
                <th>
                  <a href={flip('date')}>{m.issued}</a>
                </th>
                <th>
                  <a href={flip('status')}>{m.status}</a>
                </th>
                <th>{m.total}</th>
                <th>{m.amountDue}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => {
                const overdue = isOverdue(r, today);
                return (
                  <tr data-invoice={r.number ?? ''}>
                    <td>{r.number}</td>
                    <td>{r.issueDate}</td>
                    <td class={overdue ? 'danger' : ''}>
                      {overdue ? m.statusName.overdue : m.statusName[r.status as 'sent']}
                    </td>
                    <td>{money(r.total, r.currency)}</td>
                    <td>{money(r.status === 'void' ? 0 : r.total - r.amountPaid, r.currency)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.rows.length === 0 ? <p class="muted">{m.nothingYet}</p> : null}
        </div>
        <p>
          {page > 1 ? <a href={link({ page: page - 1 })}>{m.previous}</a> : null}
          {result.hasMore ? <a href={link({ page: page + 1 })}> {m.next}</a> : null}
        </p>
      </Page>,
    );
  });

  return portal;
}
