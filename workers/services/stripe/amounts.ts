import { minorUnits } from '@clientele/core';
import { type Refusal, say } from '../errors';

/**
 * Stripe's decimals where they differ from ISO 4217 (docs.stripe.com/currencies): its
 * zero-decimal list, its three-decimal list (whose amounts must end in 0), and ISK/UGX,
 * which Stripe takes ×100 for backwards compatibility.
 */
const STRIPE_ZERO = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const STRIPE_THREE = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
const STRIPE_TIMES_100 = new Set(['ISK', 'UGX']);

function stripeDecimals(currency: string): number {
  if (STRIPE_TIMES_100.has(currency)) return 2;
  if (STRIPE_ZERO.has(currency)) return 0;
  if (STRIPE_THREE.has(currency)) return 3;
  return 2;
}

export type StripeAmount = { ok: true; amount: number } | { ok: false; refusal: Refusal };

/** Our minor units → Stripe's, exactly; an amount Stripe cannot take is refused, never rounded. */
export function toStripeAmount(amount: number, currency: string): StripeAmount {
  const diff = stripeDecimals(currency) - minorUnits(currency);
  const scaled = diff >= 0 ? amount * 10 ** diff : amount / 10 ** -diff;
  if (!Number.isInteger(scaled)) {
    return { ok: false, refusal: say('stripeInexact', currency) };
  }
  if (STRIPE_THREE.has(currency) && scaled % 10 !== 0) {
    return { ok: false, refusal: say('stripeSteps', currency) };
  }
  return { ok: true, amount: scaled };
}

/**
 * Stripe's minimum charge per currency, in Stripe's units (docs.stripe.com/currencies,
 * "Minimum and maximum charge amounts"). Below it Stripe refuses the session
 * (`amount_too_small`); a currency not listed is held to Stripe's own check.
 */
const STRIPE_MINIMUM: Record<string, number> = {
  USD: 50,
  AED: 200,
  AUD: 50,
  BGN: 100,
  BRL: 50,
  CAD: 50,
  CHF: 50,
  CZK: 1500,
  DKK: 250,
  EUR: 50,
  GBP: 30,
  HKD: 400,
  HUF: 17500,
  INR: 50,
  JPY: 50,
  MXN: 1000,
  MYR: 200,
  NOK: 300,
  NZD: 50,
  PLN: 200,
  RON: 200,
  SEK: 300,
  SGD: 50,
  THB: 1000,
};
/** Stripe takes at most eight digits in an amount (99 999 999 units); IDR takes twelve. */
const STRIPE_MAXIMUM: Record<string, number> = { IDR: 999_999_999_999 };
const STRIPE_MAXIMUM_ANY = 99_999_999;

export type ChargeLimit = { kind: 'below' | 'above'; limit: number };

/**
 * Whether Stripe would refuse this amount (in Stripe's units) for being too small or too
 * large, with the limit in our minor units so it can be shown to the client.
 */
export function chargeLimit(stripeAmount: number, currency: string): ChargeLimit | null {
  const min = STRIPE_MINIMUM[currency];
  const diff = stripeDecimals(currency) - minorUnits(currency);
  const ours = (amount: number) => (diff >= 0 ? amount / 10 ** diff : amount * 10 ** -diff);
  // Rounded towards what Stripe accepts: the shown limit is always one Stripe would take.
  if (min !== undefined && stripeAmount < min) return { kind: 'below', limit: Math.ceil(ours(min)) };
  const max = STRIPE_MAXIMUM[currency] ?? STRIPE_MAXIMUM_ANY;
  if (stripeAmount > max) return { kind: 'above', limit: Math.floor(ours(max)) };
  return null;
}

/** Stripe's amount → our minor units; null when it does not map to a whole minor unit. */
export function fromStripeAmount(amount: number, currency: string): number | null {
  const diff = stripeDecimals(currency) - minorUnits(currency);
  const ours = diff >= 0 ? amount / 10 ** diff : amount * 10 ** -diff;
  return Number.isInteger(ours) ? ours : null;
}
