import { isLanguage, type Language } from '@clientele/core';
import type { Client, Db, Tenant } from '@clientele/db';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { forTenant, type TenantContext } from '../../services/context';
import { resolvePortalSession } from '../../services/portal/links';
import { headerLanguage } from '../accept-language';
import type { ContextVariables } from '../middleware/context';
import { readSessionCookie } from '../session-cookies';
import { Page, type Section } from './layout';
import { PORTAL_MESSAGES, type PortalMessages } from './messages';

/** The language the client picked with the switcher; wins over everything else. */
export const LANGUAGE_COOKIE = 'clientele_lang';

/** Who is signed in: one client of one business, and everything read for them. */
export interface PortalSession {
  db: Db;
  ctx: TenantContext;
  clientId: string;
  tenant: Tenant;
  client: Client;
}

export type PortalEnv = {
  Bindings: Env;
  Variables: ContextVariables & {
    /** Set on endpoints that answer scripts in JSON: their refusals are problem+json, not pages. */
    answersJson?: boolean;
    nonce: string;
    lang: Language;
    m: PortalMessages;
    portal: PortalSession;
  };
};
export type PortalContext = Context<PortalEnv>;

/** Switcher choice, else the client's language, else the browser's, else English. */
export function pickLanguage(c: Context, preferred?: string | null): Language {
  const chosen = getCookie(c, LANGUAGE_COOKIE);
  if (isLanguage(chosen)) return chosen;
  if (isLanguage(preferred)) return preferred;
  return headerLanguage(c);
}

/** For endpoints a script calls: refusals come back as problem+json (see `portalServerError`). */
export const answersJson: MiddlewareHandler<PortalEnv> = async function answersJson(c, next) {
  c.set('answersJson', true);
  await next();
};

/** Sets the language for pages that have no session (sign-in, errors). */
export const anonymousLanguage: MiddlewareHandler<PortalEnv> = async (c, next) => {
  readIn(c, pickLanguage(c));
  await next();
};

/** The portal's reader: the request's context, its words and the page's lang all agree. */
function readIn(c: PortalContext, lang: Language) {
  c.set('ctx', { ...c.var.ctx, language: lang });
  c.set('lang', lang);
  c.set('m', PORTAL_MESSAGES[lang]);
}

/**
 * Every signed-in page: the session cookie names exactly one client of one business,
 * and every later query is scoped by both. No session → the "open your link" page.
 */
export const requirePortal: MiddlewareHandler<PortalEnv> = async (c, next) => {
  const { db } = c.var;
  const token = readSessionCookie(c, 'portal');
  const found = token ? await resolvePortalSession(db, token) : undefined;
  if (!found) {
    if (c.req.method === 'GET' && c.req.path !== '/portal' && c.req.path !== '/portal/')
      return c.redirect('/portal', 303);
    const lang = pickLanguage(c);
    readIn(c, lang);
    const m = PORTAL_MESSAGES[lang];
    return c.html(
      <Page lang={lang} title={m.continueTitle} nonce={c.var.nonce} path={c.req.path}>
        <div class="card">
          <p>{m.openLink}</p>
          <SignInLinkForm m={m} />
        </div>
      </Page>,
      401,
    );
  }
  const { session, tenant, client } = found;
  readIn(c, pickLanguage(c, client.language));
  c.set('portal', {
    db,
    // The client is who the audit log names for what they do here (an estimate answered).
    ctx: forTenant(c.var.ctx, session.tenantId, c.var.ctx.now, {
      type: 'client',
      id: client.id,
      name: client.name,
      ip: c.req.header('cf-connecting-ip') ?? null,
    }),
    clientId: session.clientId,
    tenant,
    client,
  });
  await next();
};

/** Another client's document, a draft, or nothing at all: one answer for all three. */
export function notFound(c: PortalContext) {
  const { lang, m } = c.var;
  return c.html(
    <Page lang={lang} m={m} title={m.notFound} nonce={c.var.nonce} path="/portal" section="statement">
      <div class="card">
        <p>{m.notFound}</p>
        <a href="/portal">{m.statement}</a>
      </div>
    </Page>,
    404,
  );
}

/** A signed-in page: branding, navigation and language all come from the session. */
export function signedInPage(
  c: PortalContext,
  props: {
    title: string;
    section: Section;
    path?: string;
    script?: string | undefined;
    externalScript?: string | undefined;
  },
  body: Child,
  status: 200 | 400 | 429 = 200,
) {
  const { lang, m, portal: p } = c.var;
  return c.html(
    <Page
      lang={lang}
      m={m}
      title={props.title}
      nonce={c.var.nonce}
      business={p.tenant.name}
      logo={Boolean(p.tenant.logoKey)}
      section={props.section}
      path={props.path ?? c.req.path}
      script={props.script}
      externalScript={props.externalScript}
    >
      {body}
    </Page>,
    status,
  );
}

/** "Email me a sign-in link": for clients who reach the portal without their email's link. */
export function SignInLinkForm({ m }: { m: PortalMessages }) {
  return (
    <form method="post" action="/portal/signin">
      <p>
        <label>
          {m.yourEmail}
          <br />
          <input type="email" name="email" required autocomplete="email" maxlength={254} />
        </label>
      </p>
      <button type="submit">{m.sendSignInLink}</button>
    </form>
  );
}
