import { isLanguage } from '@clientele/core';
import {
  type Db,
  findClientsByEmail,
  findLinkByHash,
  getClient,
  getTenant,
  hitRateLimit,
  portalAccessOpen,
} from '@clientele/db';
import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sha256Hex } from '../../../services/auth/encoding';
import { queueClientEmail } from '../../../services/mail/outgoing';
import { inspectToken, signInWithLink, signOutPortal } from '../../../services/portal/links';
import {
  anonymousLanguage,
  LANGUAGE_COOKIE,
  type PortalContext,
  type PortalEnv,
  pickLanguage,
  SESSION_COOKIE,
  SignInLinkForm,
} from '../context';
import { Page } from '../layout';
import { PORTAL_MESSAGES } from '../messages';

const RESEND_WINDOW_MS = 3600_000;
/** A new link per old link per hour, and a few per address, whatever the answer says. */
const RESEND_PER_LINK = 1;
const RESEND_PER_IP = 10;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function unusable(c: PortalContext, reason: 'unknown' | 'expired' | 'revoked', status: 404 | 410) {
  const { lang, m } = c.var;
  return c.html(
    <Page lang={lang} m={m} title={m.linkUnusable[reason]} nonce={c.var.nonce} path={c.req.path}>
      <div class="card">
        <h1>{m.linkUnusable[reason]}</h1>
        <p class="muted">{m.askForNewLink}</p>
        {/* Offered for unknown links too, so the page never tells which links exist. */}
        <form method="post" action={`${c.req.path.replace(/\/resend$/, '')}/resend`}>
          <button type="submit">{m.emailNewLink}</button>
        </form>
      </div>
    </Page>,
    status,
  );
}

function tooMany(c: PortalContext, resetAt: Date, now: Date) {
  const { lang, m } = c.var;
  c.header('retry-after', String(Math.ceil((resetAt.getTime() - now.getTime()) / 1000)));
  return c.html(
    <Page lang={lang} m={m} title={m.tooMany} nonce={c.var.nonce} path="/portal">
      <div class="card">
        <p>{m.tooMany}</p>
      </div>
    </Page>,
    429,
  );
}

/** 429 once a requester (by address) has asked for too many links this hour, else null. */
async function limitRequester(c: PortalContext, db: Db, scope: 'resend' | 'signin', now: Date) {
  const ip = c.req.header('cf-connecting-ip') ?? 'local';
  const hit = await hitRateLimit(db, `portal-${scope}-ip:${ip}`, RESEND_WINDOW_MS, now);
  return hit.count > RESEND_PER_IP ? tooMany(c, hit.resetAt, now) : null;
}

/** True the first time `key` is seen in the current hour-long window. */
async function firstThisHour(db: Db, key: string, now: Date) {
  return (await hitRateLimit(db, key, RESEND_WINDOW_MS, now)).count <= RESEND_PER_LINK;
}

/** Queues a portal-link email to the client's address on file; one per `key` per hour. */
async function emailSignInLink(
  c: PortalContext,
  db: Db,
  to: { tenantId: string; clientId: string },
  key: string,
  now: Date,
) {
  await queueClientEmail(
    { db, tenantId: to.tenantId, now },
    c.env.EMAIL_QUEUE,
    { clientId: to.clientId, documentId: null, kind: 'portal_link' },
    `${key}:${Math.floor(now.getTime() / RESEND_WINDOW_MS)}`,
  );
}

/** Work done after the answer has gone: a failure is logged, never silent. */
async function afterAnswer(what: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (err) {
    console.error(
      JSON.stringify({
        level: 'error',
        what: `portal ${what} link`,
        message: String((err as Error)?.stack ?? err),
      }),
    );
  }
}

/** The same answer whatever happened, so nothing can be learned from it. */
function sentPage(c: PortalContext, title: string, text: string) {
  const { lang, m } = c.var;
  return c.html(
    <Page lang={lang} m={m} title={title} nonce={c.var.nonce} path="/portal">
      <div class="card">
        <p role="status">{text}</p>
      </div>
    </Page>,
    202,
  );
}

