import { createD1Db } from '@clientele/db/d1';
import { receiveInboundEmail } from '../services/tickets/inbound';

/**
 * Replies to ticket emails (`reply+<token>@INBOUND_EMAIL_DOMAIN`, routed here by Email
 * Routing). Refused mail gets a reason the sender's server reports back; auto-replies,
 * duplicates and replies held for an unverified sender are taken and set aside, so no mail
 * loops and no spoofer learns what failed. Every outcome is recorded, exactly once.
 */
export async function handleEmail(message: ForwardableEmailMessage, env: Env, _ctx: ExecutionContext) {
  const result = await receiveInboundEmail(
    createD1Db(env.DB),
    env,
    { from: message.from, to: message.to, rawSize: message.rawSize, raw: message.raw },
    new Date(),
  );
  if (result.action === 'reject') message.setReject(result.reason);
}
