import { isLanguage, TWO_FACTOR_MAIL } from '@clientele/core';
import {
  deleteRecoveryCodes,
  disableTotp,
  enableTotp,
  replaceRecoveryCodes,
  savePendingTotpSecret,
  setRequireTwoFactor,
  spendRecoveryCode,
  spendTotpStep,
  twoFactorRequiredBy,
  twoFactorStateOf,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import type { AppContext, TenantContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { queueAccountEmail } from '../mail/account-mail';
import { open, seal } from '../stripe/sealed';
import { newRecoveryCodes, normalRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { matchingStep, newTotpSecret, otpauthUrl } from './totp';

export const TOTP_ISSUER = 'Clientele';

/**
 * The secret is sealed like Stripe keys, with the person's id as associated data: a sealed
 * secret copied onto another person's row does not open.
 */
const sealSecret = (ctx: AppContext, userId: string, secret: string) =>
  seal(ctx.stripe.keyring, userId, secret);

async function personOf(ctx: AppContext, userId: string) {
  const person = await twoFactorStateOf(ctx.db, userId);
  if (!person) throw new NotFoundError('session');
  return person;
}

/** `POST /me/totp`: a new secret, kept pending until a code from it is confirmed. */
export async function beginTotpEnrolment(ctx: TenantContext, userId: string) {
  const person = await personOf(ctx, userId);
  if (person.totpEnabledAt) throw new ConflictError('twoFactorAlreadyOn');
  const secret = newTotpSecret();
  if (!(await savePendingTotpSecret(ctx.db, userId, await sealSecret(ctx, userId, secret)))) {
    throw new ConflictError('twoFactorAlreadyOn');
  }
  return { secret, otpauthUrl: otpauthUrl(TOTP_ISSUER, person.email, secret) };
}

const wrongCode = () => new ValidationError([{ path: 'code', message: 'totpWrong' }], 'totpWrong');

/** `POST /me/totp/confirm`: a code from the pending secret turns two-factor on; the recovery codes are shown once. */
export async function confirmTotpEnrolment(ctx: TenantContext, userId: string, code: string) {
  const person = await personOf(ctx, userId);
  if (person.totpEnabledAt) throw new ConflictError('twoFactorAlreadyOn');
  if (!person.totpSecret) throw new ConflictError('twoFactorNotStarted');
  const secret = await open(ctx.stripe.keyring, userId, person.totpSecret);
  const step = await matchingStep(secret, code, ctx.now, person.totpLastStep);
  if (step === undefined) throw wrongCode();
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => recoveryCodeHash(userId, normalRecoveryCode(c) ?? c)));
  const [enabled] = await ctx.db.batch([
    enableTotp(ctx.db, { userId, sealedSecret: person.totpSecret, step }, ctx.now),
    auditLineIfChanged(ctx, 'totp.enabled', { type: 'user', id: userId }),
    ...replaceRecoveryCodes(ctx.db, userId, hashes, ctx.now),
  ]);
  // Another tab confirmed (or restarted enrolment) in the meantime: its codes stand, not these.
  if (enabled.length === 0) throw new ConflictError('twoFactorAlreadyOn');
  await securityNotice(ctx, person, 'enabled');
  return { recoveryCodes: codes };
}

/**
 * A code from the authenticator, or an unused recovery code, for a person with two-factor
 * on: spent when it matches (a code is accepted once), and which kind it was.
 */
export async function spendSecondFactor(
  ctx: AppContext,
  person: { id: string; totpSecret: string | null; totpLastStep: number | null },
  typed: string,
): Promise<'totp' | 'recoveryCode' | undefined> {
  const code = typed.replace(/\s/g, '');
  if (/^\d{6}$/.test(code)) {
    if (!person.totpSecret) return undefined;
    const secret = await open(ctx.stripe.keyring, person.id, person.totpSecret);
    const step = await matchingStep(secret, code, ctx.now, person.totpLastStep);
    if (step === undefined) return undefined;
    return (await spendTotpStep(ctx.db, person.id, step)) ? 'totp' : undefined;
  }
  const normal = normalRecoveryCode(code);
  if (!normal) return undefined;
  const hash = await recoveryCodeHash(person.id, normal);
  return (await spendRecoveryCode(ctx.db, person.id, hash, ctx.now)) ? 'recoveryCode' : undefined;
}

/** `DELETE /me/totp`: a code or a recovery code turns two-factor off and deletes the recovery codes. */
export async function turnOffTotp(ctx: TenantContext, userId: string, code: string) {
  const person = await personOf(ctx, userId);
  if (!person.totpEnabledAt) throw new ConflictError('twoFactorNotOn');
  if (!(await spendSecondFactor(ctx, person, code))) throw wrongCode();
  await ctx.db.batch([
    disableTotp(ctx.db, userId),
    auditLineIfChanged(ctx, 'totp.disabled', { type: 'user', id: userId }),
    deleteRecoveryCodes(ctx.db, userId),
  ]);
  await securityNotice(ctx, person, 'disabled');
}

async function securityNotice(
  ctx: TenantContext,
  person: { email: string; locale: string | null },
  what: 'enabled' | 'disabled',
) {
  const words = TWO_FACTOR_MAIL[person.locale && isLanguage(person.locale) ? person.locale : ctx.language];
  await queueAccountEmail(ctx, {
    kind: 'account_security',
    to: person.email,
    subject: what === 'enabled' ? words.enabledSubject : words.disabledSubject,
    paragraphs: [what === 'enabled' ? words.enabled : words.disabled, words.notYou],
    link: { url: `${ctx.config.publicUrl.replace(/\/$/, '')}/account/two-factor`, label: words.openApp },
  });
}

export async function twoFactorSettings(ctx: TenantContext, userId: string | null) {
  const [required, person] = await Promise.all([
    twoFactorRequiredBy(ctx.db, ctx.tenantId),
    userId ? twoFactorStateOf(ctx.db, userId) : undefined,
  ]);
  return { required, enabledForMe: Boolean(person?.totpEnabledAt) };
}

/**
 * The owner's "everyone signs in with a second factor". Only an owner who has it on may
 * turn it on, so nobody requires of others what they have not done themselves (and the owner
 * is never fenced out of the setting).
 */
export async function requireTwoFactor(ctx: TenantContext, userId: string, required: boolean) {
  if (required) {
    const person = await personOf(ctx, userId);
    if (!person.totpEnabledAt) throw new ConflictError('ownerNeedsTwoFactor');
  }
  await ctx.db.batch([
    setRequireTwoFactor(ctx.db, ctx.tenantId, required, ctx.now),
    auditLineIfChanged(
      ctx,
      'settings.two_factor_required',
      { type: 'business', id: ctx.tenantId },
      { required },
    ),
  ]);
  return twoFactorSettings(ctx, userId);
}

/**
 * What a person fenced in by the business's requirement may still reach: their own profile,
 * turning two-factor on, their session and signing out (path relative to /api/v1).
 */
export function fencedMayCall(method: string, path: string): boolean {
  if (path === '/me' || path === '/me/totp' || path.startsWith('/me/totp/')) return true;
  return path === '/sessions/current' && (method === 'GET' || method === 'HEAD' || method === 'DELETE');
}
