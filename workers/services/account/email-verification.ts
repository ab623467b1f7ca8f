import {
  changeUserEmail,
  claimEmailVerification,
  findEmailVerification,
  findUserByEmail,
  hitRateLimit,
  insertEmailVerification,
  markEmailVerified,
} from '@clientele/db';
import { randomToken, sha256Hex } from '../auth/encoding';
import type { Actor, AppContext } from '../context';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors';
import { queueAccountEmail } from '../mail/account-mail';
import { confirmCurrentPassword } from './current-password';
import {
  appLink,
  auditForPerson,
  loadPerson,
  mailContext,
  mailWords,
  type Person,
  personActor,
} from './person';

/** A confirmation link works for two days: long enough for a weekend. */
export const VERIFICATION_LINK_MS = 48 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
/** "Send the link again" per person per hour. */
export const RESENDS_PER_HOUR = 5;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const waitOf = (resetAt: Date, now: Date) =>
  Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));

/** Emails a confirmation link for `email` (the person's address, or the one they change to). */
async function emailConfirmationLink(
  ctx: AppContext,
  person: Person,
  actor: Actor,
  purpose: 'verify' | 'change',
  email: string,
) {
  const mailCtx = mailContext(ctx, person, actor);
  if (!mailCtx) return;
  const token = randomToken();
  await insertEmailVerification(ctx.db, {
    tokenHash: await sha256Hex(token),
    userId: person.user.id,
    email,
    purpose,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + VERIFICATION_LINK_MS),
  });
  const w = mailWords(person);
  await queueAccountEmail(mailCtx, {
    kind: 'account_verify_email',
    to: email,
    subject: purpose === 'verify' ? w.verifySubject : w.changeSubject,
    paragraphs: [purpose === 'verify' ? w.verifyBody : w.changeBody],
    link: {
      url: appLink(ctx, `/verify-email/${token}`),
      label: purpose === 'verify' ? w.verifyButton : w.changeButton,
    },
  });
}

/** After sign-up: the new owner is asked to confirm the address they signed up with. */
export async function emailSignUpConfirmation(ctx: AppContext, userId: string, ip: string | null) {
  const person = await loadPerson(ctx, userId);
  if (!person || person.user.emailVerifiedAt) return;
  await emailConfirmationLink(ctx, person, personActor(person.user, ip), 'verify', person.user.email);
}

/** "Send the link again": throttled per person; nothing is sent once the address is confirmed. */
export async function resendConfirmation(ctx: AppContext, userId: string, ip: string | null) {
  const hit = await hitRateLimit(ctx.db, await sha256Hex(`verify-resend\n${userId}`), HOUR_MS, ctx.now);
  if (hit.count > RESENDS_PER_HOUR) throw new RateLimitedError(waitOf(hit.resetAt, ctx.now));
  await emailSignUpConfirmation(ctx, userId, ip);
}

/**
 * Uses a confirmation link; the token alone is enough (it may be opened in another
 * browser). A `verify` link marks the address confirmed; a `change` link moves the person
 * to the new address (confirmed by this very link) and tells the old one.
 */
export async function confirmEmail(ctx: AppContext, token: string, ip: string | null) {
  if (!TOKEN_SHAPE.test(token)) throw new NotFoundError('verificationLink');
  const tokenHash = await sha256Hex(token);
  const link = await findEmailVerification(ctx.db, tokenHash);
  if (!link || link.usedAt || link.expiresAt <= ctx.now) throw new NotFoundError('verificationLink');
  const person = await loadPerson(ctx, link.userId);
  if (!person) throw new NotFoundError('verificationLink');
  const actor = personActor(person.user, ip);
  const subject = { type: 'user', id: person.user.id };
  const oldEmail = person.user.email;
  if (link.purpose === 'verify') {
    const [claimed] = await ctx.db.batch([
      claimEmailVerification(ctx.db, tokenHash, ctx.now),
      markEmailVerified(ctx.db, person.user.id, link.email, tokenHash, ctx.now),
      ...auditForPerson(ctx, person, actor, 'user.email_verified', subject, { ifChanged: true }),
    ]);
    if (claimed.length === 0) throw new NotFoundError('verificationLink');
    return;
  }
  const taken = await findUserByEmail(ctx.db, link.email);
  if (taken && taken.id !== person.user.id)
    throw new ConflictError('emailTaken', [{ path: 'email', message: 'emailTaken' }]);
  const [claimed] = await ctx.db.batch([
    claimEmailVerification(ctx.db, tokenHash, ctx.now),
    changeUserEmail(ctx.db, person.user.id, link.email, tokenHash, ctx.now),
    ...auditForPerson(ctx, person, actor, 'user.email_changed', subject, { ifChanged: true }),
  ]);
  if (claimed.length === 0) throw new NotFoundError('verificationLink');
  const mailCtx = mailContext(ctx, person, actor);
  if (mailCtx && oldEmail !== link.email) {
    const w = mailWords(person);
    await queueAccountEmail(mailCtx, {
      kind: 'account_email_changed',
      to: oldEmail,
      subject: w.emailChangedSubject,
      paragraphs: [w.emailChangedBody(link.email)],
      idempotencyKey: `email-changed:${tokenHash}`,
    });
  }
}

/**
 * Asks to sign in with another address: confirmed with the current password, and taking
 * effect only when the link sent to the new address is used. An address another person
 * has is refused with 409 (the same words sign-up uses: nothing more is told).
 */
export async function requestEmailChange(
  ctx: AppContext,
  userId: string,
  input: { email: string; currentPassword: string },
  ip: string | null,
) {
  const person = await loadPerson(ctx, userId);
  if (!person) throw new NotFoundError('session');
  await confirmCurrentPassword(ctx, person.user, input.currentPassword);
  const email = input.email.trim().toLowerCase();
  if (email === person.user.email) throw new ValidationError([{ path: 'email', message: 'sameEmail' }]);
  if (await findUserByEmail(ctx.db, email)) {
    throw new ConflictError('emailTaken', [{ path: 'email', message: 'emailTaken' }]);
  }
  await emailConfirmationLink(ctx, person, personActor(person.user, ip), 'change', email);
  return { pendingEmail: email };
}
