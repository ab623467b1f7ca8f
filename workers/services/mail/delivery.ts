import { markEmailAttemptFailed } from '@clientele/db';
import { type AppContext, forTenant } from '../context';
import { errorText } from '../log';
import { deliverEmail, type EmailJob } from './outgoing';
import type { Transport } from './transport';

/** Mirrors `max_retries` of the email consumer in wrangler.toml. */
export const MAX_RETRIES = 5;

/** 30 s, 2 min, 8 min, 32 min, ~2 h: transient provider trouble gets time to clear. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 4 ** (attempt - 1), 12 * 3600);
}

export type JobOutcome = { done: true } | { done: false; retryInSeconds: number };

/**
 * One job from the email queue, on its `attempt`-th delivery. A failure is recorded on
 * the email and retried with backoff; on the last attempt the email is marked failed (the
 * message then goes on to the dead-letter queue). A job that names no email is dropped
 * and logged. Every job is idempotent (see deliverEmail).
 */
export async function deliverQueuedEmail(
  app: AppContext,
  body: unknown,
  attempt: number,
  transport: Transport,
): Promise<JobOutcome> {
  const job = body as Partial<EmailJob> | null;
  if (typeof job?.tenantId !== 'string' || typeof job.emailId !== 'string') {
    app.log.error('malformed email job');
    return { done: true };
  }
  // Each job stamps its own time: a batch can take a while to send.
  const ctx = forTenant(app, job.tenantId, new Date());
  try {
    await deliverEmail(ctx, job.emailId, transport);
    return { done: true };
  } catch (err) {
    const final = attempt > MAX_RETRIES;
    ctx.log.warn('email delivery failed', { emailId: job.emailId, attempt, final, error: errorText(err) });
    await markEmailAttemptFailed(ctx.db, job.tenantId, job.emailId, {
      error: String((err as Error)?.message ?? err),
      final,
    });
    return { done: false, retryInSeconds: backoffSeconds(attempt) };
  }
}
