// Worker secrets (`wrangler secret put`, `--var` locally): not in wrangler.toml, so not
// in the generated Env. Optional here because a deployment may not have set them yet;
// the code that needs one fails with a clear message.
declare namespace Cloudflare {
  interface Env {
    /** Derives the tokens of emailed portal links from their ids (HMAC-SHA256). */
    PORTAL_LINK_KEY?: string;
    /** 32 random bytes, base64: seals each business's Stripe secrets (AES-256-GCM). */
    ENCRYPTION_KEY?: string;
    /** The key being rotated out: still opens what it sealed until everything is re-saved. */
    ENCRYPTION_KEY_PREVIOUS?: string;
    /** Signs ticket reply addresses (HMAC-SHA256), so a reply names its thread unforgeably. */
    REPLY_TOKEN_KEY?: string;
    /** Local runs only: the fake Stripe API the SDK talks to (production leaves it unset). */
    STRIPE_API_URL?: string;
    /** Local runs only: where the portal loads Stripe.js from (the fake's stand-in). */
    STRIPE_JS_URL?: string;
    /** The platform's Stripe secret key (Connect): without it Connect is not offered. */
    STRIPE_PLATFORM_SECRET_KEY?: string;
    /** The platform's publishable key (a var): the pay page's Stripe.js for Connect businesses. */
    STRIPE_PLATFORM_PUBLISHABLE_KEY?: string;
    /** Signing secret of the platform's Connect webhook endpoint (`/webhooks/stripe/connect`). */
    STRIPE_CONNECT_WEBHOOK_SECRET?: string;
    /** The platform's Connect OAuth client id (`ca_…`, a var): lets a business link the Stripe account it has. */
    STRIPE_CONNECT_CLIENT_ID?: string;
    /** Sign-ups allowed from one address in an hour (a var; default 30). */
    SIGNUPS_PER_ADDRESS_PER_HOUR?: string;
    /** An HTTP mail provider taking raw MIME (Mailgun's `messages.mime` shape). */
    MAIL_PROVIDER_URL?: string;
    /** Its API key (`wrangler secret put MAIL_PROVIDER_KEY`). */
    MAIL_PROVIDER_KEY?: string;
  }
}
