import { deleteSessionOfUser, deleteSessionsOfUser, sessionsOfUser } from '@clientele/db';
import type { AppContext } from '../context';
import { NotFoundError } from '../errors';
import { auditForPerson, loadPerson, personActor } from './person';
import type { Device } from './schema';

/**
 * A person's signed-in devices in every business they belong to (a session is per person
 * and business; signing out a device means every session of theirs, so all are listed).
 */
export async function devicesOf(
  ctx: AppContext,
  userId: string,
  currentId: string | null,
): Promise<Device[]> {
  const rows = await sessionsOfUser(ctx.db, userId, ctx.now);
  return rows.map((s) => ({
    id: s.id,
    current: s.id === currentId,
    userAgent: s.userAgent,
    country: s.country,
    businessId: s.tenantId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
  }));
}

/** Signs one of the person's own sessions out; another person's id is not found. */
export async function signOutDevice(ctx: AppContext, userId: string, sessionId: string, ip: string | null) {
  const person = await loadPerson(ctx, userId);
  if (!person) throw new NotFoundError('session');
  const actor = personActor(person.user, ip);
  const [ended] = await ctx.db.batch([
    deleteSessionOfUser(ctx.db, userId, sessionId),
    ...auditForPerson(
      ctx,
      person,
      actor,
      'session.revoked',
      { type: 'session', id: sessionId },
      { ifChanged: true },
    ),
  ]);
  if (ended.length === 0) throw new NotFoundError('session');
}

/** Signs out every session of the person except the one asking. */
export async function signOutOtherDevices(
  ctx: AppContext,
  userId: string,
  currentId: string | null,
  ip: string | null,
) {
  const person = await loadPerson(ctx, userId);
  if (!person) throw new NotFoundError('session');
  const actor = personActor(person.user, ip);
  await ctx.db.batch([
    deleteSessionsOfUser(ctx.db, userId, currentId),
    ...auditForPerson(
      ctx,
      person,
      actor,
      'session.revoked',
      { type: 'session', id: null },
      { ifChanged: true },
    ),
  ]);
}
