import { and, asc, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { invitations, memberships, type Role, sessions, tenants, users } from '../schema';

/** Everyone in a business, oldest first (the founder heads the list). */
export async function listMembers(db: Db, tenantId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(memberships.createdAt), asc(users.email))
    .all();
}

export async function findMember(db: Db, tenantId: string, userId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .get();
}

export async function findMemberByEmail(db: Db, tenantId: string, email: string) {
  return db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(users.email, email.toLowerCase())))
    .get();
}

/**
 * True when the business would still have an owner without this one: checked inside the
 * statement that changes the row, so two owners demoting each other at once cannot both win.
 */
const anotherOwner = (tenantId: string, userId: string) =>
  sql`(${memberships.role} <> 'owner' OR EXISTS (SELECT 1 FROM memberships o WHERE o.tenant_id = ${tenantId} AND o.user_id <> ${userId} AND o.role = 'owner'))`;

/** Changes a role unless it would leave the business without an owner (see `changes()`). */
export function setMemberRoleStatement(db: Db, tenantId: string, userId: string, role: Role) {
  return db
    .update(memberships)
    .set({ role })
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        role === 'owner' ? sql`1 = 1` : anotherOwner(tenantId, userId),
      ),
    );
}

/** Removes a membership unless it is the last owner's. */
export function removeMemberStatement(db: Db, tenantId: string, userId: string) {
  return db
    .delete(memberships)
    .where(
      and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId), anotherOwner(tenantId, userId)),
    );
}

/**
 * Ends the person's sessions in this business once they are no longer in it; a batch puts
 * this after the removal, so a refused removal ends nothing.
 */
export function endSessionsOfFormerMemberStatement(db: Db, tenantId: string, userId: string) {
  return db
    .delete(sessions)
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.userId, userId),
        sql`NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = ${tenantId} AND m.user_id = ${userId})`,
      ),
    );
}

/** The businesses a person belongs to, oldest membership first; closed ones are left out. */
export async function businessesOf(db: Db, userId: string) {
  return db
    .select({ tenantId: tenants.id, name: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), isNull(tenants.closedAt)))
    .orderBy(asc(memberships.createdAt))
    .all();
}

/**
 * Points a session at another business of the same person: one statement that finds
 * nothing to change when the person is not a member there.
 */
export function switchSessionStatement(db: Db, tokenHash: string, userId: string, tenantId: string) {
  return db
    .update(sessions)
    .set({ tenantId })
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        eq(sessions.userId, userId),
        sql`EXISTS (SELECT 1 FROM memberships m INNER JOIN tenants t ON t.id = m.tenant_id WHERE m.tenant_id = ${tenantId} AND m.user_id = ${userId} AND t.closed_at IS NULL)`,
      ),
    );
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(
  i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() > now.getTime() ? 'pending' : 'expired';
}

const pending = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/** Invitations still waiting for an answer, newest first. */
export async function listPendingInvitations(db: Db, tenantId: string, now: Date) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), pending(now)))
    .orderBy(desc(invitations.createdAt))
    .all();
}

export interface NewInvitation {
  tenantId: string;
  email: string;
  role: Role;
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Date;
}

/**
 * Statements for a new invitation: any earlier one still open for the same address is
 * revoked first, so only the newest link works.
 */
export function createInvitationStatements(db: Db, i: NewInvitation, now: Date) {
  const id = newId('ivt');
  const email = i.email.toLowerCase();
  return {
    id,
    row: { id, ...i, email, createdAt: now, acceptedAt: null, acceptedBy: null, revokedAt: null },
    statements: [
      db
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.tenantId, i.tenantId), eq(invitations.email, email), pending(now))),
      db.insert(invitations).values({ id, ...i, email, createdAt: now }),
    ] as const,
  };
}

export async function findPendingInvitation(db: Db, tenantId: string, id: string, now: Date) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id), pending(now)))
    .get();
}

export function revokeInvitationStatement(db: Db, tenantId: string, id: string, now: Date) {
  return db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id), pending(now)));
}

/** A new token and a new week for a pending invitation; the old link stops working. */
export function renewInvitationStatement(
  db: Db,
  tenantId: string,
  id: string,
  tokenHash: string,
  expiresAt: Date,
  now: Date,
) {
  return db
    .update(invitations)
    .set({ tokenHash, expiresAt })
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id), pending(now)));
}

/** The invitation behind an emailed token, with its business's name and language. */
export async function findInvitationByToken(db: Db, tokenHash: string) {
  return db
    .select({
      invitation: invitations,
      businessName: tenants.name,
      businessLocale: tenants.locale,
      closedAt: tenants.closedAt,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, tokenHash))
    .get();
}

/**
 * Marks an invitation used, once: a batch follows it with the membership, which a second
 * acceptance of the same link then finds already there (`onConflictDoNothing`).
 */
export function acceptInvitationStatement(db: Db, id: string, userId: string, now: Date) {
  return db
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(invitations.id, id), pending(now)));
}

export function addMemberStatement(db: Db, tenantId: string, userId: string, role: Role, now: Date) {
  return db
    .insert(memberships)
    .values({ tenantId, userId, role, createdAt: now })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
}

export function newUserStatement(
  db: Db,
  u: { email: string; name: string; passwordHash: string; locale: string | null },
  now: Date,
) {
  const id = newId('usr');
  return {
    id,
    statement: db.insert(users).values({
      id,
      email: u.email.toLowerCase(),
      name: u.name,
      passwordHash: u.passwordHash,
      locale: u.locale,
      // The invitation reached this address: reading it proves the person reads it.
      emailVerifiedAt: now,
      createdAt: now,
    }),
  };
}

/** Owners other than this person, for telling "last owner" apart from "no such member". */
export async function otherOwnerCount(db: Db, tenantId: string, userId: string) {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(memberships)
    .where(
      and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'owner'), ne(memberships.userId, userId)),
    )
    .get();
  return row?.n ?? 0;
}
