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
  hitRateLimit,
  membershipsOf,
  type Role,
} from '@clientele/db';
import { ConflictError, RateLimitedError, UnauthorizedError } from '../errors';
import { randomToken, sha256Hex } from './encoding';
import { decoyHash, hashPassword, verifyPassword } from './password';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Sessions slide: once past half their life, use pushes expiry out again. */
const SESSION_REFRESH_MS = SESSION_TTL_MS / 2;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_ATTEMPTS = 10;

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
): Promise<IssuedSession> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await createSession(db, { tokenHash: await sha256Hex(token), userId, tenantId, expiresAt }, now);
  return { token, expiresAt, tenantId, userId, role };
}

export async function signUp(
  db: Db,
  input: { businessName: string; email: string; password: string; currency: string; locale: string },
  now = new Date(),
): Promise<IssuedSession> {
  const passwordHash = await hashPassword(input.password);
  try {
    const { tenantId, userId } = await createTenantWithOwner(db, { ...input, passwordHash }, now);
    return await issue(db, userId, tenantId, 'owner', now);
  } catch (err) {
    if (err instanceof EmailTakenError) throw new ConflictError('An account with this email already exists');
    throw err;
  }
}

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<IssuedSession> {
  const email = input.email.trim().toLowerCase();
  const limitKey = await sha256Hex(`signin\n${email}\n${input.ip}`);
  const hit = await hitRateLimit(db, limitKey, LOGIN_WINDOW_MS, now);
  if (hit.count > LOGIN_MAX_ATTEMPTS) {
    throw new RateLimitedError(Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000)));
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) throw new UnauthorizedError('Email or password is incorrect');
  const [membership] = await membershipsOf(db, user.id);
  if (!membership) throw new UnauthorizedError('This account has no business yet');
  await clearRateLimit(db, limitKey);
  return issue(db, user.id, membership.tenantId, membership.role, now);
}

export async function resolveSession(db: Db, token: string, now = new Date()) {
  const tokenHash = await sha256Hex(token);
  const s = await findSession(db, tokenHash, now);
  if (!s) return undefined;
  if (s.expiresAt.getTime() - now.getTime() < SESSION_REFRESH_MS) {
    await extendSession(db, tokenHash, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return s;
}

export async function signOut(db: Db, token: string) {
  await deleteSession(db, await sha256Hex(token));
}
