import type { Language } from '@clientele/core';
import { SIGNUP_MAX_PER_ADDRESS } from './auth/sessions';
import type { AppConfig, AppContext } from './context';
import { countedDb } from './counted-db';
import { createLogger, type LogFields } from './log';
import { stripeAccess, stripePlatform } from './stripe/client';

/** Settings read from the Worker's vars and secrets; the only place services see `Env`. */
const positiveInt = (v: string | undefined) => (v && /^[1-9][0-9]{0,6}$/.test(v) ? Number(v) : undefined);

export function appConfig(env: Env): AppConfig {
  const provider =
    env.MAIL_PROVIDER_URL && env.MAIL_PROVIDER_KEY
      ? { url: env.MAIL_PROVIDER_URL, key: env.MAIL_PROVIDER_KEY }
      : null;
  return {
    publicUrl: env.PUBLIC_URL,
    mailFrom: env.MAIL_FROM,
    inboundEmailDomain: env.INBOUND_EMAIL_DOMAIN,
    portalLinkKey: env.PORTAL_LINK_KEY,
    replyTokenKey: env.REPLY_TOKEN_KEY,
    // A deployment may leave MAILER unbound (the HTTP provider or nothing at all).
    mail: { devOutbox: env.DEV_OUTBOX === '1', provider, binding: env.MAILER ?? null },
    signupsPerAddress: positiveInt(env.SIGNUPS_PER_ADDRESS_PER_HOUR) ?? SIGNUP_MAX_PER_ADDRESS,
  };
}

/**
 * One context per invocation: every entry point (fetch, queue, email, scheduled) calls
 * this once, so the database is always the counted one and every log line carries the
 * same request id. `queries` reads how many statements the invocation has run so far.
 */
export function initContext(
  env: Env,
  opts: { requestId: string; language?: Language; now?: Date; log?: LogFields },
): { ctx: AppContext; queries: () => number } {
  const { db, queries } = countedDb(env.DB);
  const ctx: AppContext = {
    db,
    files: env.FILES,
    queue: env.EMAIL_QUEUE,
    stripe: stripeAccess(
      { ENCRYPTION_KEY: env.ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS: env.ENCRYPTION_KEY_PREVIOUS },
      env.STRIPE_API_URL,
      stripePlatform(env),
    ),
    config: appConfig(env),
    log: createLogger({ requestId: opts.requestId, ...opts.log }),
    now: opts.now ?? new Date(),
    requestId: opts.requestId,
    language: opts.language ?? 'en',
  };
  return { ctx, queries };
}
