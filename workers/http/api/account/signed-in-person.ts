import type { Context } from 'hono';
import { NotFoundError } from '../../../services/errors';
import type { HonoEnv } from '../../hono-env';
import { clientAddress } from '../auth/client-address';

/** The person behind the session (account routes are session-only: keys act for no person). */
export function signedInPerson(c: Context<HonoEnv>) {
  const { userId, sessionId } = c.var.auth;
  if (!userId) throw new NotFoundError('session');
  return { userId, sessionId, ip: clientAddress(c) };
}
