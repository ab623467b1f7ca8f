import { and, eq, getTableColumns, inArray, is, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import * as schema from '../schema';
import {
  apiKeys,
  invitations,
  memberships,
  portalLinks,
  portalSessions,
  sessions,
  stripeAccounts,
  stripeConnectAccounts,
  tenants,
  users,
} from '../schema';

type TableConfig = ReturnType<typeof getTableConfig>;
const exported: unknown[] = Object.values(schema);
const allTables = exported.filter((v): v is SQLiteTable => is(v, SQLiteTable));
const configs: TableConfig[] = allTables.map((t) => getTableConfig(t));

const referencedNames = (c: TableConfig) =>
  c.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name);

/**
 * Every table holding a business's rows (a `tenant_id` column), ordered so a table comes
 * before any table it references: deleting in this order never trips a foreign key. Read
 * from the schema, so a table added later is purged without anyone remembering to.
 */
export const TENANT_TABLES: readonly string[] = (() => {
  const owned = configs.filter((c) => c.columns.some((col) => col.name === 'tenant_id'));
  const order: string[] = [];
  let left = owned;
  while (left.length > 0) {
    // A table nobody left still references can go now.
    const free = left.filter((c) => !left.some((o) => o !== c && referencedNames(o).includes(c.name)));
    if (free.length === 0) throw new Error(`foreign keys form a cycle among ${left.map((c) => c.name)}`);
    order.push(...free.map((c) => c.name));
    left = left.filter((c) => !free.includes(c));
  }
  return order;
})();

/** Columns elsewhere that point at a person: cleared or deleted before the person goes. */
const USER_REFERENCES: { table: SQLiteTable; key: string; column: SQLiteColumn }[] = allTables.flatMap((t) =>
  getTableConfig(t)
    .foreignKeys.filter((fk) => getTableConfig(fk.reference().foreignTable).name === 'users')
    .map((fk) => {
      const column = fk.reference().columns[0]!;
      const key = Object.entries(getTableColumns(t)).find(([, c]) => c === column)![0];
      return { table: t, key, column };
    }),
);

/**
 * The statements that close a business at once: it is marked closed (nothing reads it as a
 * live business from then on), every session in it ends, its portal links and portal sessions
 * die, its API keys and pending invitations are revoked and its Stripe keys are dropped. The
 * first statement matches only a business still open, so closing twice changes nothing.
 */
export function closeTenantStatements(db: Db, tenantId: string, now: Date) {
  return [
    db
      .update(tenants)
      .set({ closedAt: now, updatedAt: now })
      .where(and(eq(tenants.id, tenantId), isNull(tenants.closedAt))),
    db.delete(sessions).where(eq(sessions.tenantId, tenantId)),
    db.delete(portalSessions).where(eq(portalSessions.tenantId, tenantId)),
    db.delete(portalLinks).where(eq(portalLinks.tenantId, tenantId)),
    db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.tenantId, tenantId), isNull(apiKeys.revokedAt))),
    db
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.tenantId, tenantId),
          isNull(invitations.revokedAt),
          isNull(invitations.acceptedAt),
        ),
      ),
    db.delete(stripeAccounts).where(eq(stripeAccounts.tenantId, tenantId)),
    db.delete(stripeConnectAccounts).where(eq(stripeConnectAccounts.tenantId, tenantId)),
  ] as const;
}

/** Businesses closed at or before `before`, oldest first: the cron's work list. */
export async function closedTenants(db: Db, before: Date, limit = 5) {
  return db
    .select({ id: tenants.id, closedAt: tenants.closedAt })
    .from(tenants)
    .where(and(isNotNull(tenants.closedAt), lte(tenants.closedAt, before)))
    .orderBy(tenants.closedAt)
    .limit(limit)
    .all();
}

/**
 * Deletes up to `budget` chunks of a closed business's rows, table by table in foreign-key
 * order, then the people left in no business, then the business itself. Returns whether
 * everything is gone; a large business takes several runs, each bounded.
 */
export async function purgeTenantRows(
  db: Db,
  tenantId: string,
  opts: { budget: number; chunk: number },
): Promise<{ done: boolean; deleted: number }> {
  let statements = 0;
  let deleted = 0;
  for (const table of TENANT_TABLES) {
    for (;;) {
      // Only deletions count: a table already empty costs one look, bounded by the table count.
      if (statements >= opts.budget) return { done: false, deleted };
      const gone = await db.all(
        sql`DELETE FROM ${sql.identifier(table)} WHERE rowid IN (SELECT rowid FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId} LIMIT ${opts.chunk}) RETURNING 1`,
      );
      const changed = gone.length;
      if (changed > 0) statements++;
      deleted += changed;
      if (changed < opts.chunk) break;
    }
  }
  deleted += await deletePeopleWithoutBusiness(db);
  await db.delete(tenants).where(and(eq(tenants.id, tenantId), isNotNull(tenants.closedAt)));
  return { done: true, deleted: deleted + 1 };
}

/**
 * A person belongs to at least one business from the moment they exist (sign-up and
 * accepting an invitation write both in one batch), so someone in none was only in a
 * business that is gone: their account goes too, and what pointed at them elsewhere is
 * cleared (a key they once made in another business stays, unattributed).
 */
async function deletePeopleWithoutBusiness(db: Db): Promise<number> {
  const orphans = (
    await db
      .select({ id: users.id })
      .from(users)
      .where(sql`NOT EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.userId} = ${users.id})`)
      .limit(500)
      .all()
  ).map((u) => u.id);
  if (orphans.length === 0) return 0;
  const clear = USER_REFERENCES.map((r) =>
    r.column.notNull
      ? db.delete(r.table).where(inArray(r.column, orphans))
      : db
          .update(r.table)
          .set({ [r.key]: null })
          .where(inArray(r.column, orphans)),
  );
  await db.batch(
    [db.delete(users).where(inArray(users.id, orphans)), ...clear].reverse() as [
      (typeof clear)[number],
      ...(typeof clear)[number][],
    ],
  );
  return orphans.length;
}

/** The business's owners and how to write to them. */
export async function ownersOf(db: Db, tenantId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'owner')))
    .all();
}
