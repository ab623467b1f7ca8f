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

const envelope = <T extends string, O extends z.ZodType>(types: readonly [T, ...T[]], object: O) =>
  z.looseObject({
    id: stripeId,
    type: z.enum(types),
    data: z.looseObject({ object }),
  });

const CHECKOUT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;

/** Events we do not act on still need an id (to be acknowledged once) and an object. */
const OtherEventSchema = z.looseObject({
  id: stripeId,
  type: z.string().min(1).max(255),
  data: z.looseObject({ object: z.looseObject({}) }),
});

export type SignedEvent =
  | { kind: 'checkout'; id: string; type: (typeof CHECKOUT_TYPES)[number]; session: CheckoutSessionFacts }
  | { kind: 'refund'; id: string; type: 'charge.refunded'; charge: ChargeFacts }
  | { kind: 'other'; id: string; type: string };

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
      event: { kind: 'checkout', id: r.data.id, type: r.data.type, session: r.data.data.object },
    };
  }
  if (type === 'charge.refunded') {
    const r = envelope(['charge.refunded'], ChargeSchema).safeParse(json);
    if (!r.success) return { ok: false, reason: describe(r.error) };
    return {
      ok: true,
      event: { kind: 'refund', id: r.data.id, type: 'charge.refunded', charge: r.data.data.object },
    };
  }
  const r = OtherEventSchema.safeParse(json);
  if (!r.success) return { ok: false, reason: describe(r.error) };
  return { ok: true, event: { kind: 'other', id: r.data.id, type: r.data.type } };
}