/** Sign-in by magic link, "email me a new link", sign-out and the language switcher. */
export function loginPages(portal: Hono<PortalEnv>) {
  // Mail scanners fetch links: GET only shows a button and changes nothing.
  portal.get('/login/:token', anonymousLanguage, async (c) => {
    const { db } = c.var;
    const state = await inspectToken(db, c.req.param('token'));
    if (!state.usable) return unusable(c, state.reason, state.reason === 'unknown' ? 404 : 410);
    const [tenant, client] = await Promise.all([
      getTenant(db, state.link.tenantId),
      getClient(db, state.link.tenantId, state.link.clientId),
    ]);
    const lang = pickLanguage(c, client?.language);
    const m = PORTAL_MESSAGES[lang];
    return c.html(
      <Page
        lang={lang}
        m={m}
        title={m.continueTitle}
        nonce={c.var.nonce}
        business={tenant?.name}
        path={c.req.path}
      >
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

  portal.post('/login/:token', anonymousLanguage, async (c) => {
    const result = await signInWithLink(c.var.db, c.req.param('token'));
    if (!result.usable) return unusable(c, result.reason, result.reason === 'unknown' ? 404 : 410);
    setCookie(c, SESSION_COOKIE, result.session, {
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/portal',
      expires: result.expiresAt,
    });
    return c.redirect('/portal', 303);
  });

  /**
   * "Email me a new link": goes only to the address on file for the link's client, and
   * answers the same words whether or not the link existed or anything was sent.
   */
  portal.post('/login/:token/resend', anonymousLanguage, async (c) => {
    const { m } = c.var;
    const { db } = c.var;
    const now = new Date();
    const limited = await limitRequester(c, db, 'resend', now);
    if (limited) return limited;
    const token = c.req.param('token');
    // After the answer, so a known link and an unknown one take the same time to answer.
    c.executionCtx.waitUntil(
      afterAnswer('resend', async () => {
        const link = TOKEN_SHAPE.test(token) ? await findLinkByHash(db, await sha256Hex(token)) : undefined;
        if (!link || !(await portalAccessOpen(db, link.tenantId, link.clientId))) return;
        if (await firstThisHour(db, `portal-resend-link:${link.id}`, now)) {
          await emailSignInLink(c, db, link, `portal-link:${link.id}`, now);
        }
      }),
    );
    return sentPage(c, m.emailNewLink, m.newLinkSent);
  });

  /**
   * "Email me a sign-in link" from the portal's front door: a link goes to each active
   * client with this address on file (in any business, each from its own business), at
   * most once an hour; the answer is the same whether or not the address is known.
   */
  portal.post('/signin', anonymousLanguage, async (c) => {
    const { m } = c.var;
    const { db } = c.var;
    const now = new Date();
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const limited = await limitRequester(c, db, 'signin', now);
    if (limited) return limited;
    // After the answer, so a known address and an unknown one take the same time to answer.
    c.executionCtx.waitUntil(
      afterAnswer('signin', async () => {
        // Hashed: the limits table never holds an address.
        if (
          !email.includes('@') ||
          !(await firstThisHour(db, `portal-signin-email:${await sha256Hex(email.toLowerCase())}`, now))
        ) {
          return;
        }
        for (const client of await findClientsByEmail(db, email)) {
          await emailSignInLink(
            c,
            db,
            { tenantId: client.tenantId, clientId: client.id },
            `portal-signin:${client.id}`,
            now,
          );
        }
      }),
    );
    return sentPage(c, m.sendSignInLink, m.signInLinkSent);
  });

  portal.post('/logout', anonymousLanguage, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await signOutPortal(c.var.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/portal', secure: true, httpOnly: true, sameSite: 'Lax' });
    const { lang, m } = c.var;
    return c.html(
      <Page lang={lang} m={m} title={m.signedOut} nonce={c.var.nonce} path="/portal">
        <div class="card">
          <h1>{m.signedOut}</h1>
          <p class="muted">{m.openLink}</p>
          <SignInLinkForm m={m} />
        </div>
      </Page>,
    );
  });

  portal.post('/language', async (c) => {
    const form = await c.req.parseBody();
    const lang = typeof form.lang === 'string' ? form.lang : '';
    const next = typeof form.next === 'string' ? form.next : '/portal';
    if (!isLanguage(lang)) return c.text('Unknown language', 400);
    setCookie(c, LANGUAGE_COOKIE, lang, {
      path: '/portal',
      secure: true,
      sameSite: 'Lax',
      maxAge: 365 * 24 * 3600,
    });
    // Only back into the portal: never an open redirect.
    const safe = /^\/portal(\/[\w\-/.]*)?(\?[\w=&%.-]*)?$/.test(next) ? next : '/portal';
    return c.redirect(safe, 303);
  });
}
