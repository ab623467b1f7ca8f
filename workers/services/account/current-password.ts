import { clearRateLimit, hitRateLimit, type User } from '@clientele/db';
import { sha256Hex } from '../auth/encoding';
import { verifyPassword } from '../auth/password';
import type { AppContext } from '../context';
import { RateLimitedError, ValidationError } from '../errors';

const WINDOW_MS = 15 * 60 * 1000;
/** Wrong current passwords per person per 15 minutes: a borrowed session cannot guess on. */
export const CURRENT_PASSWORD_TRIES = 10;

/**
 * Checks the password a signed-in person typed to confirm a sensitive change. Counted
 * before checking, cleared on success: a stolen session cookie alone cannot try many.
 */
export async function confirmCurrentPassword(ctx: AppContext, user: User, password: string) {
  const key = await sha256Hex(`current-password\n${user.id}`);
  const hit = await hitRateLimit(ctx.db, key, WINDOW_MS, ctx.now);
  if (hit.count > CURRENT_PASSWORD_TRIES) {
    throw new RateLimitedError(Math.max(1, Math.ceil((hit.resetAt.getTime() - ctx.now.getTime()) / 1000)));
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new ValidationError([{ path: 'currentPassword', message: 'wrongCurrentPassword' }]);
  }
  await clearRateLimit(ctx.db, key);
}
