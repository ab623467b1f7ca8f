import { fromBase64Url, toBase64Url } from './encoding';

/**
 * Production Workers refuse PBKDF2 above 100 000 iterations, so this is both the
 * strongest setting available and the ceiling; stored hashes carry their own count.
 */
const ITERATIONS = 100_000;
const SCHEME = 'pbkdf2-sha256';

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, ITERATIONS);
  return `${SCHEME}$${ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** Workers' SubtleCrypto extension; the module is also type-checked for Node tools (benchmarks hash passwords). */
type WorkersSubtle = typeof crypto.subtle & {
  timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
};

/** The runtime's constant-time comparison: timing reveals nothing about where bytes differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Lengths are public (fixed by the scheme); timingSafeEqual throws on a mismatch.
  if (a.length !== b.length) return false;
  return (crypto.subtle as WorkersSubtle).timingSafeEqual(a, b);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  if (scheme !== SCHEME || !iter || !salt || !hash) return false;
  const iterations = Number(iter);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > ITERATIONS) return false;
  const actual = await derive(password, fromBase64Url(salt), iterations);
  return constantTimeEqual(actual, fromBase64Url(hash));
}

/**
 * A real hash to check against when the email is unknown, so "no such user" costs
 * the same time as "wrong password" and sign-in cannot be used to probe accounts.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(toBase64Url(crypto.getRandomValues(new Uint8Array(16))));
  return decoy;
}
