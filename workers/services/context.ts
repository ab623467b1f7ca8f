import type { Language } from '@clientele/core';
import type { AuditActorType, Db } from '@clientele/db';
import type { Logger } from './log';
import type { StripeAccess } from './stripe/client';

/** Where outgoing mail may go; which one is used is decided once (see `transportFor`). */
export interface MailRoutes {
  /** The dev outbox (`DEV_OUTBOX=1`): local runs and tests. */
  devOutbox: boolean;
  /** An HTTP provider taking raw MIME, when both its secrets are set. */
  provider: { url: string; key: string } | null;
  /** Cloudflare's `send_email` binding, when bound. */
  binding: SendEmail | null;
}

/** The deployment's settings services read, taken from vars and secrets once per invocation. */
export interface AppConfig {
  /** Links in emails, PDFs and API answers are built from this, never from a request's Host. */
  publicUrl: string;
  mailFrom: string;
  inboundEmailDomain: string;
  portalLinkKey: string | undefined;
  replyTokenKey: string | undefined;
  mail: MailRoutes;
  /** Sign-ups one address may make in an hour; more when many people share one address. */
  signupsPerAddress: number;
}

/**
 * Everything one invocation (a request, a queue batch, an inbound email, a cron tick)
 * works with, built once by its entry point (`initContext`). Services take this and their
 * own arguments, never the Worker's env.
 */
export interface AppContext {
  /** Drizzle over D1, every statement counted (`countedDb`). */
  db: Db;
  /** R2: PDFs, logos, fonts, attachments, mail kept until sent. */
  files: R2Bucket;
  /** The outgoing email queue; jobs carry ids only (`enqueueEmail`). */
  queue: Queue;
  stripe: StripeAccess;
  config: AppConfig;
  log: Logger;
  now: Date;
  requestId: string;
  /** Who reads what this invocation writes to people: refusals, portal pages. */
  language: Language;
}

/**
 * Who a change is recorded against in the audit log: a person, an API key, a client in
 * the portal, or the system itself (cron, queue, webhooks), and the address it came from.
 */
export interface Actor {
  type: AuditActorType;
  id: string | null;
  /** A person's name or email, a key's name, a client's name: kept as it was then. */
  name: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: null, ip: null };

/** What every tenant-owned operation needs; tenantId always comes from the session, key or token. */
export type TenantContext = AppContext & { tenantId: string; actor: Actor };

/**
 * The invocation's context narrowed to one business, once who is calling is proven (a
 * session, an API key, a signed address or webhook secret, a job the Worker queued itself).
 */
export function forTenant(
  ctx: AppContext,
  tenantId: string,
  now: Date = ctx.now,
  actor: Actor = SYSTEM_ACTOR,
): TenantContext {
  return { ...ctx, tenantId, now, actor, log: ctx.log.with({ tenant: tenantId }) };
}
