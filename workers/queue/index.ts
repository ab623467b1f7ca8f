import type { AppContext } from '../services/context';
import { initContext } from '../services/init';
import { backoffSeconds, deliverQueuedEmail, MAX_RETRIES } from '../services/mail/delivery';
import { type Transport, transportFor } from '../services/mail/transport';

export { backoffSeconds, MAX_RETRIES };

/**
 * Sends each queued email (`deliverQueuedEmail`): acknowledged when done, retried with
 * backoff when not; after `max_retries` the message goes on to the dead-letter queue.
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
