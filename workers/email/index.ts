/**
 * Inbound ticket replies arrive with the support issue. Until then mail is refused
 * with a reason the sender's server reports back, instead of vanishing.
 */
export async function handleEmail(message: ForwardableEmailMessage, _env: Env, _ctx: ExecutionContext) {
  message.setReject('This address does not accept mail yet');
}
