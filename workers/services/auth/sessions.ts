import { isLanguage } from '@clientele/core';
import {
  clearRateLimit,
  createSession,
  createTenantWithOwner,
  type Db,
  deleteSession,
  EmailTakenError,
  extendSession,
  findSession,
  findUserByEmail,
  getTenant,
  hitRateLimit,
  membershipsOf,
  peekRateLimit,
  type Role,
  touchSession,
} from '@clientele/db';
import { ConflictError, RateLimitedError, UnauthorizedError } from '../errors';
import { randomToken, sha256Hex } from './encoding';
import { decoyHash, hashPassword, verifyPassword } from './password';

/** No session lives longer than this after sign-in, however busy. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** A session unused this long ends; use slides it forward (never past the cap). */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** Sliding writes at most about once a day, so reads stay reads. */
const SESSION_REFRESH_MS = SESSION_IDLE_MS - 24 * 3600 * 1000;

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords for one email from one address. */
export const LOGIN_MAX_ATTEMPTS = 10;
/** Wrong passwords for one account from anywhere: a spread-out guesser meets this one. */
export const ACCOUNT_MAX_FAILURES = 10;
/** Sign-in attempts from one address across every account (credential stuffing). */
export const ADDRESS_MAX_ATTEMPTS = 50;
export const SIGNUP_WINDOW_MS = 3600 * 1000;
/** New businesses from one address per hour. */
export const SIGNUP_MAX_PER_ADDRESS = 30;

/** A User-Agent is kept this long at most: enough to name a browser and system. */
const USER_AGENT_MAX = 200;
/** `lastSeenAt` is written at most this often, so reads stay reads. */
const LAST_SEEN_EVERY_MS = 3600 * 1000;

/** What a person sees in their list of devices: the browser it signed in from, and roughly where. */
export interface Device {
  userAgent?: string | undefined;
  /** `cf-ipcountry`; Cloudflare's `XX`/`T1` and anything not two letters are dropped. */
  country?: string | undefined;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  tenantId: string;
  userId: string;
  role: Role;
}

async function issue(
  db: Db,
  userId: string,
  tenantId: string,
  role: Role,
  now: Date,
  device: Device = {},
): Promise<IssuedSession> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await createSession(
    db,
    {
      tokenHash: await sha256Hex(token),
      userId,
      tenantId,
      expiresAt,
      userAgent: device.userAgent?.slice(0, USER_AGENT_MAX) || null,
      country: device.country && /^[A-Z]{2}$/.test(device.country) ? device.country : null,
    },
    now,
  );
  // The cookie may live as long as the cap; the server ends the session earlier when idle.
  return { token, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS), tenantId, userId, role };
}

function retryAfter(resetAt: Date, now: Date) {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/** Counts one hit against each limit; the longest wait among those exceeded (0 when none). */
async function countHits(db: Db, limits: { key: string; max: number; windowMs: number }[], now: Date) {
  let wait = 0;
  for (const l of limits) {
    const hit = await hitRateLimit(db, await sha256Hex(l.key), l.windowMs, now);
    if (hit.count > l.max) wait = Math.max(wait, retryAfter(hit.resetAt, now));
  }
  return wait;
}

export async function signUp(
  db: Db,
  input: {
    businessName: string;
    email: string;
    password: string;
    currency: string;
    locale: string;
    ip: string;
  } & Device,
  now = new Date(),
): Promise<IssuedSession> {
  const wait = await countHits(
    db,
    [{ key: `signup-ip\n${input.ip}`, max: SIGNUP_MAX_PER_ADDRESS, windowMs: SIGNUP_WINDOW_MS }],
    now,
  );
  if (wait > 0) throw new RateLimitedError(wait);
  const passwordHash = await hashPassword(input.password);
  try {
    const { tenantId, userId } = await createTenantWithOwner(db, { ...input, passwordHash }, now);
    return await issue(db, userId, tenantId, 'owner', now, input);
  } catch (err) {
    if (err instanceof EmailTakenError) throw new ConflictError('emailTaken');
    throw err;
  }
}

/**
 * Three limits, all counted before the password is checked: per email and address (a
 * typo-prone person), per address across accounts (stuffing), and per account from any
 * address (a guesser spread over many addresses, counted in failures). A success clears
 * the first and the last. `previousToken` is the session the browser already had: it is
 * ended, so a session id planted before sign-in never becomes a signed-in one.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string; previousToken?: string | undefined } & Device,
  now = new Date(),
): Promise<IssuedSession> {
  const email = input.email.trim().toLowerCase();
  const pairKey = await sha256Hex(`signin\n${email}\n${input.ip}`);
  const accountKey = await sha256Hex(`signin-account\n${email}`);
  const counted = await countHits(
    db,
    [
      { key: `signin\n${email}\n${input.ip}`, max: LOGIN_MAX_ATTEMPTS, windowMs: LOGIN_WINDOW_MS },
      { key: `signin-ip\n${input.ip}`, max: ADDRESS_MAX_ATTEMPTS, windowMs: LOGIN_WINDOW_MS },
    ],
    now,
  );
  // Failures only: a person who signs in well is never locked out by this one.
  const account = await peekRateLimit(db, accountKey, now);
  const lockedFor = account && account.count >= ACCOUNT_MAX_FAILURES ? retryAfter(account.resetAt, now) : 0;
  const wait = Math.max(counted, lockedFor);
  if (wait > 0) throw new RateLimitedError(wait);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    await hitRateLimit(db, accountKey, LOGIN_WINDOW_MS, now);
    throw new UnauthorizedError('wrongPassword');
  }
  const [membership] = await membershipsOf(db, user.id);
  if (!membership) throw new UnauthorizedError('noBusinessYet');
  await Promise.all([clearRateLimit(db, pairKey), clearRateLimit(db, accountKey)]);
  if (input.previousToken) await deleteSession(db, await sha256Hex(input.previousToken));
  return issue(db, user.id, membership.tenantId, membership.role, now, input);
}

export async function resolveSession(db: Db, token: string, now = new Date()) {
  const tokenHash = await sha256Hex(token);
  const s = await findSession(db, tokenHash, now);
  if (!s) return undefined;
  const cap = s.createdAt.getTime() + SESSION_MAX_AGE_MS;
  if (cap <= now.getTime()) return undefined;
  if (s.expiresAt.getTime() - now.getTime() < SESSION_REFRESH_MS && s.expiresAt.getTime() < cap) {
    await extendSession(db, tokenHash, new Date(Math.min(cap, now.getTime() + SESSION_IDLE_MS)));
  }
  if (!s.lastSeenAt || now.getTime() - s.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
    await touchSession(db, tokenHash, now);
  }
  return s;
}

export async function signOut(db: Db, token: string) {
  await deleteSession(db, await sha256Hex(token));
}

/** Signs in (see `signIn`) and names the business the new session acts for. */
export async function signInToBusiness(
  db: Db,
  input: { email: string; password: string; ip: string; previousToken?: string | undefined } & Device,
) {
  const session = await signIn(db, input);
  return { session, business: await sessionBusiness(db, session.tenantId) };
}

/** The business a session acts for, or undefined once it is gone. */
export async function sessionBusiness(db: Db, tenantId: string) {
  const tenant = await getTenant(db, tenantId);
  // The business's language is the admin app's language for everyone signed in to it.
  return tenant
    ? {
        id: tenant.id,
        name: tenant.name,
        locale: isLanguage(tenant.locale) ? tenant.locale : ('en' as const),
      }
    : undefined;
}
