import { sha256Hex } from './encoding';

/** 32 letters and digits without look-alikes (no i, l, o, 0): each one is 5 random bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz123456789';
export const RECOVERY_CODE_COUNT = 10;
/** 10 characters × 5 bits = 50 bits each, typed as `xxxx-xxxx-xx`. */
const LENGTH = 10;

function oneCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  // 256 is a multiple of 32, so `& 31` keeps every character equally likely.
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, oneCode);
}

/** The code as typed (any case, with or without dashes or spaces), or undefined when it cannot be one. */
export function normalRecoveryCode(typed: string): string | undefined {
  const clean = typed.toLowerCase().replace(/[\s-]/g, '');
  if (clean.length !== LENGTH || [...clean].some((c) => !ALPHABET.includes(c))) return undefined;
  return clean;
}

/** Bound to the person, so one table-wide guess list does not serve every account. */
export function recoveryCodeHash(userId: string, normalCode: string): Promise<string> {
  return sha256Hex(`recovery\n${userId}\n${normalCode}`);
}
