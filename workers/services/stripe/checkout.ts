import { formatMoney, isPayable, type Language } from '@clientele/core';
import {
  type CheckoutSessionRow,
  claimInvoiceCheckout,
  countInvoiceCheckoutSessions,
  getCheckoutSession,
  invoiceCheckoutSessions,
  markCheckoutExpired,
  releaseInvoiceCheckout,
  saveCheckoutSession,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { getDocumentFor } from '../documents/documents';
import { ConflictError, NotFoundError, say, UpstreamError, ValidationError } from '../errors';
import { errorText } from '../log';
import type { OnlinePayment } from '../payments/schema';
import { type ClientScope, clientDocument } from '../portal/documents';
import { readerLocale } from '../reader-language';
import { onAccount, type TenantStripe, tenantStripe } from './account';
import { type ChargeLimit, chargeLimit, toStripeAmount } from './amounts';
import { Stripe, stripeRefused } from './client';

export interface StartedCheckout {
  sessionId: string;
  clientSecret: string;
  publishableKey: string;
  /** For a Connect business: Stripe.js is initialised with `{ stripeAccount }`. */
  stripeAccount?: string;
}

/** A checkout whose payment is on its way (bank debit): paying again would pay twice. */
export const settling = (rows: CheckoutSessionRow[]) => rows.some((r) => r.state === 'processing');

/** How the client's last attempt ended, when it ended without paying (the portal says so). */
export function lastAttempt(rows: CheckoutSessionRow[]): 'failed' | 'expired' | null {
  const state = rows[0]?.state;
  return state === 'failed' || state === 'expired' ? state : null;
}

export function invoiceCheckouts(scope: ClientScope, invoiceId: string) {
  return invoiceCheckoutSessions(scope.ctx.db, scope.ctx.tenantId, invoiceId);
}

/**
 * Whether the amount due can be paid online at all: Stripe's decimals, and its minimum and
 * maximum charge for the currency. Checked before Stripe is called, and by the invoice page
 * (which then shows why instead of a button).
 */
export function onlineAmount(due: number, currency: string) {
  const amount = toStripeAmount(due, currency);
  if (!amount.ok) return amount;
  const limit = chargeLimit(amount.amount, currency);
  return limit ? { ok: false as const, limit } : amount;
}

function limitRefusal(limit: ChargeLimit, due: number, currency: string) {
  const money = (n: number) => formatMoney(n, currency, readerLocale());
  const why =
    limit.kind === 'below'
      ? say('belowStripeMinimum', money(due), money(limit.limit))
      : say('aboveStripeMaximum', money(due), money(limit.limit));
  return new ValidationError([{ path: 'amountDue', message: why }], why);
}

/** Keys in a fixed order at every depth: the same parameters always hash the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

async function paramsHash(params: Stripe.Checkout.SessionCreateParams) {
  const bytes = new TextEncoder().encode(JSON.stringify(canonical(params)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * "Pay now": an embedded Checkout Session for what is due, in the invoice's currency.
 *
 * An open session created with exactly the same parameters is handed back (a double click,
 * a reload). Anything else gets a new session: after a failed debit, an expired or a
 * completed session, or when the language, email or amount changed. Older open sessions are
 * expired first, so one invoice never has two payable sessions; one that already completed
 * cannot be expired, and then no new one is opened (its payment is arriving).
 *
 * The idempotency key is the attempt number and a hash of every parameter sent, so a
 * repeated request gets the same session and a key never meets other parameters.
 */
export async function startCheckout(
  scope: ClientScope,
  input: { invoiceId: string; email: string | null; language: Language; label: string },
): Promise<StartedCheckout> {
  const invoice = await clientDocument(scope, 'invoice', input.invoiceId);
  if (!invoice) throw new NotFoundError('invoice');
  const due = invoice.total - invoice.amountPaid;
  if (invoice.status === 'void') throw new ConflictError('voidCannotBePaid');
  if (!isPayable(invoice.status) || due <= 0) throw new ConflictError('alreadyPaid');
  const account = await tenantStripe(scope.ctx);
  if (!account) throw new ConflictError('noOnlinePayments');
  if (!account.chargesEnabled) throw new ConflictError('connectNotReady');
  return holdingInvoice(scope, invoice.id, () => openCheckout(scope, account, invoice, due, input));
}

type PortalInvoice = NonNullable<Awaited<ReturnType<typeof clientDocument>>>;

/**
 * How long one "Pay now" may hold its invoice: longer than its Stripe calls can take (an
 * expire, a retrieve and a create, each with the SDK's time-out and retry). A request that
 * finishes lets go at once.
 */
const CLAIM_MS = 120_000;
/** A request that finds the invoice held waits this long for it, a little at a time. */
const CLAIM_WAIT_MS = 5_000;
const CLAIM_POLL_MS = 200;

/**
 * Runs `work` while this request alone holds the invoice's "Pay now". A second request at
 * the same moment waits for the first, then sees the session it opened: the same
 * parameters get it back, other ones expire it first. Past the wait, a 409 asks to retry.
 */
async function holdingInvoice<T>(scope: ClientScope, invoiceId: string, work: () => Promise<T>): Promise<T> {
  const { db, tenantId } = scope.ctx;
  const token = crypto.randomUUID();
  const start = Date.now();
  // Wall-clock time, not the request's `now`: the claim is about this moment.
  while (
    !(await claimInvoiceCheckout(db, tenantId, invoiceId, token, new Date(), new Date(Date.now() + CLAIM_MS)))
  ) {
    if (Date.now() - start > CLAIM_WAIT_MS) throw new ConflictError('paymentBeingPrepared');
    await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
  }
  try {
    return await work();
  } finally {
    // A failed release must not replace the answer: the lease ends the claim anyway.
    await releaseInvoiceCheckout(db, tenantId, invoiceId, token).catch((err) =>
      scope.ctx.log.warn('checkout claim kept until its lease ends', {
        job: 'stripe-checkout',
        error: errorText(err),
      }),
    );
  }
}

async function openCheckout(
  scope: ClientScope,
  account: TenantStripe,
  invoice: PortalInvoice,
  due: number,
  input: { email: string | null; language: Language; label: string },
): Promise<StartedCheckout> {
  const rows = await invoiceCheckouts(scope, invoice.id);
  if (settling(rows)) throw new ConflictError('paymentProcessing');
  const amount = onlineAmount(due, invoice.currency);
  if (!amount.ok) {
    if ('limit' in amount) throw limitRefusal(amount.limit, due, invoice.currency);
    throw new ConflictError(amount.refusal);
  }
  const origin = new URL(scope.ctx.config.publicUrl).origin;
  const metadata = { tenantId: scope.ctx.tenantId, invoiceId: invoice.id, clientId: scope.clientId };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    ui_mode: 'embedded_page',
    locale: input.language,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: invoice.currency.toLowerCase(),
          unit_amount: amount.amount,
          product_data: { name: `${input.label} ${invoice.number ?? ''}`.trim() },
        },
      },
    ],
    ...(input.email ? { customer_email: input.email } : {}),
    metadata,
    payment_intent_data: { metadata },
    return_url: `${origin}/portal/invoices/${invoice.id}/payment?session_id={CHECKOUT_SESSION_ID}`,
  };
  const hash = await paramsHash(params);

  for (const row of rows.filter((r) => r.state === 'open')) {
    const reused = await settleOpenSession(scope, account, row, row.paramsHash === hash);
    if (reused) return { ...reused, ...payNowFor(account) };
  }

  const attempt = await countInvoiceCheckoutSessions(scope.ctx.db, scope.ctx.tenantId, invoice.id);
  let session: Stripe.Checkout.Session;
  try {
    session = await account.stripe.checkout.sessions.create(
      params,
      onAccount(account, { idempotencyKey: `checkout:${invoice.id}:${attempt}:${hash.slice(0, 48)}` }),
    );
  } catch (err) {
    // Our table of limits missed a case Stripe knows: still the client's clear 422, not a 502.
    if (err instanceof Stripe.errors.StripeError && /^amount_too_(small|large)$/.test(err.code ?? '')) {
      throw new ValidationError(
        [{ path: 'amountDue', message: 'stripeAmountRefused' }],
        'stripeAmountRefused',
      );
    }
    scope.ctx.log.warn('stripe checkout refused', {
      job: 'stripe-checkout',
      reason:
        err instanceof Stripe.errors.StripeError ? `${err.type} ${err.code ?? ''}`.trim() : 'unreachable',
    });
    throw new UpstreamError('stripeCheckoutFailed');
  }
  if (!session.client_secret) throw new UpstreamError('stripeNoCheckout');
  await saveCheckoutSession(
    scope.ctx.db,
    scope.ctx.tenantId,
    {
      id: session.id,
      invoiceId: invoice.id,
      clientId: scope.clientId,
      amount: due,
      currency: invoice.currency,
      paramsHash: hash,
    },
    scope.ctx.now,
  );
  // The business may have changed its Stripe connection while this session was being made:
  // the change expired every session it knew of, but not this one.
  const current = await tenantStripe(scope.ctx);
  if (
    current?.stripeAccount !== account.stripeAccount ||
    current?.publishableKey !== account.publishableKey
  ) {
    await account.stripe.checkout.sessions
      .expire(session.id, {}, onAccount(account))
      .catch((err) =>
        scope.ctx.log.warn('stripe session left open', { job: 'stripe-checkout', error: errorText(err) }),
      );
    await markCheckoutExpired(scope.ctx.db, scope.ctx.tenantId, session.id, scope.ctx.now);
    throw new ConflictError('paymentBeingPrepared');
  }
  return {
    sessionId: session.id,
    clientSecret: session.client_secret,
    ...payNowFor(account),
  };
}

