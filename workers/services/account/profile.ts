import { isLanguage } from '@clientele/core';
import {
  deleteSessionsOfUser,
  pendingEmailChange,
  setPassword,
  type User,
  updateUserProfile,
} from '@clientele/db';
import { hashPassword } from '../auth/password';
import type { AppContext } from '../context';
import { NotFoundError } from '../errors';
import { queueAccountEmail } from '../mail/account-mail';
import { confirmCurrentPassword } from './current-password';
import { auditForPerson, loadPerson, mailContext, mailWords, personActor } from './person';
import type { Profile, ProfilePatch } from './schema';

async function toProfile(ctx: AppContext, user: User): Promise<Profile> {
  const pending = await pendingEmailChange(ctx.db, user.id, ctx.now);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: isLanguage(user.locale) ? user.locale : null,
    emailVerified: user.emailVerifiedAt !== null,
    twoFactorEnabled: user.totpEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    pendingEmail: pending?.email ?? null,
  };
}

export async function profileOf(ctx: AppContext, userId: string): Promise<Profile> {
  const person = await loadPerson(ctx, userId);
  if (!person) throw new NotFoundError('session');
  return toProfile(ctx, person.user);
}

export async function updateProfile(ctx: AppContext, userId: string, patch: ProfilePatch): Promise<Profile> {
  const set: { name?: string | null; locale?: string | null } = {};
  if (patch.name !== undefined) set.name = patch.name?.trim() || null;
  if (patch.locale !== undefined) set.locale = patch.locale;
  const user = Object.keys(set).length
    ? await updateUserProfile(ctx.db, userId, set)
    : (await loadPerson(ctx, userId))?.user;
  if (!user) throw new NotFoundError('session');
  return toProfile(ctx, user);
}

/**
 * A new password, confirmed with the current one. In one batch: the password, the end of
 * every other session of the person (this one stays), an audit line in each business;
 * then a notice to the address, so a person whose session was stolen hears of it.
 */
export async function changePassword(
  ctx: AppContext,
  who: { userId: string; sessionId: string | null; ip: string | null },
  input: { currentPassword: string; newPassword: string },
) {
  const person = await loadPerson(ctx, who.userId);
  if (!person) throw new NotFoundError('session');
  await confirmCurrentPassword(ctx, person.user, input.currentPassword);
  const actor = personActor(person.user, who.ip);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.batch([
    setPassword(ctx.db, person.user.id, passwordHash),
    deleteSessionsOfUser(ctx.db, person.user.id, who.sessionId),
    ...auditForPerson(ctx, person, actor, 'user.password_changed', { type: 'user', id: person.user.id }),
  ]);
  const mailCtx = mailContext(ctx, person, actor);
  if (mailCtx) {
    const w = mailWords(person);
    await queueAccountEmail(mailCtx, {
      kind: 'account_password_changed',
      to: person.user.email,
      subject: w.passwordChangedSubject,
      paragraphs: [w.passwordChangedBody, w.passwordChangedWarning],
    });
  }
}
