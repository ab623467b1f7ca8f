import { markEmailAttemptFailed } from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';
import { deliverEmail, type EmailJob } from '../services/mail/outgoing';
import { type Transport, transportFor } from '../services/mail/transport';

/** Mirrors `max_retries` of the email consumer in wrangler.toml. */
export const MAX_RETRIES = 5;

/** 30 s, 2 min, 8 min, 32 min, ~2 h: transient provider trouble gets time to clear. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 4 ** (attempt - 1), 12 * 3600);
}

/**
 * Sends each queued email. A failure is recorded on the email and retried with
 * backoff; on the last attempt the email is marked failed and the message goes on to
 * the dead-letter queue. Every job is idempotent (see deliverEmail).
 */
export async function handleQueue(
  batch: MessageBatch<unknown>,
  env: Env,
  _ctx: ExecutionContext,
  makeTransport: (env: Env, db: ReturnType<typeof createD1Db>) => Transport = transportFor,
) {
  const db = createD1Db(env.DB);
  const transport = makeTransport(env, db);
  for (const message of batch.messages) {
    const job = message.body as Partial<EmailJob>;
    if (typeof job?.tenantId !== 'string' || typeof job.emailId !== 'string') {
      console.error(
        JSON.stringify({
          level: 'error',
          queue: batch.queue,
          message: 'malformed email job',
          id: message.id,
        }),
      );
      message.ack();
      continue;
    }
    const ctx = { db, tenantId: job.tenantId, now: new Date() };
    try {
      await deliverEmail(ctx, env, job.emailId, transport);
      message.ack();
    } catch (err) {
      const final = message.attempts > MAX_RETRIES;
      await markEmailAttemptFailed(db, job.tenantId, job.emailId, {
        error: String((err as Error)?.message ?? err),
        final,
      });
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
