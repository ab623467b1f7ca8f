import { settle } from './account';
import { moneyControl } from './money';
import { overrideFrom } from './rendering';
import type { CheckoutSessions, Outcome } from './sessions';
import type { Account, Answer, Delivery, Emit, RecordedRequest, SignedEvent } from './types';

const INTENT_STATUSES = ['processing', 'succeeded', 'requires_payment_method', 'canceled'] as const;

interface ControlState {
  /** Every account: the keys' own and the connected ones. */
  everyAccount(): Account[];
  sessions: CheckoutSessions;
  emit: Emit;
  clock: { now(): number; advance(seconds: number): void };
  requests: RecordedRequest[];
  events: SignedEvent[];
  deliveries: Delivery[];
}

/**
 * The test-control surface under `/_fake/` (not Stripe's API): complete or expire a session
 * (optionally as another API version renders it), settle a PaymentIntent without an event,
 * refund or dispute a charge (`money`), move the clock, and read back
 * the requests, events and deliveries the stand-in saw.
 */
export function controls({
  everyAccount,
  sessions,
  emit,
  clock,
  requests,
  events,
  deliveries,
}: ControlState) {
  return async function control(
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): Promise<Answer> {
    const done = path.match(/^\/_fake\/checkout\/sessions\/([^/]+)\/complete$/);
    if (method === 'POST' && done) {
      const found = sessions.find(done[1]!);
      if (!found) return { status: 404, body: { error: 'no such session' } };
      const outcome = (body.outcome as Outcome | undefined) ?? 'paid';
      return { status: 200, body: await sessions.complete(found.a, found.s, outcome, overrideFrom(body)) };
    }
    const lapsed = path.match(/^\/_fake\/checkout\/sessions\/([^/]+)\/expire$/);
    if (method === 'POST' && lapsed) {
      const found = sessions.find(lapsed[1]!);
      if (!found) return { status: 404, body: { error: 'no such session' } };
      if (found.s.status !== 'open') return { status: 409, body: { error: `session is ${found.s.status}` } };
      return { status: 200, body: await sessions.expire(found.a, found.s) };
    }
    // How a bank debit ended, without any event: the webhook that would say so is "lost".
    const settled = path.match(/^\/_fake\/payment_intents\/([^/]+)$/);
    if (method === 'POST' && settled) {
      const status = INTENT_STATUSES.find((x) => x === body.status);
      if (!status) {
        return {
          status: 400,
          body: { error: 'status: processing | succeeded | requires_payment_method | canceled' },
        };
      }
      for (const a of everyAccount()) {
        const pi = a.intents.get(settled[1]!);
        const s = [...a.sessions.values()].find((x) => x.payment_intent === settled[1]);
        if (!pi || !s) continue;
        settle(a, s, status, clock.now());
        return { status: 200, body: a.intents.get(settled[1]!) };
      }
      return { status: 404, body: { error: 'no such payment_intent' } };
    }
    if (method === 'POST' && path === '/_fake/clock') {
      clock.advance(Number(body.advance_seconds ?? 0));
      return { status: 200, body: { now: clock.now() } };
    }
    // Refunds made in Stripe's dashboard, and disputes opened, answered and decided.
    const money = await moneyControl(everyAccount(), method, path, body, emit);
    if (money) return money;
    if (method === 'GET' && path === '/_fake/requests') return { status: 200, body: requests };
    if (method === 'GET' && path === '/_fake/events') return { status: 200, body: events };
    if (method === 'GET' && path === '/_fake/deliveries') return { status: 200, body: deliveries };
    return { status: 404, body: { error: 'unknown control route' } };
  };
}
