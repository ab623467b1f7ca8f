import qs from 'qs';
import { settle } from './account';
import {
  type CheckoutSession,
  MINIMUM_CHARGE,
  maximumCharge,
  publicSession,
  stripeError,
  stripeId,
} from './objects';
import { applyOverride, type CompleteOverride, renderedFor } from './rendering';
import type { Account, Answer, Emit, SignedEvent } from './types';

type Refusal = ReturnType<typeof stripeError>;

/**
 * `POST /v1/checkout/sessions` as Stripe validates it: the refusals the product can meet
 * (no mode, a bad line, three-decimal steps, below the currency's minimum or above eight
 * digits, embedded without a return URL), then the new open session.
 */
export function newSession(
  body: Record<string, unknown>,
  created: number,
): { ok: true; session: CheckoutSession } | { ok: false; refusal: Refusal } {
  const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });
  type Line = {
    price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
    quantity?: string;
  };
  const lines = (body.line_items as Line[] | undefined) ?? [];
  const line = lines[0];
  const currency = line?.price_data?.currency;
  const unit = Number(line?.price_data?.unit_amount);
  if (body.mode !== 'payment')
    return refuse(stripeError(400, 'Missing required param: mode.', { param: 'mode' }));
  if (!currency || !Number.isInteger(unit) || unit <= 0) {
    return refuse(
      stripeError(400, 'Invalid line_items[0][price_data]', { param: 'line_items[0][price_data]' }),
    );
  }
  if (['bhd', 'jod', 'kwd', 'omr', 'tnd'].includes(currency) && unit % 10 !== 0) {
    return refuse(
      stripeError(400, 'Amounts in three-decimal currencies must end in 0.', {
        param: 'line_items[0][price_data][unit_amount]',
      }),
    );
  }
  const quantity = Number(line?.quantity ?? 1);
  const total = unit * quantity;
  const min = MINIMUM_CHARGE[currency];
  if (min !== undefined && total < min) {
    return refuse(
      stripeError(
        400,
        `The Checkout Session's total amount due must add up to at least ${min} ${currency} (in the currency's smallest unit).`,
        { code: 'amount_too_small' },
      ),
    );
  }
  if (total > maximumCharge(currency)) {
    return refuse(
      stripeError(400, `Amount must be no more than ${maximumCharge(currency)} ${currency}.`, {
        code: 'amount_too_large',
      }),
    );
  }
  const uiMode = String(body.ui_mode ?? 'hosted_page');
  if (uiMode === 'embedded_page' && !body.return_url) {
    return refuse(
      stripeError(400, 'return_url is required for ui_mode embedded_page', { param: 'return_url' }),
    );
  }
  const id = stripeId('cs_test');
  return {
    ok: true,
    session: {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      client_secret: `${id}_secret_${stripeId('x').slice(2)}`,
      created,
      currency,
      customer_email: (body.customer_email as string | undefined) ?? null,
      customer_details: null,
      expires_at: created + 24 * 3600,
      livemode: false,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      return_url: (body.return_url as string | undefined) ?? null,
      status: 'open',
      ui_mode: uiMode,
      url: null,
      line_items_preview: [{ name: line?.price_data?.product_data?.name ?? '', quantity, unit_amount: unit }],
      payment_intent_metadata:
        (body.payment_intent_data as { metadata?: Record<string, string> } | undefined)?.metadata ?? {},
    },
  };
}

export type Outcome = 'paid' | 'unpaid' | 'async_succeeded' | 'async_failed';

const missing = (id: string) =>
  stripeError(404, `No such checkout.session: '${id}'`, { code: 'resource_missing', param: 'session' });

/**
 * The stand-in's Checkout Sessions on every account: created, read, listed and expired
 * through the API, completed by the embedded page or a control, each step an event; their
 * PaymentIntents read back (`GET /v1/payment_intents/:id`).
 */
