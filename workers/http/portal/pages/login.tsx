import { isLanguage } from '@clientele/core';
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { errorText } from '../../../services/log';
import { signInWithLink, signOutPortal } from '../../../services/portal/links';
import {
  emailNewLinkFor,
  emailSignInLinksTo,
  linkConfirmation,
  requesterLimit,
} from '../../../services/portal/sign-in-links';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../session-cookies';
import {
  anonymousLanguage,
  LANGUAGE_COOKIE,
  type PortalContext,
  type PortalEnv,
  pickLanguage,
  SignInLinkForm,
} from '../context';
import { Page } from '../layout';
import { PORTAL_MESSAGES } from '../messages';

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
async function limitRequester(c: PortalContext, scope: 'resend' | 'signin', now: Date) {
  const resetAt = await requesterLimit(c.var.db, scope, c.req.header('cf-connecting-ip') ?? 'local', now);
  return resetAt ? tooMany(c, resetAt, now) : null;
}

/** Work done after the answer has gone: a failure is logged, never silent. */
async function afterAnswer(c: PortalContext, what: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (err) {
    c.var.ctx.log.error(`portal ${what} link failed`, { error: errorText(err) });
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
    const { state, businessName, clientLanguage } = await linkConfirmation(c.var.db, c.req.param('token'));
    if (!state.usable) return unusable(c, state.reason, state.reason === 'unknown' ? 404 : 410);
    const lang = pickLanguage(c, clientLanguage);
    const m = PORTAL_MESSAGES[lang];
    return c.html(
      <Page
        lang={lang}
        m={m}
        title={m.continueTitle}
        nonce={c.var.nonce}
        business={businessName}
        path={c.req.path}
      >
        <div class="card">
          <h1>{m.continueTitle}</h1>
          <p>{m.continueText(businessName ?? '')}</p>
          <form method="post">
            <button type="submit">{m.continueButton}</button>
          </form>
        </div>
      </Page>,
    );
  });

  portal.post('/login/:token', anonymousLanguage, async (c) => {
    const result = await signInWithLink(
      c.var.db,
      c.req.param('token'),
      new Date(),
      readSessionCookie(c, 'portal'),
    );
    if (!result.usable) return unusable(c, result.reason, result.reason === 'unknown' ? 404 : 410);
    writeSessionCookie(c, 'portal', result.session, result.expiresAt);
    return c.redirect('/portal', 303);
  });

  /**
   * "Email me a new link": goes only to the address on file for the link's client, and
   * answers the same words whether or not the link existed or anything was sent.
   */
  portal.post('/login/:token/resend', anonymousLanguage, async (c) => {
    const { m, ctx } = c.var;
    const { now } = ctx;
    const limited = await limitRequester(c, 'resend', now);
    if (limited) return limited;
    const token = c.req.param('token');
    // After the answer, so a known link and an unknown one take the same time to answer.
    c.executionCtx.waitUntil(afterAnswer(c, 'resend', () => emailNewLinkFor(ctx, token)));
    return sentPage(c, m.emailNewLink, m.newLinkSent);
  });

  /**
   * "Email me a sign-in link" from the portal's front door: a link goes to each active
   * client with this address on file (in any business, each from its own business), at
   * most once an hour; the answer is the same whether or not the address is known.
   */
  portal.post('/signin', anonymousLanguage, async (c) => {
    const { m, ctx } = c.var;
    const { now } = ctx;
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const limited = await limitRequester(c, 'signin', now);
    if (limited) return limited;
    // After the answer, so a known address and an unknown one take the same time to answer.
    c.executionCtx.waitUntil(afterAnswer(c, 'signin', () => emailSignInLinksTo(ctx, email)));
    return sentPage(c, m.sendSignInLink, m.signInLinkSent);
  });

  portal.post('/logout', anonymousLanguage, async (c) => {
    const token = readSessionCookie(c, 'portal');
    if (token) await signOutPortal(c.var.db, token);
    clearSessionCookie(c, 'portal');
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
