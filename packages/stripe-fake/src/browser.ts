import type { CheckoutSession } from './objects';

/**
 * Stand-in for Stripe.js (`https://js.stripe.com/<release>/stripe.js`), which cannot load here. Today's
 * surface (Stripe.js "dahlia", 2026-03-25): `Stripe(pk).createEmbeddedCheckoutPage({
 * fetchClientSecret })` resolves to an instance with `mount()`, `unmount()` and `destroy()`,
 * drawing the stand-in's checkout page in an iframe. The old `initEmbeddedCheckout` throws
 * an `IntegrationError`, as Stripe.js does since the rename, so a page still calling it
 * fails here too. When the page reports completion it navigates to the session's return
 * URL, as embedded Checkout does.
 */
export const STRIPE_JS = `(() => {
  const origin = new URL(document.currentScript.src).origin;
  window.addEventListener('message', (e) => {
    if (e.origin === origin && e.data && e.data.type === 'fake-stripe:redirect') window.location.assign(e.data.url);
  });
  class IntegrationError extends Error {
    constructor(message) { super(message); this.name = 'IntegrationError'; this.type = 'IntegrationError'; }
  }
  window.Stripe = (publishableKey, stripeOptions) => {
    if (typeof publishableKey !== 'string' || !/^pk_(test|live)_/.test(publishableKey)) {
      throw new IntegrationError('Invalid value for Stripe(): apiKey should be a string of the form pk_test_… or pk_live_…');
    }
    let live = null;
    return {
      initEmbeddedCheckout() {
        throw new IntegrationError('stripe.initEmbeddedCheckout is no longer supported. Use stripe.createEmbeddedCheckoutPage instead.');
      },
      async createEmbeddedCheckoutPage(options) {
        if (!options || (typeof options.fetchClientSecret !== 'function' && typeof options.clientSecret !== 'string')) {
          throw new IntegrationError('Invalid value for createEmbeddedCheckoutPage(): fetchClientSecret should be a function.');
        }
        if (live) throw new IntegrationError('You cannot have multiple embedded checkout items on the same page.');
        const secret = options.fetchClientSecret ? await options.fetchClientSecret() : options.clientSecret;
        let frame = null;
        let destroyed = false;
        const instance = {
          mount(target) {
            if (destroyed) throw new IntegrationError('This embedded Checkout instance has been destroyed.');
            const el = typeof target === 'string' ? document.querySelector(target) : target;
            if (!el) throw new IntegrationError('The selector you specified (' + target + ') applies to no DOM elements.');
            frame = document.createElement('iframe');
            frame.title = 'Secure payment';
            frame.src = origin + '/embedded?client_secret=' + encodeURIComponent(secret) + '&key=' + encodeURIComponent(publishableKey) + '&account=' + encodeURIComponent((stripeOptions && stripeOptions.stripeAccount) || '');
            frame.style.width = '100%';
            frame.style.minHeight = '420px';
            frame.style.border = '0';
            el.appendChild(frame);
          },
          unmount() { if (frame) frame.remove(); frame = null; },
          destroy() { if (frame) frame.remove(); frame = null; destroyed = true; live = null; },
        };
        live = instance;
        return instance;
      },
    };
  };
})();
`;

const STRIPE_DECIMALS: Record<string, number> = {
  jpy: 0,
  krw: 0,
  vnd: 0,
  clp: 0,
  bhd: 3,
  kwd: 3,
  omr: 3,
  jod: 3,
  tnd: 3,
};

function money(amount: number, currency: string) {
  const digits = STRIPE_DECIMALS[currency] ?? 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / 10 ** digits,
  );
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The checkout form inside the iframe: test card, or a delayed method that stays "processing". */
export function checkoutPage(s: CheckoutSession) {
  const item = s.line_items_preview[0];
  const done = s.status !== 'open';
  const ended = s.status === 'expired' ? 'This checkout has expired.' : 'This checkout is complete.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (test mode)</title>
<style>body{font:15px system-ui,sans-serif;margin:0;padding:16px;color:#1a1f36}h1{font-size:18px}
.amount{font-size:28px;font-weight:600;margin:8px 0 16px}button{font:inherit;padding:10px 16px;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer;margin:4px 4px 4px 0}
button.alt{background:#e3e8ee;color:#1a1f36}.test{background:#fff4e5;color:#8a4b00;padding:4px 8px;border-radius:4px;font-size:12px;display:inline-block}</style></head>
<body><span class="test">TEST MODE · local Stripe stand-in</span>
<h1>${escapeHtml(item?.name ?? 'Payment')}</h1>
<p class="amount" data-amount>${money(s.amount_total, s.currency)}</p>
<p>${escapeHtml(s.customer_email ?? '')}</p>
${
  done
    ? `<p>${ended}</p>`
    : `<form method="post" action="/embedded/pay">
<input type="hidden" name="client_secret" value="${escapeHtml(s.client_secret)}">
<p>Card 4242 4242 4242 4242 · 12/34 · 123</p>
<button type="submit" name="outcome" value="paid">Pay ${money(s.amount_total, s.currency)}</button>
<button type="submit" name="outcome" value="unpaid" class="alt">Pay by bank debit (settles later)</button>
</form>`
}</body></html>`;
}

/** After paying: the parent page (our portal) is sent to the return URL. */
export function redirectPage(url: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Redirecting</title></head><body><p>Payment submitted. Returning to the merchant…</p>
<script>parent.postMessage({ type: 'fake-stripe:redirect', url: ${JSON.stringify(url)} }, '*');</script></body></html>`;
}
