import { type Charge, type Dispute, dispute, type Refund, stripeError, stripeId } from './objects';
import type { Account, Answer, Emit, SignedEvent } from './types';

/**
 * Money after a payment at the local Stripe: refunds (the API's `POST /v1/refunds`, refused
 * as Stripe refuses) and disputes (opened, answered and decided through `/_fake/` controls,
 * each step an event with Stripe's shapes), plus reading a charge or a dispute back.
 */

export function refundCharge(a: Account, c: Charge, amount: number, metadata: Record<string, string>) {
  const r: Refund = {
    id: stripeId('re'),
    object: 'refund',
    amount,
    charge: c.id,
    created: Math.floor(Date.now() / 1000),
    currency: c.currency,
    metadata,
    payment_intent: c.payment_intent,
    reason: null,
    status: 'succeeded',
  };
  c.amount_refunded += amount;
  c.refunded = c.amount_refunded === c.amount;
  a.refunds.set(r.id, r);
  return r;
}

/** `POST /v1/refunds`: refused as Stripe refuses (unknown intent, too much, disputed charge). */
async function createRefund(a: Account, body: Record<string, unknown>, emit: Emit) {
  const pi = String(body.payment_intent ?? '');
  const c = a.charges.get(pi);
  if (!c) {
    return stripeError(404, `No such payment_intent: '${pi}'`, {
      code: 'resource_missing',
      param: 'payment_intent',
    });
  }
  const left = c.amount - c.amount_refunded;
  const amount = body.amount === undefined ? left : Number(body.amount);
  if (!Number.isInteger(amount) || amount <= 0) {
    return stripeError(400, 'Invalid positive integer', { param: 'amount' });
  }
  if (c.disputed) {
    return stripeError(400, `Charge ${c.id} has been charged back; cannot issue a refund.`, {
      code: 'charge_disputed',
    });
  }
  if (amount > left) {
    return stripeError(
      400,
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
      {
        code: left === 0 ? 'charge_already_refunded' : 'amount_too_large',
        param: 'amount',
      },
    );
  }
  const r = refundCharge(a, c, amount, (body.metadata as Record<string, string> | undefined) ?? {});
  await emit(a, 'charge.refunded', { ...c });
  return { status: 200, body: r };
}

/** The API routes of this part; null when the request is not one of them. */
export async function moneyApi(
  a: Account,
  method: string,
  path: string,
  body: Record<string, unknown>,
  emit: Emit,
): Promise<Answer | null> {
  if (method === 'POST' && path === '/v1/refunds') return createRefund(a, body, emit);
  const oneCharge = path.match(/^\/v1\/charges\/([^/]+)$/);
  if (method === 'GET' && oneCharge) {
    const c = [...a.charges.values()].find((x) => x.id === oneCharge[1]);
    return c
      ? { status: 200, body: { ...c } }
      : stripeError(404, `No such charge: '${oneCharge[1]}'`, { code: 'resource_missing', param: 'id' });
  }
  const oneDispute = path.match(/^\/v1\/disputes\/([^/]+)$/);
  if (method === 'GET' && oneDispute) {
    const d = a.disputes.get(oneDispute[1]!);
    return d
      ? { status: 200, body: { ...d } }
      : stripeError(404, `No such dispute: '${oneDispute[1]}'`, {
          code: 'resource_missing',
          param: 'dispute',
        });
  }
  return null;
}

/** Each step of a dispute is an event, as on a real account. */
async function disputeEvents(a: Account, d: Dispute, types: string[], emit: Emit) {
  const out: SignedEvent[] = [];
  for (const type of types) out.push(await emit(a, type, { ...d }));
  return out;
}

/** The `/_fake/` controls of this part (test surface, not Stripe's API); null when not one. */
export async function moneyControl(
  accounts: Account[],
  method: string,
  path: string,
  body: Record<string, unknown>,
  emit: Emit,
): Promise<Answer | null> {
  // A refund made in Stripe's dashboard: only the event.
  if (method === 'POST' && path === '/_fake/refunds') {
    for (const a of accounts) {
      const c = a.charges.get(String(body.payment_intent));
      if (!c) continue;
      refundCharge(a, c, Math.min(c.amount - c.amount_refunded, Number(body.amount ?? c.amount)), {});
      return { status: 200, body: await emit(a, 'charge.refunded', { ...c }) };
    }
    return { status: 404, body: { error: 'no such payment_intent' } };
  }
  // The cardholder's bank disputes a charge: `charge.dispute.created`, then the funds leave.
  if (method === 'POST' && path === '/_fake/disputes') {
    for (const a of accounts) {
      const c = a.charges.get(String(body.payment_intent));
      if (!c) continue;
      const d = dispute(
        c,
        Number(body.amount ?? c.amount - c.amount_refunded),
        String(body.reason ?? 'fraudulent'),
      );
      c.disputed = true;
      a.disputes.set(d.id, d);
      const events = await disputeEvents(
        a,
        d,
        ['charge.dispute.created', 'charge.dispute.funds_withdrawn'],
        emit,
      );
      return { status: 200, body: { id: d.id, dispute: d, events } };
    }
    return { status: 404, body: { error: 'no such payment_intent' } };
  }
  const step = path.match(/^\/_fake\/disputes\/([^/]+)\/(respond|close)$/);
  if (method === 'POST' && step) {
    for (const a of accounts) {
      const d = a.disputes.get(step[1]!);
      if (!d) continue;
      if (step[2] === 'respond') {
        d.status = 'under_review';
        return {
          status: 200,
          body: { id: d.id, events: await disputeEvents(a, d, ['charge.dispute.updated'], emit) },
        };
      }
      const won = body.outcome === 'won';
      d.status = won ? 'won' : 'lost';
      const types = won
        ? ['charge.dispute.closed', 'charge.dispute.funds_reinstated']
        : ['charge.dispute.closed'];
      return { status: 200, body: { id: d.id, events: await disputeEvents(a, d, types, emit) } };
    }
    return { status: 404, body: { error: 'no such dispute' } };
  }
  return null;
}
