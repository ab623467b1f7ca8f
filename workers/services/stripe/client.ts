import Stripe from 'stripe';
import type { Keyring } from './sealed';

/**
 * The platform's own Stripe account (Connect): its key acts for connected businesses with the
 * `Stripe-Account` header, and its Connect endpoint's secret verifies their events. Null when the
 * deployment has not set it: Connect is then not offered, and pasted keys are the only way.
 */
export interface StripePlatform {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string | null;
  livemode: boolean;
  /**
   * The platform's Connect OAuth client id (`ca_…`), for linking an account a business already
   * has; null when unset, and then only new accounts are offered.
   */
  clientId: string | null;
}

/** How services reach Stripe: an SDK per key, the keyring sealing business keys, the platform. */
export interface StripeAccess {
  keyring: Keyring;
  client(secretKey: string): Stripe;
  platform: StripePlatform | null;
  /** Where Connect OAuth's authorize page is (`https://connect.stripe.com`, or the local stand-in). */
  connectUrl: string;
}

/** The platform settings when both keys are present and of one mode; otherwise none. */
export function stripePlatform(vars: {
  STRIPE_PLATFORM_SECRET_KEY?: string;
  STRIPE_PLATFORM_PUBLISHABLE_KEY?: string;
  STRIPE_CONNECT_WEBHOOK_SECRET?: string;
  STRIPE_CONNECT_CLIENT_ID?: string;
}): StripePlatform | null {
  const secretKey = vars.STRIPE_PLATFORM_SECRET_KEY?.trim();
  const publishableKey = vars.STRIPE_PLATFORM_PUBLISHABLE_KEY?.trim();
  if (!secretKey || !publishableKey) return null;
  const secretMode = /^(sk|rk)_(test|live)_/.exec(secretKey)?.[2];
  const publishableMode = /^pk_(test|live)_/.exec(publishableKey)?.[1];
  if (!secretMode || secretMode !== publishableMode) return null;
  return {
    secretKey,
    publishableKey,
    webhookSecret: vars.STRIPE_CONNECT_WEBHOOK_SECRET?.trim() || null,
    livemode: secretMode === 'live',
    // It goes into a URL Stripe shows the person: only a well-formed id is used.
    clientId: /^ca_[A-Za-z0-9]{1,64}$/.exec(vars.STRIPE_CONNECT_CLIENT_ID?.trim() ?? '')?.[0] ?? null,
  };
}

/**
 * The official SDK on the fetch HTTP client (workerd has no Node http). Local runs point
 * it at the fake Stripe API through STRIPE_API_URL; production leaves that unset. The SDK sends
 * `oauth.token` to the same host when one is set, so the stand-in answers OAuth too.
 */
export function stripeAccess(
  keyring: Keyring,
  apiUrl: string | undefined,
  platform: StripePlatform | null = null,
): StripeAccess {
  const local = apiUrl ? new URL(apiUrl) : null;
  return {
    keyring,
    platform,
    connectUrl: local ? local.origin : 'https://connect.stripe.com',
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

/**
 * Stripe.js of the same release as the API we pin (`2026-10-28.endive` → `endive`): since
 * basil each release has its own versioned URL, where `/v3/` follows whatever is newest and
 * could rename a method under a live pay page (as `initEmbeddedCheckout` was).
 */
export const STRIPE_JS_URL = `https://js.stripe.com/${PINNED_API_VERSION.split('.')[1]}/stripe.js`;

/** Stripe answered, with this HTTP status (not a network failure). */
export const stripeRefused = (err: unknown, status: number) =>
  err instanceof Stripe.errors.StripeError && err.statusCode === status;

export { Stripe };
