import type { IncomingMessage } from 'node:http';
import { newAccount } from './account';
import { type ConnectedAccount, stripeError, stripeId } from './objects';
import type { Account, AccountLink, Emit } from './types';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Stripe's hosted onboarding, reduced to what a local run needs: one button that completes it. */
export function onboardingPage(account: ConnectedAccount, action: string) {
  const due = account.requirements.currently_due;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Stripe onboarding (test mode)</title>
<style>body{font:15px system-ui,sans-serif;margin:0 auto;max-width:480px;padding:24px 16px;color:#1a1f36}h1{font-size:20px}
button{font:inherit;padding:10px 16px;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer}
.test{background:#fff4e5;color:#8a4b00;padding:4px 8px;border-radius:4px;font-size:12px;display:inline-block}</style></head>
<body><span class="test">TEST MODE · local Stripe stand-in</span>
<h1>Set up payments for your business</h1>
<p>Account <code>${escapeHtml(account.id)}</code>${account.email ? ` · ${escapeHtml(account.email)}` : ''} · ${escapeHtml(account.country)}</p>
${due.length ? `<p>Stripe needs:</p><ul>${due.map((d) => `<li><code>${escapeHtml(d)}</code></li>`).join('')}</ul>` : ''}
<form method="post" action="${escapeHtml(action)}"><button type="submit">Submit and return</button></form>
</body></html>`;
}

interface ConnectState {
  connected: Map<string, Account>;
  links: Map<string, AccountLink>;
  emit: Emit;
  origin(): string;
  /** The stand-in's clock (seconds), which `/_fake/clock` moves. */
  clock(): number;
}

/** The stand-in's Connect: accounts, Account Links and the onboarding page they open. */
export function connectRoutes({ connected, links, emit, origin, clock }: ConnectState) {
  /** `/v1/accounts` and `/v1/account_links`, called with the platform's key (no header). */
  function connectApi(a: Account, req: IncomingMessage, path: string, body: Record<string, unknown>) {
    const now = clock();
    if (req.method === 'POST' && path === '/v1/accounts') {
      if (a.connected) return stripeError(400, 'Connected accounts cannot create accounts.');
      if (
        body.type !== 'standard' &&
        body.type !== 'express' &&
        body.type !== 'custom' &&
        body.controller === undefined
      ) {
        return stripeError(400, 'Missing required param: type.', { param: 'type' });
      }
      const country = String(body.country ?? 'US').toUpperCase();
      if (!/^[A-Z]{2}$/.test(country)) {
        return stripeError(
          400,
          `Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
          { param: 'country' },
        );
      }
      const account: ConnectedAccount = {
        id: stripeId('acct').slice(0, 21),
        object: 'account',
        type: 'standard',
        charges_enabled: false,
        details_submitted: false,
        payouts_enabled: false,
        country,
        email: (body.email as string | undefined) ?? null,
        created: now,
        metadata: (body.metadata as Record<string, string> | undefined) ?? {},
        requirements: {
          currently_due: ['business_profile.url', 'external_account', 'tos_acceptance.date'],
          eventually_due: [],
          past_due: [],
          disabled_reason: 'requirements.past_due',
        },
      };
      connected.set(account.id, newAccount({ account, platform: a }));
      return { status: 200, body: account };
    }
    const oneAccount = path.match(/^\/v1\/accounts\/([^/]+)$/);
    if (req.method === 'GET' && oneAccount) {
      const c = connected.get(oneAccount[1]!);
      if (!c || c.connected?.platform !== a) {
        return stripeError(404, `No such account: '${oneAccount[1]}'`, {
          code: 'resource_missing',
          param: 'account',
        });
      }
      return { status: 200, body: c.connected.account };
    }
    if (req.method === 'POST' && path === '/v1/account_links') {
      const c = connected.get(String(body.account ?? ''));
      if (!c || c.connected?.platform !== a) {
        return stripeError(400, `No such account: '${String(body.account ?? '')}'`, { param: 'account' });
      }
      if (body.type !== 'account_onboarding' && body.type !== 'account_update') {
        return stripeError(400, 'Invalid type: must be one of account_onboarding or account_update', {
          param: 'type',
        });
      }
      for (const param of ['refresh_url', 'return_url'] as const) {
        if (typeof body[param] !== 'string' || !/^https?:\/\//.test(body[param] as string)) {
          return stripeError(400, `Missing required param: ${param}.`, { param });
        }
      }
      const link: AccountLink = {
        id: stripeId('al'),
        account: c.connected.account.id,
        refresh_url: String(body.refresh_url),
        return_url: String(body.return_url),
        expires_at: now + 300,
        used: false,
      };
      links.set(link.id, link);
      return {
        status: 200,
        body: {
          object: 'account_link',
          created: now,
          expires_at: link.expires_at,
          url: `${origin()}/connect/onboarding/${link.id}`,
        },
      };
    }
    return undefined;
  }

  /**
   * The local onboarding page an Account Link opens: one submit completes the account, its
   * `account.updated` goes to the platform's Connect endpoints, and the browser goes back to
   * `return_url`. A used or expired link goes to `refresh_url`, as Stripe's does.
   */
  async function onboarding(req: IncomingMessage, linkId: string) {
    const link = links.get(linkId);
    if (!link) return { status: 404, type: 'text/plain', body: 'Unknown account link' };
    if (link.used || link.expires_at < clock()) {
      return { status: 303, type: 'text/plain', body: '', location: link.refresh_url };
    }
    const c = connected.get(link.account)!;
    if (req.method !== 'POST') {
      return {
        status: 200,
        type: 'text/html',
        body: onboardingPage(c.connected!.account, `/connect/onboarding/${link.id}`),
      };
    }
    link.used = true;
    const account = c.connected!.account;
    account.charges_enabled = true;
    account.details_submitted = true;
    account.payouts_enabled = true;
    account.requirements = { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null };
    await emit(c, 'account.updated', { ...account });
    return { status: 303, type: 'text/plain', body: '', location: link.return_url };
  }

  return { api: connectApi, onboarding };
}
