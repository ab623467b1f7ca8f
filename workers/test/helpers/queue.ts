import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { handleQueue } from '../../queue';
import type { Transport } from '../../services/mail/transport';

/** Runs the real email consumer on these jobs, as the queue would on attempt `attempts`. */
export async function runEmailQueue(
  tenantId: string,
  emailIds: string[],
  opts: { attempts?: number; transport?: Transport | undefined } = {},
) {
  const attempts = opts.attempts ?? 1;
  const batch = createMessageBatch(
    'clientele-email',
    emailIds.map((emailId) => ({
      id: `m-${emailId}-${attempts}`,
      timestamp: new Date(),
      attempts,
      body: { tenantId, emailId },
    })),
  );
  const ctx = createExecutionContext();
  const transport = opts.transport;
  await handleQueue(batch, env, ctx, transport ? () => transport : undefined);
  return getQueueResult(batch, ctx);
}
