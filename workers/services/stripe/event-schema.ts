import { z } from 'zod';

/**
 * The shapes of the Stripe events we act on, checked after the signature and before
 * anything is read. A valid signature only proves who sent the bytes, not that they mean
 * what we expect: `amount_total: "1e3"` must not be coerced into a payment. Only the fields
 * we use are checked, strictly (integers are integers, a currency is three letters); any
 * other field Stripe adds passes through unread.
 */

const stripeId = z.string().min(1).max(255);
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 code');
const metadata = z.record(z.string().max(40), z.string().max(500)).nullable().optional();
/** Expanded or not: Stripe sends the id, or the object carrying it. */
const reference = z
  .union([stripeId, z.looseObject({ id: stripeId })])
  .nullable()
  .optional()
  .transform((v) => (typeof v === 'string' ? v : (v?.id ?? null)));

export const CheckoutSessionSchema = z.looseObject({
  id: stripeId,
  amount_total: amount.nullable(),
  currency: currency.nullable(),
  /**
   * Adaptive Pricing as API versions before 2025-03-31 render it: `currency`/`amount_total`
   * are what the customer saw, and the session's own currency and amount are here.
   */
  currency_conversion: z
    .looseObject({ amount_total: amount, source_currency: currency })
    .nullable()
    .optional(),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  payment_intent: reference,
  metadata,
});
export type CheckoutSessionFacts = z.infer<typeof CheckoutSessionSchema>;

export const ChargeSchema = z.looseObject({
  id: stripeId,
  amount_refunded: amount,
  currency,
  payment_intent: reference,
  metadata,
});
export type ChargeFacts = z.infer<typeof ChargeSchema>;

export const DisputeSchema = z.looseObject({
  id: stripeId,
  amount,
  currency,
  charge: reference,
  payment_intent: reference,
  status: z.string().min(1).max(64),
  reason: z.string().max(64),
});
export type DisputeFacts = z.infer<typeof DisputeSchema>;

/** What every event carries besides its object: its mode, the API version it was rendered for, when. */
const head = {
  id: stripeId,
  livemode: z.boolean(),
  api_version: z.string().max(64).nullable().optional(),
  created: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
};

const envelope = <T extends string, O extends z.ZodType>(types: readonly [T, ...T[]], object: O) =>
  z.looseObject({
    ...head,
    type: z.enum(types),
    data: z.looseObject({ object }),
  });

export const DISPUTE_TYPES = [
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
] as const;

const CHECKOUT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;

/** Events we do not act on still need an id (to be acknowledged once) and an object. */
const OtherEventSchema = z.looseObject({
  ...head,
  // Nothing is applied from these, so their mode and time are not needed.
  livemode: head.livemode.optional(),
  created: head.created.optional(),
  type: z.string().min(1).max(255),
  data: z.looseObject({ object: z.looseObject({}) }),
});

/** Mode, version and time of an event, whatever its kind. */
export interface EventHead {
  id: string;
  /** Absent only on events we do not act on. */
  livemode: boolean | null;
  apiVersion: string | null;
  created: number;
}

export type SignedEvent = EventHead &
  (
    | { kind: 'checkout'; type: (typeof CHECKOUT_TYPES)[number]; session: CheckoutSessionFacts }
    | { kind: 'refund'; type: 'charge.refunded'; charge: ChargeFacts }
    | { kind: 'dispute'; type: (typeof DISPUTE_TYPES)[number]; dispute: DisputeFacts }
    | { kind: 'other'; type: string }
  );

const headOf = (e: { id: string; livemode?: boolean; api_version?: string | null; created?: number }) => ({
  id: e.id,
  livemode: e.livemode ?? null,
  apiVersion: e.api_version ?? null,
  created: e.created ?? 0,
});

export type ParsedEvent = { ok: true; event: SignedEvent } | { ok: false; reason: string };

/** Deeper than any event Stripe sends; a bound keeps a hostile body from costing a deep walk. */
const MAX_DEPTH = 64;

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > MAX_DEPTH) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

const describe = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(event)'}: ${i.message}`)
    .join('; ');

/** The signed body as one event we know how to handle, or the reason it is not one. */
export function parseSignedEvent(raw: string): ParsedEvent {
  if (tooDeep(raw)) return { ok: false, reason: `nested more than ${MAX_DEPTH} levels` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const head = z.looseObject({ type: z.string() }).safeParse(json);
  const type = head.success ? head.data.type : undefined;
  if (type && (CHECKOUT_TYPES as readonly string[]).includes(type)) {
    const r = envelope(CHECKOUT_TYPES, CheckoutSessionSchema).safeParse(json);
    if (!r.success) return { ok: false, reason: describe(r.error) };
    return {
      ok: true,
      event: { ...headOf(r.data), kind: 'checkout', type: r.data.type, session: r.data.data.object },
    };
  }
  if (type === 'charge.refunded') {
    const r = envelope(['charge.refunded'], ChargeSchema).safeParse(json);
    if (!r.success) return { ok: false, reason: describe(r.error) };
    return {
      ok: true,
      event: { ...headOf(r.data), kind: 'refund', type: 'charge.refunded', charge: r.data.data.object },
    };
  }
  if (type && (DISPUTE_TYPES as readonly string[]).includes(type)) {
    const r = envelope(DISPUTE_TYPES, DisputeSchema).safeParse(json);
    if (!r.success) return { ok: false, reason: describe(r.error) };
    return {
      ok: true,
      event: { ...headOf(r.data), kind: 'dispute', type: r.data.type, dispute: r.data.data.object },
    };
  }
  const r = OtherEventSchema.safeParse(json);
  if (!r.success) return { ok: false, reason: describe(r.error) };
  return { ok: true, event: { ...headOf(r.data), kind: 'other', type: r.data.type } };
}
