import type { IncomingMessage } from 'node:http';
import { newAccount } from './account';
import { type ConnectedAccount, stripeId } from './objects';
import type { Account, Emit } from './types';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Stripe keeps an authorization code for five minutes, and it works once. */
const CODE_SECONDS = 300;

interface AuthorizationCode {
  code: string;
  clientId: string;
  account: string;
  scope: string;
  expires: number;
  used: boolean;
}

/** A Standard account someone already has: details in, charges and payouts on. */
function existingAccount(id: string, now: number): ConnectedAccount {
  return {
    id,
    object: 'account',
    type: 'standard',
    charges_enabled: true,
    details_submitted: true,
    payouts_enabled: true,
    country: 'US',
    email: null,
    created: now,
    metadata: {},
    requirements: { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null },
  };
}

const oauthError = (status: number, error: string, description: string) => ({
  status,
  body: { error, error_description: description },
});

/** The page Stripe shows at `/oauth/authorize`: the account to link, "Link" and "Decline". */
function authorizePage(params: Record<string, string>, accountId: string) {
  const hidden = Object.entries({ ...params, account: accountId })
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Connect your Stripe account (test mode)</title>
<style>body{font:15px system-ui,sans-serif;margin:0 auto;max-width:480px;padding:24px 16px;color:#1a1f36}h1{font-size:20px}
button{font:inherit;padding:10px 16px;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer;margin:4px 8px 4px 0}
button[value=deny]{background:#e3e8ee;color:#1a1f36}.test{background:#fff4e5;color:#8a4b00;padding:4px 8px;border-radius:4px;font-size:12px;display:inline-block}</style></head>
<body><span class="test">TEST MODE · local Stripe stand-in</span>
<h1>Connect your Stripe account</h1>
<p>The platform <code>${escapeHtml(params.client_id ?? '')}</code> asks for <code>${escapeHtml(params.scope ?? '')}</code> access.</p>
<form method="post" action="/oauth/authorize">${hidden}
<button type="submit" name="decision" value="allow">Link account ${escapeHtml(accountId)}</button>
<button type="submit" name="decision" value="deny">Decline</button></form>
</body></html>`;
}

interface OauthState {
  connected: Map<string, Account>;
  emit: Emit;
  clock(): number;
}

/**
 * Connect OAuth as Stripe runs it for Standard accounts: the authorize page (the person picks
 * their account, or declines), one-time codes, `POST /oauth/token` with the platform's key, and
 * `POST /oauth/deauthorize`. Refusals are Stripe's OAuth errors (`{ error, error_description }`).
 */
export function oauthRoutes({ connected, emit, clock }: OauthState) {
  const codes = new Map<string, AuthorizationCode>();
  /** The platform each client id belongs to: the first key to redeem one of its codes. */
  const clients = new Map<string, Account>();

  function authorize(
    req: IncomingMessage,
    url: URL,
    body: Record<string, unknown>,
  ): { status: number; type: string; body: string; location?: string } {
    const params: Record<string, string> = {};
    const source = req.method === 'POST' ? body : Object.fromEntries(url.searchParams);
    for (const k of ['response_type', 'client_id', 'scope', 'state', 'redirect_uri']) {
      if (typeof source[k] === 'string') params[k] = source[k] as string;
    }
    const text = (status: number, message: string) => ({ status, type: 'text/plain', body: message });
    if (!/^ca_[A-Za-z0-9]+$/.test(params.client_id ?? '')) return text(400, 'Invalid client_id');
    if (params.response_type !== 'code') return text(400, 'Invalid response_type: must be code');
    params.scope ??= 'read_only';
    if (params.scope !== 'read_write' && params.scope !== 'read_only') return text(400, 'Invalid scope');
    let back: URL;
    try {
      back = new URL(params.redirect_uri ?? '');
    } catch {
      return text(400, 'Invalid redirect_uri');
    }
    if (!/^https?:$/.test(back.protocol)) return text(400, 'Invalid redirect_uri');
    if (req.method !== 'POST') {
      const fresh = stripeId('acct').slice(0, 21);
      return { status: 200, type: 'text/html', body: authorizePage(params, fresh) };
    }
    if (params.state !== undefined) back.searchParams.set('state', params.state);
    if (body.decision !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied your request');
      return { status: 302, type: 'text/plain', body: '', location: back.toString() };
    }
    const account = String(body.account ?? '');
    if (!/^acct_[A-Za-z0-9]{16}$/.test(account)) return text(400, 'Unknown account');
    const code: AuthorizationCode = {
      code: stripeId('ac'),
      clientId: params.client_id!,
      account,
      scope: params.scope,
      expires: clock() + CODE_SECONDS,
      used: false,
    };
    codes.set(code.code, code);
    back.searchParams.set('code', code.code);
    back.searchParams.set('scope', code.scope);
    return { status: 302, type: 'text/plain', body: '', location: back.toString() };
  }

  /** `POST /oauth/token`, authenticated with the platform's secret key (`platform`). */
  function token(platform: Account, body: Record<string, unknown>) {
    if (body.grant_type !== 'authorization_code') {
      return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${String(body.grant_type)}`);
    }
    const given = String(body.code ?? '');
    const code = codes.get(given);
    if (!code) return oauthError(400, 'invalid_grant', `Authorization code does not exist: ${given}`);
    if (code.used) {
      return oauthError(
        400,
        'invalid_grant',
        'This authorization code has already been used. All tokens issued with this code have been revoked.',
      );
    }
    if (code.expires < clock())
      return oauthError(400, 'invalid_grant', `Authorization code expired: ${given}`);
    const owner = clients.get(code.clientId);
    if (owner && owner !== platform) {
      return oauthError(400, 'invalid_grant', `Authorization code provided does not belong to you: ${given}`);
    }
    let linked = connected.get(code.account);
    if (linked?.connected && linked.connected.platform !== platform) {
      return oauthError(400, 'invalid_grant', `Authorization code provided does not belong to you: ${given}`);
    }
    code.used = true;
    clients.set(code.clientId, platform);
    if (!linked) {
      linked = newAccount({ account: existingAccount(code.account, clock()), platform });
      connected.set(code.account, linked);
    }
    const suffix = stripeId('x').slice(2, 26);
    return {
      status: 200,
      body: {
        access_token: `sk_test_${suffix}`,
        livemode: false,
        refresh_token: `rt_${suffix}`,
        scope: code.scope,
        stripe_publishable_key: `pk_test_${suffix}`,
        stripe_user_id: code.account,
        token_type: 'bearer',
      },
    };
  }

  /**
   * `POST /oauth/deauthorize`: the platform lets go of the account. Its Connect endpoints hear
   * `account.application.deauthorized`, and the platform's key no longer reaches the account.
   */
  async function deauthorize(platform: Account, body: Record<string, unknown>) {
    const accountId = String(body.stripe_user_id ?? '');
    const linked = connected.get(accountId);
    const clientId = String(body.client_id ?? '');
    if (!/^ca_/.test(clientId)) return oauthError(400, 'invalid_request', 'No client_id provided');
    if (!linked || linked.connected?.platform !== platform) {
      return oauthError(
        400,
        'invalid_client',
        `This application is not connected to stripe account ${accountId}, or that account does not exist.`,
      );
    }
    await emit(linked, 'account.application.deauthorized', {
      id: clientId,
      object: 'application',
      name: null,
    });
    connected.delete(accountId);
    return { status: 200, body: { stripe_user_id: accountId } };
  }

  return { authorize, token, deauthorize };
}
