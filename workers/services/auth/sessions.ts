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
  sessionInsert,
  touchSession,
} from '@clientele/db';
import { auditLine } from '../audit';
import { type Actor, type AppContext, forTenant } from '../context';
import { ConflictError, RateLimitedError, UnauthorizedError } from '../errors';
import { randomToken, sha256Hex } from './encoding';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { spendSecondFactor } from './two-factor';

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

/** The device as stored: the User-Agent cut short, the country only when it names one. */
const deviceColumns = (device: Device) => ({
  userAgent: device.userAgent?.slice(0, USER_AGENT_MAX) || null,
  country: device.country && /^[A-Z]{2}$/.test(device.country) ? device.country : null,
});

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  tenantId: string;
  userId: string;
  role: Role;
  /** Two-factor sign-in is on for this person (known at sign-in; sign-up starts without it). */
  twoFactorEnabled?: boolean;
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
      ...deviceColumns(device),
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
  maxPerAddress = SIGNUP_MAX_PER_ADDRESS,
): Promise<IssuedSession> {
  const wait = await countHits(
    db,
    [{ key: `signup-ip\n${input.ip}`, max: maxPerAddress, windowMs: SIGNUP_WINDOW_MS }],
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
 * address (a guesser spread over many addresses, counted in failures: wrong passwords and
 * wrong second-factor codes alike). A success clears the first and the last.
 * `previousToken` is the session the browser already had: it is ended, so a session id
 * planted before sign-in never becomes a signed-in one.
 *
 * With two-factor on, a correct password and no `totp` is a 401 naming `totp`; a wrong
 * password says the same as ever, so it never tells whether two-factor is on.
 */
export async function signIn(ctx: AppContext, input: SignInInput): Promise<IssuedSession> {
  const { db, now } = ctx;
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
  const memberships = user ? await membershipsOf(db, user.id) : [];
  const failed = async (reason: 'password' | 'totp') => {
    await hitRateLimit(db, accountKey, LOGIN_WINDOW_MS, now);
    if (user) await auditFailure(ctx, user, memberships, input.ip, reason);
  };
  if (!user || !ok) {
    await failed('password');
    throw new UnauthorizedError('wrongPassword');
  }
  const [membership] = memberships;
  if (!membership) throw new UnauthorizedError('noBusinessYet');
  let method: 'password' | 'totp' | 'recoveryCode' = 'password';
  if (user.totpEnabledAt) {
    if (!input.totp) throw new UnauthorizedError('totpRequired', [{ path: 'totp', message: 'totpRequired' }]);
    const spent = await spendSecondFactor(ctx, user, input.totp);
    if (!spent) {
      await failed('totp');
      throw new UnauthorizedError('totpWrong', [{ path: 'totp', message: 'totpWrong' }]);
    }
    method = spent;
  }
  await Promise.all([clearRateLimit(db, pairKey), clearRateLimit(db, accountKey)]);
  if (input.previousToken) await deleteSession(db, await sha256Hex(input.previousToken));
  const tenantCtx = forTenant(ctx, membership.tenantId, now, personActor(user, input.ip));
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  const session = sessionInsert(
    db,
    {
      tokenHash: await sha256Hex(token),
      userId: user.id,
      tenantId: membership.tenantId,
      expiresAt,
      ...deviceColumns(input),
    },
    now,
  );
  await db.batch([
    session.statement,
    auditLine(tenantCtx, 'session.created', { type: 'session', id: session.id }, { method }),
  ]);
  return {
    token,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
    tenantId: membership.tenantId,
    userId: user.id,
    role: membership.role,
    twoFactorEnabled: Boolean(user.totpEnabledAt),
  };
}

export interface SignInInput {
  email: string;
  password: string;
  /** A code from the authenticator app or an unused recovery code, when two-factor is on. */
  totp?: string | undefined;
  ip: string;
  previousToken?: string | undefined;
  userAgent?: string | undefined;
  country?: string | undefined;
}

const personActor = (user: { id: string; name: string | null; email: string }, ip: string): Actor => ({
  type: 'user',
  id: user.id,
  name: user.name ?? user.email,
  ip: ip === 'local' ? null : ip,
});

/** A wrong password or code for a real person: one line in each business they belong to (never what was typed). */
async function auditFailure(
  ctx: AppContext,
  user: { id: string; name: string | null; email: string },
  memberships: { tenantId: string }[],
  ip: string,
  reason: 'password' | 'totp',
) {
  const lines = memberships.map((m) =>
    auditLine(
      forTenant(ctx, m.tenantId, ctx.now, personActor(user, ip)),
      'session.failed',
      {
        type: 'user',
        id: user.id,
      },
      { reason },
    ),
  );
  const [first, ...rest] = lines;
  if (first) await ctx.db.batch([first, ...rest]);
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
export async function signInToBusiness(ctx: AppContext, input: SignInInput) {
  const session = await signIn(ctx, input);
  return { session, business: await sessionBusiness(ctx.db, session.tenantId) };
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
        requireTwoFactor: tenant.requireTwoFactor,
      }
    : undefined;
}
