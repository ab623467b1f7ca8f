import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { emailTemplates } from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';

export const TENANT_SCOPE = '*';

/** Saved templates of one kind for the business and, when given, one client. */
export async function templatesOf(db: Db, tenantId: string, kind: string, clientId?: string) {
  const rows = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.tenantId, tenantId), eq(emailTemplates.kind, kind)))
    .all();
  return rows.filter((r) => r.scope === TENANT_SCOPE || r.scope === clientId);
}

export async function saveTemplate(
  db: Db,
  tenantId: string,
  t: { scope: string; kind: string; language: string; subject: string; body: string },
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  await writeBeside(
    db,
    db
      .insert(emailTemplates)
      .values({ tenantId, ...t, updatedAt: now })
      .onConflictDoUpdate({
        target: [emailTemplates.tenantId, emailTemplates.scope, emailTemplates.kind, emailTemplates.language],
        set: { subject: t.subject, body: t.body, updatedAt: now },
      }),
    beside(t.scope),
  );
}

export async function deleteTemplates(
  db: Db,
  tenantId: string,
  scope: string,
  kind: string,
  language?: string,
  beside: Beside = NOTHING_BESIDE,
) {
  const where = [
    eq(emailTemplates.tenantId, tenantId),
    eq(emailTemplates.scope, scope),
    eq(emailTemplates.kind, kind),
  ];
  if (language) where.push(eq(emailTemplates.language, language));
  await writeBeside(db, db.delete(emailTemplates).where(and(...where)), beside(scope));
}
