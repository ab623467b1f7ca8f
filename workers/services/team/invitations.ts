import { isLanguage, MESSAGES } from '@clientele/core';
import {
  createInvitationStatements,
  findMemberByEmail,
  findPendingInvitation,
  getTenant,
  type Invitation,
  invitationStatus,
  listPendingInvitations,
  type Role,
  renewInvitationStatement,
  revokeInvitationStatement,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import { randomToken, sha256Hex } from '../auth/encoding';
import { roleMay } from '../auth/permissions';
import type { TenantContext } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { queueAccountEmail } from '../mail/account-mail';
import type { InvitationInput, InvitationView } from './schema';

/** How long an emailed invitation works (from when it was sent or last re-sent). */
export const INVITATION_DAYS = 7;
const INVITATION_MS = INVITATION_DAYS * 24 * 3600 * 1000;

export function toInvitationView(i: Invitation, now: Date): InvitationView {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    status: invitationStatus(i, now),
  };
}

/** Only an owner hands out ownership: an admin inviting an owner would be a way to become one. */
function mayGrant(callerRole: Role, role: Role) {
  if (role === 'owner' && !roleMay(callerRole, 'owner')) throw new ForbiddenError('onlyOwnerTouchesOwner');
}

/** The invitation email, in the business's language, with the link carrying the only copy of the token. */
async function emailInvitation(
  ctx: TenantContext,
  i: { id: string; email: string; role: Role },
  token: string,
) {
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  const words = MESSAGES[tenant && isLanguage(tenant.locale) ? tenant.locale : 'en'].invitation;
  const business = tenant?.name ?? '';
  await queueAccountEmail(ctx, {
    kind: 'account_invitation',
    to: i.email,
    subject: words.subject(business),
    paragraphs: [
      words.body(ctx.actor.name ?? business, business, words.role[i.role]),
      words.expires,
      words.ignore,
    ],
    link: { url: `${ctx.config.publicUrl.replace(/\/$/, '')}/invitations/${token}`, label: words.accept },
  });
}

/**
 * Invites an address with a role. Inviting an address already invited replaces the earlier
 * invitation (its link stops working); inviting someone already in the business is a 409.
 */
export async function invite(
  ctx: TenantContext,
  callerRole: Role,
  input: InvitationInput,
  invitedBy: string | null,
): Promise<InvitationView> {
  mayGrant(callerRole, input.role);
  const email = input.email.trim().toLowerCase();
  if (await findMemberByEmail(ctx.db, ctx.tenantId, email)) {
    throw new ConflictError('alreadyMember', [{ path: 'email', message: 'alreadyMember' }]);
  }
  const token = randomToken();
  const created = createInvitationStatements(
    ctx.db,
    {
      tenantId: ctx.tenantId,
      email,
      role: input.role,
      tokenHash: await sha256Hex(token),
      invitedBy,
      expiresAt: new Date(ctx.now.getTime() + INVITATION_MS),
    },
    ctx.now,
  );
  await ctx.db.batch([
    ...created.statements,
    auditLine(ctx, 'invitation.created', { type: 'invitation', id: created.id }, { email, role: input.role }),
  ]);
  await emailInvitation(ctx, created.row, token);
  return toInvitationView(created.row, ctx.now);
}

export async function pendingInvitations(ctx: TenantContext): Promise<InvitationView[]> {
  return (await listPendingInvitations(ctx.db, ctx.tenantId, ctx.now)).map((i) =>
    toInvitationView(i, ctx.now),
  );
}

async function pendingOrNotFound(ctx: TenantContext, callerRole: Role, id: string) {
  const found = await findPendingInvitation(ctx.db, ctx.tenantId, id, ctx.now);
  if (!found) throw new NotFoundError('invitation');
  mayGrant(callerRole, found.role);
  return found;
}

export async function revokeInvitation(ctx: TenantContext, callerRole: Role, id: string) {
  const found = await pendingOrNotFound(ctx, callerRole, id);
  await ctx.db.batch([
    revokeInvitationStatement(ctx.db, ctx.tenantId, id, ctx.now),
    auditLineIfChanged(ctx, 'invitation.revoked', { type: 'invitation', id }, { email: found.email }),
  ]);
}

/** A new link and a new week: the link in the earlier email stops working. */
export async function resendInvitation(
  ctx: TenantContext,
  callerRole: Role,
  id: string,
): Promise<InvitationView> {
  const found = await pendingOrNotFound(ctx, callerRole, id);
  const token = randomToken();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_MS);
  await ctx.db.batch([
    renewInvitationStatement(ctx.db, ctx.tenantId, id, await sha256Hex(token), expiresAt, ctx.now),
    auditLineIfChanged(ctx, 'invitation.resent', { type: 'invitation', id }, { email: found.email }),
  ]);
  await emailInvitation(ctx, found, token);
  return toInvitationView({ ...found, expiresAt }, ctx.now);
}
