import { heldInboundMailBefore, releaseHeldInboundMail } from '@clientele/db';
import type { AppContext } from '../context';

/**
 * How long a reply from an unverified sender waits for the business to accept it. Held
 * copies are whole raw messages (up to 25 MB each), so they are not kept for ever.
 */
export const HELD_MAIL_KEEP_MS = 30 * 24 * 3600 * 1000;

/** D1 binds at most 100 parameters per statement; one batch of ids stays under it. */
const BATCH = 90;
/** Bounded work per cron tick; what is left waits for the next one. */
const MAX_BATCHES = 10;

/**
 * Deletes the raw copies of held replies older than the keep period and marks their log lines
 * as no longer acceptable. The R2 objects go first: a failure leaves the row pointing at a
 * copy that may be gone, which accepting already answers with 409, never with a lost message.
 */
export async function releaseExpiredHeldMail(ctx: AppContext): Promise<number> {
  const { db } = ctx;
  const before = new Date(ctx.now.getTime() - HELD_MAIL_KEEP_MS);
  let released = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const rows = await heldInboundMailBefore(db, before, BATCH);
    if (rows.length === 0) break;
    await ctx.files.delete(rows.map((r) => r.rawKey!));
    await releaseHeldInboundMail(
      db,
      rows.map((r) => r.id),
      'Sender not verified; not accepted within 30 days, the held copy was deleted',
    );
    released += rows.length;
    if (rows.length < BATCH) break;
  }
  return released;
}
