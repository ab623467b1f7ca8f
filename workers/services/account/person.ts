import { ACCOUNT_MAIL_WORDS, isLanguage, type Language } from '@clientele/core';
import { findUserById, tenantsOfUser, type User } from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import { type Actor, type AppContext, forTenant, type TenantContext } from '../context';

/** A person with every business they belong to: account changes are theirs in each. */
export interface Person {
  user: User;
  tenants: { tenantId: string; locale: string }[];
  language: Language;
}

export async function loadPerson(ctx: AppContext, userId: string): Promise<Person | undefined> {
  const user = await findUserById(ctx.db, userId);
  if (!user) return undefined;
  const tenants = await tenantsOfUser(ctx.db, userId);
  const fallback = tenants[0]?.locale;
  const language: Language = isLanguage(user.locale) ? user.locale : isLanguage(fallback) ? fallback : 'en';
  return { user, tenants, language };
}

export const personActor = (user: User, ip: string | null): Actor => ({
  type: 'user',
  id: user.id,
  name: user.name ?? user.email,
  ip,
});

/** The person's first business: account emails are recorded there (the `emails` table is per business). */
export function mailContext(ctx: AppContext, person: Person, actor: Actor): TenantContext | undefined {
  const first = person.tenants[0];
  return first ? forTenant(ctx, first.tenantId, ctx.now, actor) : undefined;
}

export const mailWords = (person: Person) => ACCOUNT_MAIL_WORDS[person.language];

/**
 * One audit line per business the person belongs to (the log is per business). With
 * `ifChanged`, each is written only when the statement before it changed a row: put them
 * right after the change, and they chain (each insert counts as the change for the next).
 */
export function auditForPerson(
  ctx: AppContext,
  person: Person,
  actor: Actor,
  action: string,
  subject: { type: string; id: string | null },
  opts: { ifChanged?: boolean } = {},
) {
  return person.tenants.map((t) => {
    const tctx = forTenant(ctx, t.tenantId, ctx.now, actor);
    return opts.ifChanged ? auditLineIfChanged(tctx, action, subject) : auditLine(tctx, action, subject);
  });
}

/** Links in emails open the admin app at the deployment's address, never the request's Host. */
export const appLink = (ctx: AppContext, path: string) =>
  `${ctx.config.publicUrl.replace(/\/+$/, '')}${path}`;
