import {
  endSessionsOfFormerMemberStatement,
  findMember,
  listMembers,
  otherOwnerCount,
  type Role,
  removeMemberStatement,
  setMemberRoleStatement,
} from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import { roleMay } from '../auth/permissions';
import type { TenantContext } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { MemberView } from './schema';

export async function membersOf(ctx: TenantContext): Promise<MemberView[]> {
  return (await listMembers(ctx.db, ctx.tenantId)).map((m) => ({
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
  }));
}

async function memberOrNotFound(ctx: TenantContext, userId: string) {
  const m = await findMember(ctx.db, ctx.tenantId, userId);
  if (!m) throw new NotFoundError('member');
  return m;
}

/** A business always keeps an owner; the statements check it again as they run (races). */
async function keepsAnOwner(ctx: TenantContext, userId: string) {
  if ((await otherOwnerCount(ctx.db, ctx.tenantId, userId)) === 0) throw new ConflictError('lastOwner');
}

/** The caller is who they are in this business: `userId` null for an API key (acting as admin). */
export interface Caller {
  userId: string | null;
  role: Role;
}

/** An admin manages the team but never an owner, and never makes one. */
export async function changeRole(
  ctx: TenantContext,
  caller: Caller,
  userId: string,
  role: Role,
): Promise<MemberView> {
  const m = await memberOrNotFound(ctx, userId);
  const mayOwn = roleMay(caller.role, 'owner');
  if (!mayOwn && (m.role === 'owner' || role === 'owner')) throw new ForbiddenError('onlyOwnerTouchesOwner');
  if (m.role === 'owner' && role !== 'owner') await keepsAnOwner(ctx, userId);
  if (m.role !== role) {
    await ctx.db.batch([
      setMemberRoleStatement(ctx.db, ctx.tenantId, userId, role),
      auditLineIfChanged(
        ctx,
        'member.role_changed',
        { type: 'member', id: userId },
        { from: m.role, to: role },
      ),
    ]);
  }
  const after = await memberOrNotFound(ctx, userId);
  if (after.role !== role) throw new ConflictError('lastOwner');
  return (
    (await membersOf(ctx)).find((x) => x.userId === userId) ?? {
      userId,
      email: after.email,
      name: after.name,
      role: after.role,
      joinedAt: ctx.now.toISOString(),
    }
  );
}

/**
 * Removes a member (or the caller leaves): their sessions in this business end in the same
 * batch, so their next request is a 401. The last owner can neither leave nor be removed.
 */
export async function removeMember(ctx: TenantContext, caller: Caller, userId: string) {
  const m = await memberOrNotFound(ctx, userId);
  const leaving = caller.userId === userId;
  if (!leaving && m.role === 'owner' && !roleMay(caller.role, 'owner')) {
    throw new ForbiddenError('onlyOwnerTouchesOwner');
  }
  if (m.role === 'owner') await keepsAnOwner(ctx, userId);
  await ctx.db.batch([
    removeMemberStatement(ctx.db, ctx.tenantId, userId),
    auditLineIfChanged(
      ctx,
      'member.removed',
      { type: 'member', id: userId },
      { email: m.email, role: m.role },
    ),
    endSessionsOfFormerMemberStatement(ctx.db, ctx.tenantId, userId),
  ]);
  // Another owner left at the same moment: the statement kept this one.
  if (await findMember(ctx.db, ctx.tenantId, userId)) throw new ConflictError('lastOwner');
}
