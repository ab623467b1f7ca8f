/**
 * Email jobs arrive with the email issue. Until then a message is retried rather
 * than acknowledged, so nothing enqueued early is silently dropped.
 */
export async function handleQueue(batch: MessageBatch<unknown>, _env: Env, _ctx: ExecutionContext) {
  for (const message of batch.messages) message.retry({ delaySeconds: 60 });
}
