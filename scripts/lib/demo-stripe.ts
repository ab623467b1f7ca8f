import Stripe from 'stripe';

const WEBHOOK_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
];

/** The official SDK pointed at the local stand-in. */
export function localStripe(stripeUrl: string, secretKey: string) {
  const local = new URL(stripeUrl);
  return new Stripe(secretKey, {
    host: local.hostname,
    port: Number(local.port),
    protocol: 'http',
    httpClient: Stripe.createFetchHttpClient(),
  });
}

/**
 * Connects a business to the local fake Stripe exactly as a business does with the real
 * one: a webhook endpoint for its URL (Stripe hands back the signing secret), then the
 * three keys through the Settings API. The fake keeps no state between runs, so this runs
 * on every start.
 */
export async function connectFakeStripe(
  baseUrl: string,
  stripeUrl: string,
  headers: Record<string, string>,
  keys = { publishableKey: 'pk_test_clienteleDemo0001', secretKey: 'sk_test_clienteleDemo0001' },
) {
  const api = `${baseUrl}/api/v1`;
  const settings = (await (await fetch(`${api}/settings/stripe`, { headers })).json()) as {
    webhookUrl: string;
  };
  const stripe = localStripe(stripeUrl, keys.secretKey);
  const endpoint = await stripe.webhookEndpoints.create({
    // Events rendered at the version the Worker reads, whatever the account's default.
    api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
    url: settings.webhookUrl,
    enabled_events: WEBHOOK_EVENTS as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
  });
  const res = await fetch(`${api}/settings/stripe`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ ...keys, webhookSecret: endpoint.secret }),
  });
  if (res.status !== 200)
    throw new Error(`connecting the fake Stripe failed: ${res.status} ${await res.text()}`);
}

/** The local platform's keys (Connect): fake test keys, never a deployment's. */
export const LOCAL_PLATFORM = {
  secretKey: 'sk_test_clientelePlatform0001',
  publishableKey: 'pk_test_clientelePlatform0001',
  /** The platform's Connect OAuth client id ("I already have a Stripe account"). */
  clientId: 'ca_clientelePlatform0001',
};

/**
 * The platform's Connect webhook endpoint on the local stand-in, as a platform creates it on
 * Stripe (`connect: true`, with its own key): events of connected accounts go there, and the
 * secret Stripe hands back is the Worker's `STRIPE_CONNECT_WEBHOOK_SECRET`.
 */
export async function connectPlatformEndpoint(stripeUrl: string, workerUrl: string) {
  const stripe = localStripe(stripeUrl, LOCAL_PLATFORM.secretKey);
  const endpoint = await stripe.webhookEndpoints.create({
    // Events rendered at the version the Worker reads, whatever the account's default.
    api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
    url: `${workerUrl}/webhooks/stripe/connect`,
    connect: true,
    enabled_events: [
      ...(WEBHOOK_EVENTS as Stripe.WebhookEndpointCreateParams.EnabledEvent[]),
      'account.updated',
      'account.application.deauthorized',
    ],
  });
  return { ...LOCAL_PLATFORM, webhookSecret: endpoint.secret ?? '' };
}
