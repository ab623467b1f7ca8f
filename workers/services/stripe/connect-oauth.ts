import {
  addOauthState,
  getStripeConnect,
  linkStripeConnect,
  type StripeConnectRow,
  stripeConnectByAccount,
  takeOauthState,
} from '@clientele/db';
import { auditLine } from '../audit';
import { randomToken, sha256Hex } from '../auth/encoding';
import type { TenantContext } from '../context';
import { ConflictError, UnauthorizedError, UpstreamError } from '../errors';
import { errorText } from '../log';
import { tenantStripe } from './account';
import { Stripe, stripeRefused } from './client';
import { type AccountFacts, statusOf } from './connect';
import { expireOpenCheckouts } from './handover';

/** Long enough to sign in to Stripe and choose the account; short enough that a leaked URL dies. */
const STATE_MINUTES = 10;

/** What Settings is told when the person comes back (`/settings?stripe=…`). */
export type LinkOutcome = 'connected' | 'declined' | 'failed' | 'taken';

const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,64}$/;

function linking(ctx: TenantContext) {
  const platform = ctx.stripe.platform;
  if (!platform?.clientId) throw new ConflictError('connectLinkNotOffered');
  // Only a person can be sent through Stripe and back: the state is bound to them.
  if (ctx.actor.type !== 'user' || !ctx.actor.id) throw new UnauthorizedError();
  return { platform, clientId: platform.clientId, userId: ctx.actor.id };
}

/** Where Stripe sends the person back: a route of ours, registered with the platform's OAuth settings. */
export const oauthCallbackUrl = (ctx: Pick<TenantContext, 'config'>) =>
  `${new URL(ctx.config.publicUrl).origin}/api/v1/settings/stripe/oauth/callback`;

/**
 * "I already have a Stripe account": Stripe's Connect OAuth authorize URL, with a state that
 * only this person in this business can bring back, once, within ten minutes (only its hash is
 * stored, so the table never holds a usable state).
 */
export async function startLinkExisting(ctx: TenantContext): Promise<{ url: string }> {
  const { clientId, userId } = linking(ctx);
  const state = randomToken(32);
  await addOauthState(ctx.db, {
    stateHash: await sha256Hex(state),
    tenantId: ctx.tenantId,
    userId,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + STATE_MINUTES * 60_000),
  });
  const url = new URL('/oauth/authorize', ctx.stripe.connectUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    scope: 'read_write',
    state,
    redirect_uri: oauthCallbackUrl(ctx),
  }).toString();
  return { url: url.toString() };
}

export interface OauthReturn {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
}

/**
 * Stripe sent the person back. The state is used up first (whatever follows), then the code is
 * exchanged with the platform's key for the account id, the account is read for its status, and
 * it becomes the business's connected account in one batch with its audit line. Every refusal
 * leaves the business as it was.
 */
