import { CLOSING_WORDS, isLanguage } from '@clientele/core';
import {
  closedTenants,
  closeTenantStatements,
  findUserById,
  getTenant,
  hitRateLimit,
  ownersOf,
  purgeTenantRows,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import { sha256Hex } from '../auth/encoding';
import { verifyPassword } from '../auth/password';
import { spendSecondFactor } from '../auth/two-factor';
import { type AppContext, forTenant, type TenantContext } from '../context';
import { NotFoundError, RateLimitedError, ValidationError } from '../errors';
import { queueAccountEmail } from '../mail/account-mail';
import type { CloseBusinessInput, ClosedBusiness } from './schema';
import { purgeTenantFiles } from './tenant-files';

/** The cron waits this long before removing a closed business (its last emails go out first). */
export const PURGE_AFTER_MS = 3600 * 1000;
/** What the product promises: everything gone within a day of closing. */
export const PURGE_PROMISE_MS = 24 * 3600 * 1000;
const WRONG_PASSWORDS_PER_HOUR = 5;

/**
 * Closes the business for good, asked by an owner who proves it is them (password, and a
 * second-factor code when that is on) and types the business's name. One batch: closed,
 * everyone signed out, portal links and API keys dead, Stripe keys dropped, the audit line.
 */
export async function closeBusiness(
  ctx: TenantContext,
  userId: string,
  input: CloseBusinessInput,
): Promise<ClosedBusiness> {
  const [tenant, user] = await Promise.all([getTenant(ctx.db, ctx.tenantId), findUserById(ctx.db, userId)]);
  if (!tenant || !user) throw new NotFoundError('business');
  const errors = [];
  if (input.confirm.trim() !== tenant.name.trim())
    errors.push({ path: 'confirm', message: 'businessNameMismatch' as const });
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    // The password is checked here as at sign-in, so this form must not become a way to guess it.
    const hit = await hitRateLimit(ctx.db, await sha256Hex(`close\n${user.id}`), 3600 * 1000, ctx.now);
    if (hit.count > WRONG_PASSWORDS_PER_HOUR)
      throw new RateLimitedError(Math.ceil((hit.resetAt.getTime() - ctx.now.getTime()) / 1000));
    errors.push({ path: 'password', message: 'passwordIncorrect' as const });
  } else if (user.totpEnabledAt && !(input.totp && (await spendSecondFactor(ctx, user, input.totp)))) {
    errors.push({ path: 'totp', message: 'secondFactorNeeded' as const });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  const owners = await ownersOf(ctx.db, ctx.tenantId);
  const [closing, ...rest] = closeTenantStatements(ctx.db, ctx.tenantId, ctx.now);
  await ctx.db.batch([
    closing,
    auditLineIfChanged(ctx, 'business.closed', { type: 'business', id: ctx.tenantId }),
    ...rest,
  ]);
  const by = user.name ?? user.email;
  for (const owner of owners) {
    const words = CLOSING_WORDS[[owner.locale ?? '', tenant.locale].find(isLanguage) ?? 'en'];
    await queueAccountEmail(ctx, {
      kind: 'account_business_closed',
      to: owner.email,
      subject: words.subject(tenant.name),
      paragraphs: [words.closed(tenant.name, by), words.removal, words.export],
      idempotencyKey: `closed:${ctx.tenantId}:${owner.userId}`,
    });
  }
  return {
    id: ctx.tenantId,
    closedAt: ctx.now.toISOString(),
    removedBy: new Date(ctx.now.getTime() + PURGE_PROMISE_MS).toISOString(),
  };
}

/**
 * Removes businesses closed over an hour ago: their rows (every table with a business
 * column, in foreign-key order), their files in R2, and the people left in no business.
 * Bounded per run; the cron runs every 15 minutes, so a large business takes a few runs and
 * every one is gone well within a day.
 */
export async function purgeClosedBusinesses(
  ctx: AppContext,
  budget = { statements: 40, chunk: 2000, files: 2000 },
): Promise<{ purged: number; rows: number }> {
  let purged = 0;
  let rows = 0;
  for (const t of await closedTenants(ctx.db, new Date(ctx.now.getTime() - PURGE_AFTER_MS))) {
    const log = forTenant(ctx, t.id).log;
    // Files first: while the rows exist, a half-done purge is still found next run.
    if (!(await purgeTenantFiles(ctx.files, t.id, budget.files))) {
      log.info('closed business: files still being removed');
      break;
    }
    const result = await purgeTenantRows(ctx.db, t.id, { budget: budget.statements, chunk: budget.chunk });
    rows += result.deleted;
    if (!result.done) {
      log.info('closed business: rows still being removed', { rows: result.deleted });
      break;
    }
    log.info('closed business removed', { rows: result.deleted });
    purged++;
  }
  return { purged, rows };
}
