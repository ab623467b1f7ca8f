import type { TicketRow } from '@clientele/db';
import type { AppContext } from '../context';

/**
 * Reply addresses: `reply+<token>@<inbound domain>`. The token is the ticket id's random
 * part (24 characters) and 16 characters of base32 HMAC-SHA256 (80 bits) over the business
 * and the ticket under REPLY_TOKEN_KEY: unguessable, useless for any other ticket or
 * business, and short enough that the local part (46 characters) fits RFC 5321's 64.
 * Lower-case only, since some mail servers fold the case of local parts.
 */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_CHARS = 24;
const MAC_CHARS = 16;

function base32(bytes: Uint8Array): string {
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
  return out;
}

async function mac(secret: string, tenantId: string, ticketId: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sig = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`ticket-reply:${tenantId}:${ticketId}`),
  );
  return base32(new Uint8Array(sig)).slice(0, MAC_CHARS);
}

export class MissingReplyKeyError extends Error {
  constructor() {
    super('REPLY_TOKEN_KEY is not set: ticket replies cannot carry a reply address');
  }
}

export async function replyToken(secret: string | undefined, tenantId: string, ticketId: string) {
  if (!secret) throw new MissingReplyKeyError();
  return `${ticketId.slice(4)}${await mac(secret, tenantId, ticketId)}`;
}

export async function replyAddress(ctx: Pick<AppContext, 'config'>, tenantId: string, ticketId: string) {
  return `reply+${await replyToken(ctx.config.replyTokenKey, tenantId, ticketId)}@${ctx.config.inboundEmailDomain}`;
}

/** The token in `reply+<token>@<domain>`, or null for any other address. */
export function tokenOf(address: string, domain: string): string | null {
  const m = /^reply\+([a-z0-9]+)@(.+)$/i.exec(address.trim());
  if (!m || m[2]!.toLowerCase() !== domain.toLowerCase()) return null;
  const token = m[1]!.toLowerCase();
  return token.length === ID_CHARS + MAC_CHARS ? token : null;
}

/** The ticket id a token names (not yet verified). */
export const ticketIdOf = (token: string) => `tkt_${token.slice(0, ID_CHARS)}`;

/** True when the token was made for exactly this ticket of this business. */
export async function tokenMatches(
  secret: string | undefined,
  token: string,
  ticket: Pick<TicketRow, 'id' | 'tenantId'>,
) {
  if (!secret) throw new MissingReplyKeyError();
  const expected = await replyToken(secret, ticket.tenantId, ticket.id);
  // Constant time: compare every character whatever the first mismatch.
  let diff = expected.length ^ token.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (token.charCodeAt(i) || 0);
  return diff === 0;
}
