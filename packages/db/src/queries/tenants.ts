import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { memberships, type Tenant, tenants, users } from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';

export interface NewTenantWithOwner {
  businessName: string;
  email: string;
  passwordHash: string;
  currency: string;
  locale: string;
}

export class EmailTakenError extends Error {
  constructor() {
    super('email already registered');
  }
}

/** Tenant, owner and membership are written in one batch: all or nothing. */
export async function createTenantWithOwner(db: Db, input: NewTenantWithOwner, now = new Date()) {
  const email = input.email.toLowerCase();
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing) throw new EmailTakenError();
  const tenantId = newId('ten');
  const userId = newId('usr');
  try {
    await db.batch([
      db.insert(tenants).values({
        id: tenantId,
        name: input.businessName,
        email,
        currency: input.currency,
        locale: input.locale,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(users).values({ id: userId, email, passwordHash: input.passwordHash, createdAt: now }),
      db.insert(memberships).values({ tenantId, userId, role: 'owner', createdAt: now }),
    ]);
  } catch (err) {
    // Two sign-ups racing for one address: the unique index decides, the batch rolls back.
    if (String((err as Error)?.cause ?? err).includes('UNIQUE')) throw new EmailTakenError();
    throw err;
  }
  return { tenantId, userId };
}

/** An open business: once closed, it reads as gone everywhere (its rows wait for the cron). */
export async function getTenant(db: Db, tenantId: string): Promise<Tenant | undefined> {
  return db
    .select()
    .from(tenants)
    .where(and(eq(tenants.id, tenantId), isNull(tenants.closedAt)))
    .get();
}

export type TenantPatch = Partial<Omit<Tenant, 'id' | 'createdAt' | 'updatedAt'>>;

export async function updateTenant(
  db: Db,
  tenantId: string,
  patch: TenantPatch,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
): Promise<Tenant | undefined> {
  const rows = await writeBeside(
    db,
    db
      .update(tenants)
      .set({ ...patch, updatedAt: now })
      .where(eq(tenants.id, tenantId))
      .returning(),
    beside(tenantId),
  );
  return rows[0];
}
