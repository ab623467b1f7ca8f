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
}

export interface Charge {
  id: string;
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

export function event(type: string, object: unknown) {
  return {
    id: stripeId('evt'),
    object: 'event' as const,
    api_version: API_VERSION,
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
