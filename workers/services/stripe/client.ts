import Stripe from 'stripe';

/**
 * The official SDK on the fetch HTTP client (workerd has no Node http). Local runs point
 * it at the fake Stripe API through STRIPE_API_URL; production leaves that unset.
 */
export function stripeClient(env: Pick<Env, 'STRIPE_API_URL'>, secretKey: string): Stripe {
  const local = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  return new Stripe(secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
    timeout: 15_000,
    ...(local
      ? {
          host: local.hostname,
          port: Number(local.port || 80),
          protocol: local.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}

export const cryptoProvider = Stripe.createSubtleCryptoProvider();

export { Stripe };
