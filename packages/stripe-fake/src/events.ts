import Stripe from 'stripe';
import type { Account } from './account';
import { event } from './objects';
import type { Delivery, SignedEvent } from './server';

const signer = new Stripe('sk_test_signer_only');

/**
 * Delivers events as Stripe does: signed with each endpoint's secret by the SDK's own
 * helper, to every endpoint subscribed to the type, retried a few times, each delivery
 * recorded. The returned event is signed with the account's first secret, for tests.
 */
export function eventSender(deliveries: Delivery[]) {
  async function sign(a: Account, payload: string) {
    const secret = a.endpoints[0]?.secret;
    return secret ? signer.webhooks.generateTestHeaderStringAsync({ payload, secret }) : null;
  }

  /** Sends an event to every endpoint of the account, retrying like Stripe (here: 3 quick tries). */
  async function emit(a: Account, type: string, object: unknown): Promise<SignedEvent> {
    const e = event(type, object);
    const payload = JSON.stringify(e, null, 2);
    for (const ep of a.endpoints) {
      if (!ep.enabled_events.includes('*') && !ep.enabled_events.includes(type)) continue;
      const header = await signer.webhooks.generateTestHeaderStringAsync({ payload, secret: ep.secret });
      let status: number | null = null;
      for (let attempt = 0; attempt < 3 && (status === null || status >= 300); attempt++) {
        try {
          const res = await fetch(ep.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': header },
            body: payload,
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = null;
        }
        if (status === null || status >= 300) await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
      deliveries.push({ eventId: e.id, type, url: ep.url, status });
    }
    return { id: e.id, type, payload, signature: await sign(a, payload) };
  }

  return emit;
}
