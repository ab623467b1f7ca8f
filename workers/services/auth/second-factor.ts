import type { User } from '@clientele/db';
import type { TenantContext } from '../context';

/**
 * Whether `code` proves the person's second factor (a current authenticator code or an
 * unused recovery code). Until two-factor sign-in exists nobody has it on, and a person
 * who somehow has it on cannot be proven: refusing is the safe answer.
 */
export async function verifySecondFactor(
  _ctx: TenantContext,
  user: Pick<User, 'totpEnabledAt'>,
  code: string | undefined,
): Promise<boolean> {
  return !user.totpEnabledAt && code === undefined;
}
