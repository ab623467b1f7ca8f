import { type Db, hitRateLimit, peekRateLimit } from '@clientele/db';
import { RateLimitedError } from '../errors';

/**
 * How much one client may write through the portal in an hour. Generous for a person, but
 * a script opening tickets in a loop stops before it fills the inbox (and, through the
 * notices, the owner's mailbox). Staff replies are not counted: the business answering
 * its own clients is never the flood.
 */
export const TICKETS_PER_CLIENT_PER_HOUR = 20;
export const CLIENT_MESSAGES_PER_TICKET_PER_HOUR = 30;
const HOUR_MS = 3600_000;

export type PortalLimit =
  | { kind: 'tickets'; tenantId: string; clientId: string }
  | { kind: 'messages'; tenantId: string; ticketId: string };

const keyOf = (l: PortalLimit) =>
  l.kind === 'tickets'
    ? `portal-tickets:${l.tenantId}:${l.clientId}`
    : `ticket-messages:${l.tenantId}:${l.ticketId}`;
const maxOf = (l: PortalLimit) =>
  l.kind === 'tickets' ? TICKETS_PER_CLIENT_PER_HOUR : CLIENT_MESSAGES_PER_TICKET_PER_HOUR;

/** Thrown when a portal limit is reached; the page says which one and how long to wait. */
export class PortalLimitError extends RateLimitedError {
  constructor(
    readonly limit: PortalLimit['kind'],
    retryAfterSeconds: number,
  ) {
    super(retryAfterSeconds);
  }
}

const secondsUntil = (resetAt: Date, now: Date) =>
  Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));

/**
 * Refuses, without writing anything, when this hour's window is already full — checked
 * before a refused request reads its files or touches storage.
 */
export async function refuseIfFull(db: Db, limit: PortalLimit, now: Date) {
  const window = await peekRateLimit(db, keyOf(limit), now);
  if (window && window.count >= maxOf(limit)) {
    throw new PortalLimitError(limit.kind, secondsUntil(window.resetAt, now));
  }
}

/**
 * Counts one write against the window, just before it is stored. The count is one atomic
 * statement, so of many requests racing for the last place only one gets it.
 */
export async function countWrite(db: Db, limit: PortalLimit, now: Date) {
  const hit = await hitRateLimit(db, keyOf(limit), HOUR_MS, now);
  if (hit.count > maxOf(limit)) throw new PortalLimitError(limit.kind, secondsUntil(hit.resetAt, now));
}
