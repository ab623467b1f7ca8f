import { HTTPException } from 'hono/http-exception';
import { asDomainError } from '../../services/errors';
import { logServerError, renderError } from '../problem';
import { notFound, type PortalContext, pickLanguage } from './context';
import { Page } from './layout';
import { PORTAL_MESSAGES } from './messages';

/**
 * The portal's own error pages: a person reads them, so they are HTML in the portal's
 * shell and language, never the API's problem+json. 404 for an address that leads
 * nowhere, 500 (logged, nothing internal shown) when something broke.
 */
export function portalErrorPage(c: PortalContext, status: 404 | 500) {
  const lang = pickLanguage(c);
  const m = PORTAL_MESSAGES[lang];
  const text = status === 404 ? m.pageNotFound : m.somethingWrong;
  return c.html(
    <Page lang={lang} m={m} title={text} nonce={c.var.nonce} path="/portal">
      <div class="card">
        <h1>{text}</h1>
        <a href="/portal">{m.statement}</a>
      </div>
    </Page>,
    status,
  );
}

/**
 * Failures a page reports on purpose (a refused JSON download, a limit) keep their
 * status and become problem+json, as do all refusals of an endpoint that answers JSON;
 * a page that is not there is the 404 page; anything unexpected is logged and becomes
 * the 500 page.
 */
export function portalServerError(err: Error, c: PortalContext) {
  const refused = asDomainError(err);
  if (c.var.answersJson && refused) return renderError(refused, c);
  // A signed-in client reaching something not theirs reads the same "not available" page as
  // for any other document; anyone else, 404.
  if (refused?.status === 404) return c.var.portal ? notFound(c) : portalErrorPage(c, 404);
  if (err instanceof HTTPException && err.res) return err.getResponse();
  if (refused || err instanceof HTTPException) return renderError(err, c);
  logServerError(c, err);
  return portalErrorPage(c, 500);
}
