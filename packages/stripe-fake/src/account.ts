import { type Charge, type CheckoutSession, type PaymentIntent, stripeId } from './objects';

/** One Stripe account of the stand-in (one per secret key): what it holds and remembers. */
export interface Account {
  sessions: Map<string, CheckoutSession>;
  charges: Map<string, Charge>;
  intents: Map<string, PaymentIntent>;
  endpoints: { id: string; url: string; secret: string; enabled_events: string[] }[];
  idempotency: Map<string, { hash: string; status: number; body: unknown; at: number }>;
}

export function newAccount(): Account {
  return {
    sessions: new Map(),
    charges: new Map(),
    intents: new Map(),
    endpoints: [],
    idempotency: new Map(),
  };
}

/**
 * Where the session's PaymentIntent stands. A bank debit that fails goes back to
 * `requires_payment_method`, as Stripe's does; one that succeeds is charged.
 */
export function settle(a: Account, s: CheckoutSession, status: PaymentIntent['status'], now: number) {
  s.payment_intent ??= stripeId('pi');
  const id = s.payment_intent;
  const pi: PaymentIntent = a.intents.get(id) ?? {
    id,
    object: 'payment_intent',
    amount: s.amount_total,
    amount_received: 0,
    created: now,
    currency: s.currency,
    latest_charge: null,
    livemode: false,
    metadata: s.payment_intent_metadata,
    status,
  };
  pi.status = status;
  if (status === 'succeeded') {
    s.payment_status = 'paid';
    pi.amount_received = s.amount_total;
    if (!a.charges.has(id)) charge(a, s, now);
    pi.latest_charge = a.charges.get(id)?.id ?? null;
  }
  a.intents.set(id, pi);
}

function charge(a: Account, s: CheckoutSession, now: number) {
  const pi = s.payment_intent ?? stripeId('pi');
  a.charges.set(pi, {
    id: stripeId('ch'),
    object: 'charge',
    amount: s.amount_total,
    amount_captured: s.amount_total,
    amount_refunded: 0,
    created: now,
    currency: s.currency,
    livemode: false,
    metadata: s.payment_intent_metadata,
    paid: true,
    payment_intent: pi,
    refunded: false,
    status: 'succeeded',
  });
}
