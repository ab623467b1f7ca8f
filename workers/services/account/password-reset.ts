import {
  claimPasswordReset,
  deleteSessionsIfResetClaimed,
  findPasswordReset,
  findUserByEmail,
  hitRateLimit,
  insertPasswordReset,
  setPasswordIfResetClaimed,
} from '@clientele/db';
import { randomToken, sha256Hex } from '../auth/encoding';
import { hashPassword } from '../auth/password';
import type { AppContext } from '../context';
import { NotFoundError, RateLimitedError } from '../errors';
import { queueAccountEmail } from '../mail/account-mail';
import { appLink, auditForPerson, loadPerson, mailContext, mailWords, personActor } from './person';

export const RESET_LINK_MS = 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const WINDOW_MS = 15 * 60 * 1000;
/** Links emailed to one account per hour; beyond it the answer is the same and no email goes. */
export const RESETS_PER_ACCOUNT_HOUR = 3;
/** Requests from one address per hour, whatever the addresses asked about. */
export const RESETS_PER_ADDRESS_HOUR = 20;
/** Tries of a reset link from one address per 15 minutes: a guesser meets this long before a token. */
export const RESET_TRIES_PER_ADDRESS = 20;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const waitOf = (resetAt: Date, now: Date) =>
  Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));

/**
 * Counted while answering: a 429 from one address tells nothing about any account. Every
 * other step (lookup, token, email) runs after the answer (`emailResetLink`), so the answer
 * is the same, in the same time, whether or not the address has an account.
 */
export async function countResetRequest(ctx: AppContext, ip: string) {
  const hit = await hitRateLimit(ctx.db, await sha256Hex(`reset-ip\n${ip}`), HOUR_MS, ctx.now);
  if (hit.count > RESETS_PER_ADDRESS_HOUR) throw new RateLimitedError(waitOf(hit.resetAt, ctx.now));
}

/** Emails a one-hour, single-use reset link to the account of `email`, if there is one. */
export async function emailResetLink(ctx: AppContext, email: string, ip: string) {
  const address = email.trim().toLowerCase();
  // Counted per typed address, account or not, so the work done does not depend on it either.
  const hit = await hitRateLimit(ctx.db, await sha256Hex(`reset-account\n${address}`), HOUR_MS, ctx.now);
  const user = await findUserByEmail(ctx.db, address);
  if (!user || hit.count > RESETS_PER_ACCOUNT_HOUR) return false;
  const person = await loadPerson(ctx, user.id);
  const mailCtx = person && mailContext(ctx, person, personActor(user, ip));
  if (!person || !mailCtx) return false;
  const token = randomToken();
  await insertPasswordReset(ctx.db, {
    tokenHash: await sha256Hex(token),
    userId: user.id,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + RESET_LINK_MS),
  });
  const w = mailWords(person);
  await queueAccountEmail(mailCtx, {
    kind: 'account_password_reset',
    to: user.email,
    subject: w.resetSubject,
    paragraphs: [w.resetBody, w.resetIgnore],
    link: { url: appLink(ctx, `/reset-password/${token}`), label: w.resetButton },
  });
  return true;
}

/**
 * Sets a new password with a reset link. In one batch: the link is claimed (used once,
 * unexpired), the password set and every session of the person ended, with an audit line
 * in each of their businesses; the later statements only act when the claim did.
 */
export async function resetPassword(ctx: AppContext, token: string, password: string, ip: string) {
  const tries = await hitRateLimit(ctx.db, await sha256Hex(`reset-try\n${ip}`), WINDOW_MS, ctx.now);
  if (tries.count > RESET_TRIES_PER_ADDRESS) throw new RateLimitedError(waitOf(tries.resetAt, ctx.now));
  if (!TOKEN_SHAPE.test(token)) throw new NotFoundError('resetLink');
  const tokenHash = await sha256Hex(token);
  const reset = await findPasswordReset(ctx.db, tokenHash);
  if (!reset || reset.usedAt || reset.expiresAt <= ctx.now) throw new NotFoundError('resetLink');
  const person = await loadPerson(ctx, reset.userId);
  if (!person) throw new NotFoundError('resetLink');
  const actor = personActor(person.user, ip);
  const passwordHash = await hashPassword(password);
  const [claimed] = await ctx.db.batch([
    claimPasswordReset(ctx.db, tokenHash, ctx.now),
    setPasswordIfResetClaimed(ctx.db, person.user.id, passwordHash, tokenHash, ctx.now),
    ...auditForPerson(
      ctx,
      person,
      actor,
      'user.password_reset',
      { type: 'user', id: person.user.id },
      {
        ifChanged: true,
      },
    ),
    deleteSessionsIfResetClaimed(ctx.db, person.user.id, tokenHash, ctx.now),
  ]);
  // Another request used the link between the read and the batch.
  if (claimed.length === 0) throw new NotFoundError('resetLink');
  const mailCtx = mailContext(ctx, person, actor);
  if (mailCtx) {
    const w = mailWords(person);
    await queueAccountEmail(mailCtx, {
      kind: 'account_password_changed',
      to: person.user.email,
      subject: w.passwordChangedSubject,
      paragraphs: [w.passwordChangedBody, w.passwordChangedWarning],
      idempotencyKey: `password-reset:${tokenHash}`,
    });
  }
}
