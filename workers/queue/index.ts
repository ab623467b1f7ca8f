import type { AppContext } from '../services/context';
import { isExportJob, runExportJob } from '../services/data/export-build';
import { initContext } from '../services/init';
import { errorText } from '../services/log';
import { backoffSeconds, deliverQueuedEmail, MAX_RETRIES } from '../services/mail/delivery';
import { type Transport, transportFor } from '../services/mail/transport';

export { backoffSeconds, MAX_RETRIES };

/**
 * The one queue carries two kinds of job, told apart by `type`: an export's next step
 * (`{ type: 'export', … }`), and an email to send — `{ tenantId, emailId }`, the shape jobs
 * have always had, so messages queued before exports existed still go out. Each is
 * acknowledged when done, retried with backoff when not; after `max_retries` the message
 * goes on to the dead-letter queue.
 */
export async function handleQueue(
  batch: MessageBatch<unknown>,
  env: Env,
  _ctx: ExecutionContext,
  makeTransport: (ctx: AppContext) => Transport = transportFor,
) {
  const started = Date.now();
  const { ctx, queries } = initContext(env, { requestId: crypto.randomUUID(), log: { queue: batch.queue } });
  const transport = makeTransport(ctx);
  for (const message of batch.messages) {
    if (isExportJob(message.body)) {
      try {
        await runExportJob(
          { ...ctx, log: ctx.log.with({ messageId: message.id }) },
          message.body,
          message.attempts,
          MAX_RETRIES,
        );
        message.ack();
      } catch (err) {
        ctx.log.warn('export step will be retried', { attempt: message.attempts, error: errorText(err) });
        message.retry({ delaySeconds: Math.min(30 * message.attempts, 300) });
      }
      continue;
    }
    const outcome = await deliverQueuedEmail(
      { ...ctx, log: ctx.log.with({ messageId: message.id }) },
      message.body,
      message.attempts,
      transport,
    );
    if (outcome.done) message.ack();
    else message.retry({ delaySeconds: outcome.retryInSeconds });
  }
  ctx.log.info('queue batch finished', {
    messages: batch.messages.length,
    duration: Date.now() - started,
    queries: queries(),
  });
}
