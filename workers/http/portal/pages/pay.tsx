import { isPayable } from '@clientele/core';
import type { Hono } from 'hono';
import { DomainError, ForbiddenError } from '../../../services/errors';
import { clientDocument } from '../../../services/portal/documents';
import { inLanguage } from '../../../services/reader-language';
import { payNowKeys } from '../../../services/stripe/account';
import { checkoutState, onlineAmount, startCheckout } from '../../../services/stripe/checkout';
import { STRIPE_JS_URL } from '../../../services/stripe/client';
import { isSameOrigin } from '../../same-origin';
import { answersJson, notFound, type PortalEnv, requirePortal, signedInPage } from '../context';

/**
 * What Stripe's security guide lists for Stripe.js and Checkout
 * (docs.stripe.com/security/guide#content-security-policy), in every environment; a local
 * run adds the stand-in's origin, which serves its Stripe.js and checkout frame.
 */
export function stripeOrigins(env: Pick<Env, 'STRIPE_JS_URL'>) {
  const local = env.STRIPE_JS_URL ? [new URL(env.STRIPE_JS_URL).origin] : [];
  return {
    script: [
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://checkout.stripe.com',
      'https://maps.googleapis.com',
      ...local,
    ],
    frame: [
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://hooks.stripe.com',
      'https://checkout.stripe.com',
      ...local,
    ],
    connect: [
      'https://api.stripe.com',
      'https://checkout.stripe.com',
      'https://maps.googleapis.com',
      ...local,
    ],
    img: ['https://*.stripe.com', ...local],
  };
}

