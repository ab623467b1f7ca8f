import { randomBytes } from 'node:crypto';

/** Stripe-style ids: prefix + 24 random base62-ish characters. */
export function stripeId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = `${prefix}_`;
  for (const b of randomBytes(24)) out += alphabet[b % alphabet.length];
  return out;
}

export const API_VERSION = '2026-10-28.endive';

type Metadata = Record<string, string>;

/** The parts of a Checkout Session object the product reads, shaped as Stripe returns them. */
export interface CheckoutSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  client_secret: string;
  created: number;
  currency: string;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  expires_at: number;
  livemode: false;
  metadata: Metadata;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  return_url: string | null;
  status: 'open' | 'complete' | 'expired';
  ui_mode: string;
  url: null;
  line_items_preview: { name: string; quantity: number; unit_amount: number }[];
  payment_intent_metadata: Metadata;
  /** Adaptive Pricing: what the customer was shown and paid in their currency. */
  presentment_details?: { presentment_amount: number; presentment_currency: string };
}

export interface Charge {
  id: string;
  disputed: boolean;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  created: number;
  currency: string;
  livemode: false;
  metadata: Metadata;
  paid: true;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded';
}

/** Stripe's public session shape (the stand-in's own bookkeeping fields left out). */
export function publicSession(s: CheckoutSession) {
  const { line_items_preview: _, payment_intent_metadata: __, ...rest } = s;
  return rest;
}

export function event(type: string, object: unknown, apiVersion = API_VERSION) {
  return {
    id: stripeId('evt'),
    object: 'event' as const,
    api_version: apiVersion,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

export function stripeError(status: number, message: string, extra: Record<string, string> = {}) {
  return { status, body: { error: { type: 'invalid_request_error', message, ...extra } } };
}

/** A dispute (chargeback) on a charge, as Stripe's API shows it. */
export interface Dispute {
  id: string;
  object: 'dispute';
  amount: number;
  balance_transactions: unknown[];
  charge: string;
  created: number;
  currency: string;
  evidence_details: { due_by: number; has_evidence: boolean; past_due: boolean; submission_count: number };
  is_charge_refundable: boolean;
  livemode: false;
  metadata: Metadata;
  payment_intent: string;
  reason: string;
  status: string;
}

export function dispute(c: Charge, amount: number, reason: string): Dispute {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: stripeId('dp'),
    object: 'dispute',
    amount,
    balance_transactions: [],
    charge: c.id,
    created: now,
    currency: c.currency,
    evidence_details: {
      due_by: now + 7 * 24 * 3600,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: c.payment_intent,
    reason,
    status: 'needs_response',
  };
}

export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: 'succeeded';
}

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
