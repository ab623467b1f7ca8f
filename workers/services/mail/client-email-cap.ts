import { clientEmailsSince, ownerVerified } from '@clientele/db';
import type { TenantContext } from '../context';
import { ForbiddenError, say } from '../errors';

/**
 * Client emails a day while no owner of the business has confirmed their address: a
 * business signed up with a stolen or made-up address cannot be used to spam clients.
 */
export const UNVERIFIED_DAILY_CLIENT_EMAILS = 10;

export class ClientEmailCapError extends ForbiddenError {
  constructor() {
    super(say('clientEmailCap', UNVERIFIED_DAILY_CLIENT_EMAILS));
  }
}

/** Whether one more client email may be queued today (UTC day) for this business. */
export async function mayEmailClients(ctx: TenantContext): Promise<boolean> {
  if (await ownerVerified(ctx.db, ctx.tenantId)) return true;
  const midnight = new Date(ctx.now);
  midnight.setUTCHours(0, 0, 0, 0);
  return (await clientEmailsSince(ctx.db, ctx.tenantId, midnight)) < UNVERIFIED_DAILY_CLIENT_EMAILS;
}

/**
 * Refuses before anything is written: callers whose change exists only to be emailed
 * (issuing and sending a document, a ticket reply) ask first, so a refusal leaves nothing
 * half done.
 */
export async function assertMayEmailClients(ctx: TenantContext) {
  if (!(await mayEmailClients(ctx))) throw new ClientEmailCapError();
}
