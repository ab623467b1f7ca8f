import Stripe from 'stripe';
import { event } from './objects';
import type { Account, Delivery, Emit, SignedEvent } from './types';

const signer = new Stripe('sk_test_signer_only');

/**
 * Where an account's events go: its own endpoints, or for a connected account the
 * platform's Connect endpoints (a Standard account's own endpoints are the business's
 * business, not the platform's).
 */
const endpointsFor = (a: Account) =>
  a.connected
    ? a.connected.platform.endpoints.filter((e) => e.connect)
    : a.endpoints.filter((e) => !e.connect);

async function sign(a: Account, payload: string) {
  const secret = endpointsFor(a)[0]?.secret;
  return secret ? signer.webhooks.generateTestHeaderStringAsync({ payload, secret }) : null;
}

/**
 * Delivers events as Stripe does: signed with each endpoint's secret by the SDK's own
 * helper, to every endpoint subscribed to the type, retried a few times, each delivery
 * recorded; a connected account's events carry `account`. Every event is also kept for
 * the `/_fake/events` control, signed with the first secret, for tests.
 */
export function eventSender({ deliveries, events }: { deliveries: Delivery[]; events: SignedEvent[] }): Emit {
  /** Sends an event to every endpoint that should hear of it, retrying like Stripe (here: 3 quick tries). */
  return async function emit(a, type, object, apiVersion) {
    const e = event(type, object, { account: a.connected?.account.id, apiVersion });
    const payload = JSON.stringify(e, null, 2);
    for (const ep of endpointsFor(a)) {
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
    const signed: SignedEvent = { id: e.id, type, payload, signature: await sign(a, payload) };
    if (a.connected) signed.account = a.connected.account.id;
    events.push(signed);
    return signed;
  };
}
