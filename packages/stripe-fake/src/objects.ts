import { randomBytes } from 'node:crypto';

/** Stripe-style ids: prefix + 24 random base62-ish characters. */
export function stripeId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = `${prefix}_`;
  for (const b of randomBytes(24)) out += alphabet[b % alphabet.length];
  return out;
}

export const API_VERSION = '2026-10-28.endive';
/** Stripe.js of the same release, at its versioned address (`/endive/stripe.js`). */
export const STRIPE_JS_PATH = `/${API_VERSION.split('.')[1]}/stripe.js`;

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

/** The PaymentIntent behind a completed session: its status is how a bank debit ended. */
export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  created: number;
  currency: string;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  status: 'processing' | 'succeeded' | 'requires_payment_method' | 'canceled';
}

/**
 * Stripe's minimum charge per currency in its own units (docs.stripe.com/currencies); the
 * stand-in refuses less, as Stripe does, so the product's own check is what tests see.
 */
export const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};
/** Eight digits at most, in every currency but IDR (twelve). */
export const maximumCharge = (currency: string) => (currency === 'idr' ? 999_999_999_999 : 99_999_999);

/** Stripe's public session shape (the stand-in's own bookkeeping fields left out). */
export function publicSession(s: CheckoutSession) {
  const { line_items_preview: _, payment_intent_metadata: __, ...rest } = s;
  return rest;
}

/** A Standard connected account as Stripe returns it (the fields the product reads). */
export interface ConnectedAccount {
  id: string;
  object: 'account';
  type: 'standard';
  charges_enabled: boolean;
  details_submitted: boolean;
  payouts_enabled: boolean;
  country: string;
  email: string | null;
  created: number;
  metadata: Metadata;
  requirements: {
    currently_due: string[];
    eventually_due: string[];
    past_due: string[];
    disabled_reason: string | null;
  };
}

/**
 * An event as an endpoint receives it. Events about a connected account's objects carry
 * `account` (Connect endpoints route by it); `apiVersion` is the endpoint's version.
 */
export function event(
  type: string,
  object: unknown,
  { account, apiVersion = API_VERSION }: { account?: string; apiVersion?: string } = {},
) {
  return {
    id: stripeId('evt'),
    object: 'event' as const,
    ...(account ? { account } : {}),
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

/** Stripe's answer when the `Stripe-Account` header names an account the key does not control. */
export function noAccessTo(key: string, account: string) {
  return stripeError(
    403,
    `The provided key '${key.slice(0, 8)}****${key.slice(-4)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
    { code: 'account_invalid' },
  );
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