export function checkoutSessions({ emit, clock }: { emit: Emit; clock: () => number }) {
  /** Which account holds each session: the embedded page and the controls find it by id. */
  const owner = new Map<string, Account>();

  function find(id: string) {
    const a = owner.get(id);
    const s = a?.sessions.get(id);
    return a && s ? { a, s } : undefined;
  }

  /** The session a client secret belongs to (the embedded page's only credential). */
  function bySecret(secret: string) {
    const found = find(secret.split('_secret_')[0] ?? '');
    return found && found.s.client_secret === secret ? found : undefined;
  }

  function complete(
    a: Account,
    s: CheckoutSession,
    outcome: Outcome,
    override: CompleteOverride,
  ): Promise<SignedEvent> {
    applyOverride(s, override);
    // An endpoint on another API version gets that version's rendering of the session.
    const send = (type: string) => emit(a, type, renderedFor(s, override.api_version), override.api_version);
    if (outcome === 'paid' || outcome === 'unpaid') {
      s.status = 'complete';
      s.payment_intent ??= stripeId('pi');
      s.payment_status = outcome;
      settle(a, s, outcome === 'paid' ? 'succeeded' : 'processing', clock());
      return send('checkout.session.completed');
    }
    if (outcome === 'async_succeeded') {
      settle(a, s, 'succeeded', clock());
      return send('checkout.session.async_payment_succeeded');
    }
    settle(a, s, 'requires_payment_method', clock());
    return send('checkout.session.async_payment_failed');
  }

  /** A session that ran out of time unpaid (or was expired through the API). */
  function expire(a: Account, s: CheckoutSession) {
    s.status = 'expired';
    return emit(a, 'checkout.session.expired', publicSession(s));
  }

  function create(a: Account, body: Record<string, unknown>): Answer {
    if (body.mode === 'payment' && a.connected && !a.connected.account.charges_enabled) {
      // A Standard account that has not finished onboarding cannot take payments yet.
      return stripeError(
        400,
        'This account cannot currently make live charges. The account must complete onboarding (charges_enabled is false).',
        { code: 'account_invalid' },
      );
    }
    const made = newSession(body, clock());
    if (!made.ok) return made.refusal;
    a.sessions.set(made.session.id, made.session);
    owner.set(made.session.id, a);
    return { status: 200, body: publicSession(made.session) };
  }

  function list(a: Account, url: URL): Answer {
    const q = qs.parse(url.search.slice(1)) as Record<string, unknown>;
    const created = (q.created ?? {}) as Record<string, string>;
    let all = [...a.sessions.values()].sort((x, y) => y.created - x.created);
    if (q.status) all = all.filter((s) => s.status === q.status);
    if (q.payment_intent) all = all.filter((s) => s.payment_intent === q.payment_intent);
    if (created.gte) all = all.filter((s) => s.created >= Number(created.gte));
    if (q.starting_after) all = all.slice(all.findIndex((s) => s.id === q.starting_after) + 1);
    const limit = Math.min(Number(q.limit ?? 10), 100);
    return {
      status: 200,
      body: {
        object: 'list',
        url: '/v1/checkout/sessions',
        has_more: all.length > limit,
        data: all.slice(0, limit).map(publicSession),
      },
    };
  }

  /** The Checkout and PaymentIntent API on one account; undefined for any other path. */
  async function api(
    a: Account,
    method: string,
    path: string,
    body: Record<string, unknown>,
    url: URL,
  ): Promise<Answer | undefined> {
    if (method === 'POST' && path === '/v1/checkout/sessions') return create(a, body);
    if (method === 'GET' && path === '/v1/checkout/sessions') return list(a, url);
    const expiring = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/);
    if (method === 'POST' && expiring) {
      const s = a.sessions.get(expiring[1]!);
      if (!s) return missing(expiring[1]!);
      if (s.status !== 'open') {
        return stripeError(
          400,
          `This Checkout Session is ${s.status}; only a Checkout Session with status \`open\` can be expired.`,
        );
      }
      await expire(a, s);
      return { status: 200, body: publicSession(s) };
    }
    const one = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/);
    if (method === 'GET' && one) {
      const s = a.sessions.get(one[1]!);
      return s ? { status: 200, body: publicSession(s) } : missing(one[1]!);
    }
    const intent = path.match(/^\/v1\/payment_intents\/([^/]+)$/);
    if (method === 'GET' && intent) {
      const pi = a.intents.get(intent[1]!);
      return pi
        ? { status: 200, body: pi }
        : stripeError(404, `No such payment_intent: '${intent[1]}'`, {
            code: 'resource_missing',
            param: 'intent',
          });
    }
    return undefined;
  }

  return { api, complete, expire, find, bySecret };
}

export type CheckoutSessions = ReturnType<typeof checkoutSessions>;