/** The portal's policy, opened only for Stripe's origins and only on the payment page. */
function paymentPagePolicy(env: Env, nonce: string) {
  const o = stripeOrigins(env);
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}' ${o.script.join(' ')}`,
    `frame-src ${o.frame.join(' ')}`,
    `connect-src 'self' ${o.connect.join(' ')}`,
    `img-src 'self' ${o.img.join(' ')}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const MOUNT_CHECKOUT = `(async () => {
  const box = document.getElementById('checkout');
  const status = document.getElementById('pay-status');
  // Why the server refused (below the minimum, a payment arriving), in the client's language.
  let refusal = '';
  try {
    const stripe = Stripe(box.dataset.key, box.dataset.account ? { stripeAccount: box.dataset.account } : undefined);
    const checkout = await stripe.createEmbeddedCheckoutPage({
      fetchClientSecret: async () => {
        const res = await fetch(box.dataset.endpoint, { method: 'POST', headers: { accept: 'application/json' } });
        if (!res.ok) {
          const problem = await res.json().catch(() => null);
          refusal = problem && typeof problem.detail === 'string' ? problem.detail : '';
          throw new Error(String(res.status));
        }
        return (await res.json()).clientSecret;
      },
    });
    status.hidden = true;
    checkout.mount('#checkout');
  } catch {
    status.textContent = refusal || box.dataset.failed;
    status.className = 'danger';
  }
})();`;

/** Polls the small status endpoint; the page itself says "paid" only once the server knows. */
const WAIT_FOR_WEBHOOK = `(() => {
  const el = document.querySelector('[data-payment-state]');
  const started = Date.now();
  const tick = async () => {
    try {
      const res = await fetch(el.dataset.statusUrl, { headers: { accept: 'application/json' } });
      const body = res.ok ? await res.json() : null;
      if (body && body.state !== 'open') return location.reload();
    } catch {}
    if (Date.now() - started > 120000) { el.textContent = el.dataset.stillWaiting; return; }
    setTimeout(tick, 1500);
  };
  setTimeout(tick, 1000);
})();`;

/** "Pay now" (embedded Stripe Checkout), the session endpoint, and the return page. */
export function payPages(portal: Hono<PortalEnv>) {
  portal.get('/invoices/:id/pay', requirePortal, async (c) => {
    const { m, portal: p } = c.var;
    const row = await clientDocument(p, 'invoice', c.req.param('id'));
    if (!row) return notFound(c);
    const keys = await payNowKeys(p.ctx);
    const due = row.total - row.amountPaid;
    if (!keys || !isPayable(row.status) || due <= 0 || !onlineAmount(due, row.currency).ok) {
      return c.redirect(`/portal/invoices/${row.id}`, 303);
    }
    c.header('content-security-policy', paymentPagePolicy(c.env, c.var.nonce));
    // Wallets and bank redirects open pop-ups that must be able to report back to this page.
    c.header('cross-origin-opener-policy', 'same-origin-allow-popups');
    const title = m.payTitle(row.number ?? '');
    return signedInPage(
      c,
      { title, section: 'invoices', script: MOUNT_CHECKOUT, externalScript: stripeJsUrl(c.env) },
      <>
        <p>
          <a href={`/portal/invoices/${row.id}`}>
            ← {m.invoice} {row.number}
          </a>
        </p>
        <h1>{title}</h1>
        <p id="pay-status" class="muted" role="status">
          {m.payLoading}
        </p>
        <noscript>
          <p>{m.payNeedsScript}</p>
        </noscript>
        <div
          id="checkout"
          data-key={keys.publishableKey}
          data-account={keys.stripeAccount}
          data-endpoint={`/portal/invoices/${row.id}/pay`}
          data-failed={m.payStartFailed}
        />
        <p class="muted">{m.payBy}</p>
      </>,
    );
  });

  portal.post('/invoices/:id/pay', answersJson, requirePortal, async (c) => {
    // The pay call comes from our own page's script: refuse anything another site could send.
    if (!isSameOrigin(c)) throw new ForbiddenError('paymentsFromPortal');
    const { lang, m, portal: p } = c.var;
    // A refusal (an amount below Stripe's minimum) is read by the client: in their language.
    const started = await inLanguage(lang, () =>
      startCheckout(p, {
        invoiceId: c.req.param('id'),
        email: p.client.email,
        language: lang,
        label: m.invoice,
      }),
    );
    return c.json(started, 200);
  });

  portal.get('/invoices/:id/payment-status', answersJson, requirePortal, async (c) => {
    const state = await checkoutState(c.var.portal, c.req.param('id'), c.req.query('session_id') ?? '');
    if (!state) throw new DomainError(404, 'noSuchPayment');
    return c.json({ state }, 200);
  });

  portal.get('/invoices/:id/payment', requirePortal, async (c) => {
    const { m, portal: p } = c.var;
    const invoiceId = c.req.param('id');
    const sessionId = c.req.query('session_id') ?? '';
    const state = await checkoutState(p, invoiceId, sessionId);
    if (!state) return notFound(c);
    const text = {
      open: m.paymentProcessing,
      processing: m.paymentSettling,
      paid: m.paymentReceived,
      failed: m.paymentFailed,
      expired: m.paymentExpired,
      mismatch: m.paymentReview(p.tenant.name),
    }[state];
    const statusUrl = `/portal/invoices/${invoiceId}/payment-status?session_id=${encodeURIComponent(sessionId)}`;
    return signedInPage(
      c,
      { title: text, section: 'invoices', script: state === 'open' ? WAIT_FOR_WEBHOOK : undefined },
      <div class="card">
        <h1
          role="status"
          class={state === 'paid' ? 'ok' : state === 'failed' ? 'danger' : undefined}
          data-payment-state={state}
          data-status-url={statusUrl}
          data-still-waiting={m.paymentStillWaiting}
        >
          {text}
        </h1>
        <p class="actions">
          <a class="button secondary" href={`/portal/invoices/${invoiceId}`}>
            {m.invoice}
          </a>
          {state === 'failed' || state === 'expired' ? (
            <a class="button" href={`/portal/invoices/${invoiceId}/pay`}>
              {m.payNow}
            </a>
          ) : null}
        </p>
      </div>,
    );
  });
}

const stripeJsUrl = (env: Env) => env.STRIPE_JS_URL ?? STRIPE_JS_URL;
