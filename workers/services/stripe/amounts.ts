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

/** Stripe's amount → our minor units; null when it does not map to a whole minor unit. */
export function fromStripeAmount(amount: number, currency: string): number | null {
  const diff = stripeDecimals(currency) - minorUnits(currency);
  const ours = diff >= 0 ? amount / 10 ** diff : amount * 10 ** -diff;
  return Number.isInteger(ours) ? ours : null;
}