export async function finishLinkExisting(ctx: TenantContext, back: OauthReturn): Promise<LinkOutcome> {
  const { platform, userId } = linking(ctx);
  const stateOk =
    typeof back.state === 'string' &&
    back.state.length > 0 &&
    (await takeOauthState(ctx.db, {
      stateHash: await sha256Hex(back.state),
      tenantId: ctx.tenantId,
      userId,
      now: ctx.now,
    }));
  if (!stateOk) {
    ctx.log.warn('stripe oauth state refused', { job: 'stripe-connect' });
    return 'failed';
  }
  // Stripe says `access_denied` when the person declines; any other error is its refusal of the request.
  if (back.error) return back.error === 'access_denied' ? 'declined' : 'failed';
  if (!back.code) return 'failed';
  // Sessions a client could still pay on the account this link replaces expire there first
  // (see handover.ts); if that cannot be done now, nothing is linked and the code stays unused.
  try {
    await expireOpenCheckouts(ctx, await tenantStripe(ctx));
  } catch (err) {
    ctx.log.warn('stripe link postponed', { job: 'stripe-connect', error: errorText(err) });
    return 'failed';
  }
  const stripe = ctx.stripe.client(platform.secretKey);
  let accountId: string;
  try {
    const token = await stripe.oauth.token({ grant_type: 'authorization_code', code: back.code });
    if (!token.stripe_user_id || !ACCOUNT_ID.test(token.stripe_user_id)) return 'failed';
    // Stripe refuses a code of the other mode; this keeps a live account off a test platform regardless.
    if (token.livemode !== platform.livemode) return 'failed';
    accountId = token.stripe_user_id;
  } catch (err) {
    const refused = err instanceof Stripe.errors.StripeError ? (err.type ?? '') : '';
    ctx.log.warn('stripe oauth token refused', { job: 'stripe-connect', refused, error: errorText(err) });
    return 'failed';
  }
  const holder = await stripeConnectByAccount(ctx.db, accountId);
  if (holder && holder.tenantId !== ctx.tenantId) return 'taken';

  // Stripe being slow here only means the status is read again when Settings opens.
  let account: AccountFacts = { id: accountId, charges_enabled: false, details_submitted: false };
  try {
    account = await stripe.accounts.retrieve(accountId);
  } catch (err) {
    ctx.log.warn('stripe account read failed', { job: 'stripe-connect', error: errorText(err) });
  }
  const before = await getStripeConnect(ctx.db, ctx.tenantId);
  const row: StripeConnectRow = {
    tenantId: ctx.tenantId,
    accountId,
    livemode: platform.livemode,
    ...statusOf(account, ctx.now),
    createdAt: ctx.now,
  };
  try {
    await linkStripeConnect(ctx.db, row, (id) => [
      auditLine(
        ctx,
        'stripe.connected',
        { type: 'business', id },
        {
          method: 'connect',
          linked: 'oauth',
          accountId,
          ...(before && before.accountId !== accountId ? { replaced: before.accountId } : {}),
        },
      ),
    ]);
  } catch (err) {
    // Another business linked the same account between the check and the write (unique index).
    ctx.log.warn('stripe account link refused', { job: 'stripe-connect', error: errorText(err) });
    const now = await stripeConnectByAccount(ctx.db, accountId);
    return now && now.tenantId !== ctx.tenantId ? 'taken' : 'failed';
  }
  return 'connected';
}

/**
 * Disconnect ends the platform's access at Stripe too (`oauth.deauthorize`), as Stripe asks of
 * a platform whose user disconnects: the account stays the business's own. An account Stripe
 * says is no longer connected is already let go of; any other failure refuses the Disconnect
 * with nothing changed, so access is never kept behind a "disconnected" screen.
 */
export async function letGoOfAccount(ctx: TenantContext, accountId: string) {
  const platform = ctx.stripe.platform;
  if (!platform?.clientId) return;
  try {
    await ctx.stripe
      .client(platform.secretKey)
      .oauth.deauthorize({ client_id: platform.clientId, stripe_user_id: accountId });
  } catch (err) {
    // Stripe says invalid_client both when the account is no longer connected and when the
    // client id is wrong (another mode, another platform): only the first is "already let go",
    // and then the platform key can no longer read the account.
    if (err instanceof Stripe.errors.StripeInvalidClientError && (await accessEnded(ctx, accountId))) return;
    ctx.log.warn('stripe deauthorize refused', { job: 'stripe-connect', error: errorText(err) });
    throw new UpstreamError('disconnectRefused');
  }
}

async function accessEnded(ctx: TenantContext, accountId: string) {
  const platform = ctx.stripe.platform;
  if (!platform) return true;
  try {
    await ctx.stripe.client(platform.secretKey).accounts.retrieve(accountId);
    return false;
  } catch (err) {
    // Stripe hides an account the platform no longer reaches (404) or refuses it (401, 403).
    return stripeRefused(err, 401) || stripeRefused(err, 403) || stripeRefused(err, 404);
  }
}
