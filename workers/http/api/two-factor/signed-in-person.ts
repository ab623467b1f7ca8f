import type { Context } from 'hono';
import { ForbiddenError } from '../../../services/errors';
import type { HonoEnv } from '../../hono-env';

/** The person behind the session; an API key is nobody's account (keyMayCall refuses it first). */
export function signedInPerson(c: Context<HonoEnv>): string {
  const { userId } = c.var.auth;
  if (!userId) throw new ForbiddenError('sessionOnly');
  return userId;
}
