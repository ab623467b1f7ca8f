import { isLanguage, type Language } from '@clientele/core';
import {
  acceptInvitationStatement,
  addMemberStatement,
  createSession,
  findInvitationByToken,
  findUserByEmail,
  hitRateLimit,
  newUserStatement,
  peekRateLimit,
  type Role,
  switchSessionStatement,
} from '@clientele/db';
import { auditLine } from '../audit';
import { randomToken, sha256Hex } from '../auth/encoding';
import { hashPassword } from '../auth/password';
import { resolveSession, SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from '../auth/sessions';
import { type AppContext, forTenant } from '../context';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors';
import type { AcceptInvitationInput } from './schema';

/** Unknown or used tokens from one address in a window: guessing 256-bit tokens is hopeless anyway, this keeps it quiet. */
const GUESS_WINDOW_MS = 15 * 60 * 1000;
const GUESS_MAX = 20;

export interface AcceptRequest {
  token: string;
  input: AcceptInvitationInput;
  /** The admin session cookie the browser sent, if any. */
  sessionToken: string | undefined;
  ip: string;
  userAgent: string | null;
  country: string | null;
}

export interface Accepted {
  /** Set when a new session was opened (a new person); an existing one is re-pointed instead. */
  newSession?: { token: string; expiresAt: Date };
  userId: string;
  email: string;
  tenantId: string;
  businessName: string;
  locale: Language;
  role: Role;
  created: boolean;
}

async function guessKey(ip: string) {
  return sha256Hex(`invitation-token-ip\n${ip}`);
}

/** The live invitation behind a token, counting misses per address. */
async function usableInvitation(app: AppContext, token: string, ip: string) {
  const key = await guessKey(ip);
  const seen = await peekRateLimit(app.db, key, app.now);
  if (seen && seen.count >= GUESS_MAX) {
    throw new RateLimitedError(Math.max(1, Math.ceil((seen.resetAt.getTime() - app.now.getTime()) / 1000)));
  }
  const found = token.length <= 128 ? await findInvitationByToken(app.db, await sha256Hex(token)) : undefined;
  const i = found?.invitation;
  if (
    !found ||
    !i ||
    found.closedAt ||
    i.acceptedAt ||
    i.revokedAt ||
    i.expiresAt.getTime() <= app.now.getTime()
  ) {
    await hitRateLimit(app.db, key, GUESS_WINDOW_MS, app.now);
    throw new NotFoundError('invitation');
  }
  return { invitation: i, businessName: found.businessName, locale: found.businessLocale };
}

/** What the invitation page shows before anyone accepts: the business, the address and the role. */
export async function previewInvitation(app: AppContext, token: string, ip: string) {
  const { invitation, businessName } = await usableInvitation(app, token, ip);
  return {
    businessName,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation. A new person (no account for the address) gives a name and a
 * password and is signed in; a person with an account must already be signed in with the
 * invited address and joins with one click, their session moving to the business. Nobody
 * gets a second account for an address, and a session of someone else is never used.
 */
export async function acceptInvitation(app: AppContext, req: AcceptRequest): Promise<Accepted> {
  const { invitation: inv, businessName, locale } = await usableInvitation(app, req.token, req.ip);
  const signedIn = req.sessionToken ? await resolveSession(app.db, req.sessionToken, app.now) : undefined;
  const business = {
    tenantId: inv.tenantId,
    businessName,
    locale: isLanguage(locale) ? locale : ('en' as const),
    role: inv.role,
    email: inv.email,
  };
  if (signedIn) {
    if (signedIn.email !== inv.email) throw new ConflictError('invitationForAnotherEmail');
    const ctx = forTenant(app, inv.tenantId, app.now, {
      type: 'user',
      id: signedIn.userId,
      name: signedIn.name ?? signedIn.email,
      ip: req.ip,
    });
    await app.db.batch([
      acceptInvitationStatement(app.db, inv.id, signedIn.userId, app.now),
      addMemberStatement(app.db, inv.tenantId, signedIn.userId, inv.role, app.now),
      auditLine(
        ctx,
        'invitation.accepted',
        { type: 'invitation', id: inv.id },
        { email: inv.email, role: inv.role },
      ),
      switchSessionStatement(app.db, await sha256Hex(req.sessionToken ?? ''), signedIn.userId, inv.tenantId),
    ]);
    return { ...business, userId: signedIn.userId, created: false };
  }
  if (await findUserByEmail(app.db, inv.email)) throw new ConflictError('signInToAccept');
  const { name, password } = req.input;
  if (!name || !password) {
    throw new ValidationError([
      ...(name ? [] : [{ path: 'name', message: 'required' as const }]),
      ...(password ? [] : [{ path: 'password', message: 'required' as const }]),
    ]);
  }
  const user = newUserStatement(
    app.db,
    { email: inv.email, name, passwordHash: await hashPassword(password), locale: null },
    app.now,
  );
  const ctx = forTenant(app, inv.tenantId, app.now, { type: 'user', id: user.id, name, ip: req.ip });
  try {
    await app.db.batch([
      user.statement,
      acceptInvitationStatement(app.db, inv.id, user.id, app.now),
      addMemberStatement(app.db, inv.tenantId, user.id, inv.role, app.now),
      auditLine(
        ctx,
        'invitation.accepted',
        { type: 'invitation', id: inv.id },
        { email: inv.email, role: inv.role },
      ),
    ]);
  } catch (err) {
    // The same link accepted twice at once: the unique address decides, the batch rolls back.
    if (String((err as Error)?.cause ?? err).includes('UNIQUE')) throw new ConflictError('signInToAccept');
    throw err;
  }
  const token = randomToken();
  await createSession(
    app.db,
    {
      tokenHash: await sha256Hex(token),
      userId: user.id,
      tenantId: inv.tenantId,
      expiresAt: new Date(app.now.getTime() + SESSION_IDLE_MS),
      userAgent: req.userAgent,
      country: req.country,
    },
    app.now,
  );
  return {
    ...business,
    userId: user.id,
    created: true,
    newSession: { token, expiresAt: new Date(app.now.getTime() + SESSION_MAX_AGE_MS) },
  };
}
