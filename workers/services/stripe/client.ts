import Stripe from 'stripe';
import type { Keyring } from './sealed';

/** How services reach Stripe: an SDK per business key, and the keyring sealing those keys. */
export interface StripeAccess {
  keyring: Keyring;
  client(secretKey: string): Stripe;
}

/**
 * The official SDK on the fetch HTTP client (workerd has no Node http). Local runs point
 * it at the fake Stripe API through STRIPE_API_URL; production leaves that unset.
 */
export function stripeAccess(keyring: Keyring, apiUrl: string | undefined): StripeAccess {
  const local = apiUrl ? new URL(apiUrl) : null;
  return {
    keyring,
    client: (secretKey) =>
      new Stripe(secretKey, {
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
      }),
  };
}

export const cryptoProvider = Stripe.createSubtleCryptoProvider();

/**
 * The Stripe API version the product reads (the SDK's own): its requests are made at it, and
 * a business's webhook endpoint must be created with it.
 */
export const PINNED_API_VERSION: string = Stripe.API_VERSION;

export { Stripe };
