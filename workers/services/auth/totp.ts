/**
 * One-time codes as authenticator apps make them: HOTP (RFC 4226) over a 30-second counter
 * (TOTP, RFC 6238) with the defaults every app assumes — HMAC-SHA-1, 6 digits, 30 s — so
 * the QR code needs no parameters an app might ignore.
 */

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** 160 bits: the size RFC 4226 recommends for an HMAC-SHA-1 key. */
export const TOTP_SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: what authenticator apps take as the secret. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Reads base32 as people type it (any case, spaces and padding ignored); undefined when it is not. */
export function fromBase32(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function newTotpSecret(): string {
  return toBase32(crypto.getRandomValues(new Uint8Array(TOTP_SECRET_BYTES)));
}

export type HotpHash = 'SHA-1' | 'SHA-256' | 'SHA-512';

/** RFC 4226 §5.3: HMAC over the 8-byte big-endian counter, dynamic truncation, `digits` digits. */
export async function hotp(
  key: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  hash: HotpHash = 'SHA-1',
): Promise<string> {
  const msg = new Uint8Array(8);
  const view = new DataView(msg.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, msg));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The 30-second step a moment falls in (RFC 6238's T). */
export const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S);

export function totpAt(secret: string, at: Date, digits = TOTP_DIGITS): Promise<string> {
  const key = fromBase32(secret);
  if (!key) throw new Error('TOTP secret is not base32');
  return hotp(key, totpStep(at), digits);
}

/** Equal strings in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The step whose code this is, among the current one and one either side (a phone's clock
 * a little off, a code typed as it turned), and only if it is later than `lastStep`: a code
 * is accepted once, and none older than the last accepted one. Undefined when it matches none.
 */
export async function matchingStep(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): Promise<number | undefined> {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return undefined;
  const now = totpStep(at);
  let found: number | undefined;
  // Every candidate is computed and compared, so the time taken says nothing about which matched.
  for (const step of [now - 1, now, now + 1]) {
    const key = fromBase32(secret);
    if (!key) return undefined;
    const expected = await hotp(key, step);
    if (sameText(expected, typed) && (lastStep === null || step > lastStep) && found === undefined) {
      found = step;
    }
  }
  return found;
}

/** What an authenticator app reads from the QR code (Google's Key Uri Format). */
export function otpauthUrl(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_S),
  });
  return `otpauth://totp/${label}?${params}`;
}
