import { initContext } from '../services/init';
import { receiveInboundEmail } from '../services/tickets/inbound';

/**
 * Replies to ticket emails (`reply+<token>@INBOUND_EMAIL_DOMAIN`, routed here by Email
 * Routing). Refused mail gets a reason the sender's server reports back; auto-replies,
 * duplicates and replies held for an unverified sender are taken and set aside, so no mail
 * loops and no spoofer learns what failed. Every outcome is recorded, exactly once.
 */
export async function handleEmail(message: ForwardableEmailMessage, env: Env, _ctx: ExecutionContext) {
  const started = Date.now();
  const { ctx, queries } = initContext(env, { requestId: crypto.randomUUID() });
  const result = await receiveInboundEmail(ctx, {
    from: message.from,
    to: message.to,
    rawSize: message.rawSize,
    raw: message.raw,
  });
  if (result.action === 'reject') message.setReject(result.reason);
  // Addresses stay out of the line: the inbound log (per business) keeps who wrote.
  ctx.log.info('inbound email handled', {
    action: result.action,
    duration: Date.now() - started,
    queries: queries(),
  });
}