/** What Stripe.js is started with: the publishable key, and the connected account if any. */
function payNowFor(account: TenantStripe) {
  return {
    publishableKey: account.publishableKey,
    ...(account.stripeAccount ? { stripeAccount: account.stripeAccount } : {}),
  };
}

/**
 * One session we still hold as open, asked about at Stripe: handed back when it is still
 * open with the same parameters, expired when it is open with other ones. One that
 * completed meanwhile stops everything: its payment is arriving.
 */
async function settleOpenSession(
  scope: ClientScope,
  account: TenantStripe,
  row: CheckoutSessionRow,
  same: boolean,
): Promise<{ sessionId: string; clientSecret: string } | null> {
  const { db, tenantId, now } = scope.ctx;
  let session: Stripe.Checkout.Session;
  try {
    session = same
      ? await account.stripe.checkout.sessions.retrieve(row.id, {}, onAccount(account))
      : await account.stripe.checkout.sessions.expire(row.id, {}, onAccount(account));
  } catch (err) {
    if (!stripeRefused(err, 400) && !stripeRefused(err, 404)) throw new UpstreamError('stripeCheckoutFailed');
    if (stripeRefused(err, 404)) {
      // Stripe no longer knows it (another account's key now): it can never be paid.
      await markCheckoutExpired(db, tenantId, row.id, now);
      return null;
    }
    // Only open sessions can be expired: find out what it became instead.
    try {
      session = await account.stripe.checkout.sessions.retrieve(row.id, {}, onAccount(account));
    } catch {
      throw new UpstreamError('stripeCheckoutFailed');
    }
  }
  if (session.status === 'complete') throw new ConflictError('paymentArriving');
  if (session.status === 'expired') {
    await markCheckoutExpired(db, tenantId, row.id, now);
    return null;
  }
  if (same && session.client_secret) return { sessionId: session.id, clientSecret: session.client_secret };
  if (same) {
    // Open, but without a secret to hand back: replace it like any other.
    return settleOpenSession(scope, account, row, false);
  }
  throw new UpstreamError('stripeCheckoutFailed');
}

/** Where a checkout of this client's invoice stands; only webhooks (or reconciliation) move it. */
export async function checkoutState(scope: ClientScope, invoiceId: string, sessionId: string) {
  const row = await getCheckoutSession(scope.ctx.db, scope.ctx.tenantId, sessionId);
  if (!row || row.clientId !== scope.clientId || row.invoiceId !== invoiceId) return undefined;
  return row.state;
}

/** Online payments of one invoice of this business (not found when it is not one). */
export async function invoiceOnlinePayments(ctx: TenantContext, invoiceId: string) {
  await getDocumentFor(ctx, 'invoice', invoiceId);
  return onlinePayments(ctx, invoiceId);
}

/** The invoice's Stripe checkouts for the business: processing, paid, failed, flagged. */
export async function onlinePayments(ctx: TenantContext, invoiceId: string): Promise<OnlinePayment[]> {
  const rows = await invoiceCheckoutSessions(ctx.db, ctx.tenantId, invoiceId);
  return rows.map((r) => ({
    id: r.id,
    invoiceId: r.invoiceId,
    state: r.state,
    amount: r.amount,
    currency: r.currency,
    paymentIntentId: r.paymentIntentId,
    paymentId: r.paymentId,
    problem: r.problem,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
