import { type CheckoutSession, publicSession } from './objects';

/**
 * A session as an endpoint on an API version before 2025-03-31 renders an Adaptive Pricing
 * session: `currency`/`amount_total` are the customer's, the session's own are in
 * `currency_conversion`. At the current version `currency` stays the session's and the
 * customer's is in `presentment_details`.
 */
export function legacyRendering(s: ReturnType<typeof publicSession>) {
  const p = s.presentment_details;
  if (!p) return s;
  const { presentment_details: _, ...rest } = s;
  return {
    ...rest,
    currency: p.presentment_currency,
    amount_total: p.presentment_amount,
    amount_subtotal: p.presentment_amount,
    currency_conversion: {
      amount_subtotal: s.amount_subtotal,
      amount_total: s.amount_total,
      fx_rate: (p.presentment_amount / s.amount_total).toFixed(6),
      source_currency: s.currency,
    },
  };
}

/** What a test may change when it completes a session through `/_fake/`. */
export interface CompleteOverride {
  amount_total?: number;
  currency?: string;
  /** Adaptive Pricing: the customer paid this in their own currency. */
  presentment?: { currency: string; amount: number };
  /** The API version of the endpoint the event is rendered for. */
  api_version?: string;
}

export function overrideFrom(body: Record<string, unknown>): CompleteOverride {
  const o: CompleteOverride = {};
  if (body.amount_total !== undefined) o.amount_total = Number(body.amount_total);
  if (typeof body.currency === 'string') o.currency = body.currency;
  const p = body.presentment as { currency?: unknown; amount?: unknown } | undefined;
  if (p && typeof p.currency === 'string') o.presentment = { currency: p.currency, amount: Number(p.amount) };
  if (typeof body.api_version === 'string') o.api_version = body.api_version;
  return o;
}

export function applyOverride(s: CheckoutSession, o: CompleteOverride) {
  if (o.amount_total !== undefined) s.amount_total = o.amount_total;
  if (o.currency) s.currency = o.currency;
  if (o.presentment) {
    s.presentment_details = {
      presentment_amount: o.presentment.amount,
      presentment_currency: o.presentment.currency,
    };
  }
}

/** An endpoint on a version before 2025-03-31 gets the older rendering of the same session. */
export function renderedFor(s: CheckoutSession, apiVersion: string | undefined) {
  return apiVersion && apiVersion < '2025-03-31' ? legacyRendering(publicSession(s)) : publicSession(s);
}
