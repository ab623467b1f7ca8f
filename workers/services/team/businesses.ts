import { businessesOf, switchSessionStatement } from '@clientele/db';
import { auditLineIfChanged } from '../audit';
import { sha256Hex } from '../auth/encoding';
import { sessionBusiness } from '../auth/sessions';
import { type Actor, type AppContext, forTenant } from '../context';
import { NotFoundError } from '../errors';
import type { BusinessView } from './schema';

export async function myBusinesses(
  app: AppContext,
  userId: string,
  currentTenantId: string,
): Promise<BusinessView[]> {
  return (await businessesOf(app.db, userId)).map((b) => ({ ...b, current: b.tenantId === currentTenantId }));
}

/**
 * Moves the signed-in session to another business of the same person: the same session
 * row, re-pointed, so the device list keeps one entry and nobody signs in again. A business
 * the person is not in is a 404, as if it did not exist.
 */
export async function switchBusiness(
  app: AppContext,
  session: { token: string; userId: string; fromTenantId: string },
  actor: Actor,
  tenantId: string,
) {
  const mine = (await businessesOf(app.db, session.userId)).find((b) => b.tenantId === tenantId);
  if (!mine) throw new NotFoundError('business');
  const ctx = forTenant(app, tenantId, app.now, actor);
  await app.db.batch([
    switchSessionStatement(app.db, await sha256Hex(session.token), session.userId, tenantId),
    auditLineIfChanged(
      ctx,
      'session.switched',
      { type: 'session', id: null },
      { from: session.fromTenantId },
    ),
  ]);
  const business = await sessionBusiness(app.db, tenantId);
  if (!business) throw new NotFoundError('business');
  return { ...business, role: mine.role };
}
