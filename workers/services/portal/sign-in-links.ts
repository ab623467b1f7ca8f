import {
  type Db,
  findClientsByEmail,
  findLinkByHash,
  getClient,
  getTenant,
  hitRateLimit,
  portalAccessOpen,
} from '@clientele/db';
import { sha256Hex } from '../auth/encoding';
import { type AppContext, forTenant } from '../context';
import { queueClientEmail } from '../mail/outgoing';
import { inspectToken } from './links';

const WINDOW_MS = 3600_000;
/** A new link per old link (or per address) per hour, whatever the answer says. */
const PER_LINK = 1;
/** Link requests per requester address per hour. */
const PER_REQUESTER = 10;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What the "Continue" page needs for a token: its state, and whose business and client it is. */
export async function linkConfirmation(db: Db, token: string, now = new Date()) {
  const state = await inspectToken(db, token, now);
  if (!state.usable) return { state, businessName: undefined, clientLanguage: undefined };
  const [tenant, client] = await Promise.all([
    getTenant(db, state.link.tenantId),
    getClient(db, state.link.tenantId, state.link.clientId),
  ]);
  return { state, businessName: tenant?.name, clientLanguage: client?.language };
}

/**
 * Counts one request for a sign-in link from this address; returns when the window
 * resets if the address has asked too often, else null.
 */
export async function requesterLimit(db: Db, scope: 'resend' | 'signin', ip: string, now: Date) {
  const hit = await hitRateLimit(db, `portal-${scope}-ip:${ip}`, WINDOW_MS, now);
  return hit.count > PER_REQUESTER ? hit.resetAt : null;
}

/** True the first time `key` is seen in the current hour-long window. */
async function firstThisHour(db: Db, key: string, now: Date) {
  return (await hitRateLimit(db, key, WINDOW_MS, now)).count <= PER_LINK;
}

/** Queues a portal-link email to the client's address on file; one per `key` per hour. */
async function emailSignInLink(ctx: AppContext, to: { tenantId: string; clientId: string }, key: string) {
  const { now } = ctx;
  await queueClientEmail(
    forTenant(ctx, to.tenantId),
    { clientId: to.clientId, documentId: null, kind: 'portal_link' },
    `${key}:${Math.floor(now.getTime() / WINDOW_MS)}`,
    { whenCapped: 'skip' },
  );
}

/**
 * "Email me a new link" for an old token: a fresh link goes only to the address on file
 * for that link's client, at most once an hour, and never while its portal access is off.
 */
export async function emailNewLinkFor(ctx: AppContext, token: string) {
  const { db, now } = ctx;
  const link = TOKEN_SHAPE.test(token) ? await findLinkByHash(db, await sha256Hex(token)) : undefined;
  if (!link || !(await portalAccessOpen(db, link.tenantId, link.clientId))) return;
  if (await firstThisHour(db, `portal-resend-link:${link.id}`, now)) {
    await emailSignInLink(ctx, link, `portal-link:${link.id}`);
  }
}

/**
 * "Email me a sign-in link" by address: a link from each business where an active client
 * has it on file, at most once an hour per address. The limits table keeps only a hash.
 */
export async function emailSignInLinksTo(ctx: AppContext, email: string) {
  const { db, now } = ctx;
  if (!email.includes('@')) return;
  if (!(await firstThisHour(db, `portal-signin-email:${await sha256Hex(email.toLowerCase())}`, now))) return;
  for (const client of await findClientsByEmail(db, email)) {
    await emailSignInLink(
      ctx,
      { tenantId: client.tenantId, clientId: client.id },
      `portal-signin:${client.id}`,
    );
  }
}
