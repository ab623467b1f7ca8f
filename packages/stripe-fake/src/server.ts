import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import qs from 'qs';
import { newAccount } from './account';
import { checkoutPage, redirectPage, STRIPE_JS } from './browser';
import { connectRoutes } from './connect';
import { controls } from './control';
import { eventSender } from './events';
import { moneyApi } from './money';
import { oauthRoutes } from './oauth';
import { noAccessTo, STRIPE_JS_PATH, stripeError, stripeId } from './objects';
import { checkoutSessions } from './sessions';
import type {
  Account,
  AccountLink,
  Answer,
  Delivery,
  Endpoint,
  FakeStripe,
  RecordedRequest,
  SignedEvent,
} from './types';

export type { Delivery, FakeStripe, RecordedRequest, SignedEvent } from './types';

/**
 * A local Stripe for tests and `npm start`: the real `stripe` SDK talks to it (form-encoded
 * requests, bearer keys, Idempotency-Key, Stripe-Account), it answers with Stripe's object
 * shapes, and it delivers events signed exactly as Stripe signs them to the webhook endpoints
 * created through its API. Anything under `/_fake/` is the test-control surface, not Stripe's API.
 *
 * Its parts: `sessions` (Checkout Sessions and PaymentIntents), `rendering` (a session as
 * another API version shows it), `money` (refunds, charges, disputes), `connect` (accounts,
 * Account Links, onboarding), `oauth` (Connect OAuth: linking an existing account), `events` (signing and delivery), `control` (`/_fake/`),
 * `browser` (Stripe.js and the embedded checkout page); this file authenticates, scopes a
 * call to its account and keeps idempotency keys.
 */

const KEY = /^sk_test_[A-Za-z0-9]{8,}$/;

/** Stripe keeps an idempotency key for at least 24 hours; after that it is a new request. */
const IDEMPOTENCY_SECONDS = 24 * 3600;

export async function startFakeStripe(opts: { port?: number; host?: string } = {}): Promise<FakeStripe> {
  const accounts = new Map<string, Account>();
  const connected = new Map<string, Account>();
  const links = new Map<string, AccountLink>();
  const events: SignedEvent[] = [];
  const requests: RecordedRequest[] = [];
  const deliveries: Delivery[] = [];
  const host = opts.host ?? '127.0.0.1';
  /** Seconds the stand-in's clock runs ahead (`/_fake/clock`), so tests can let a day pass. */
  let clockOffset = 0;
  const now = () => Math.floor(Date.now() / 1000) + clockOffset;

  const origin = () => `http://${host}:${(server.address() as { port: number }).port}`;

  const accountFor = (key: string) => {
    let a = accounts.get(key);
    if (!a) {
      a = newAccount();
      accounts.set(key, a);
    }
    return a;
  };

  const emit = eventSender({ deliveries, events });
  const sessions = checkoutSessions({ emit, clock: now });
  const connect = connectRoutes({ connected, links, emit, origin, clock: now });
  const oauth = oauthRoutes({ connected, emit, clock: now });
  const control = controls({
    everyAccount: () => [...accounts.values(), ...connected.values()],
    sessions,
    emit,
    clock: { now, advance: (seconds) => (clockOffset += seconds) },
    requests,
    events,
    deliveries,
  });

  async function api(req: IncomingMessage, path: string, body: Record<string, unknown>, url: URL) {
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const onAccount = (req.headers['stripe-account'] as string | undefined) ?? null;
    requests.push({
      method: req.method ?? 'GET',
      path,
      idempotencyKey,
      keyLast4: key.slice(-4) || null,
      stripeAccount: onAccount,
      body,
    });
    if (!KEY.test(key)) {
      return stripeError(
        401,
        `Invalid API Key provided: ${key ? `${key.slice(0, 8)}****${key.slice(-4)}` : '(none)'}`,
      );
    }
    const own = accountFor(key);
    // Connect: a platform's key acts on an account it created; any other account is refused.
    const target = onAccount === null ? own : connected.get(onAccount);
    if (!target || (onAccount !== null && target.connected?.platform !== own)) {
      return noAccessTo(key, String(onAccount));
    }
    const a = target;
    if (req.method === 'POST' && idempotencyKey) {
      const hash = createHash('sha256')
        .update(`${path}\n${JSON.stringify(body)}`)
        .digest('hex');
      let seen = a.idempotency.get(idempotencyKey);
      if (seen && now() - seen.at > IDEMPOTENCY_SECONDS) {
        a.idempotency.delete(idempotencyKey);
        seen = undefined;
      }
      if (seen && seen.hash !== hash) {
        return stripeError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          { type: 'idempotency_error' },
        );
      }
      if (seen) return { status: seen.status, body: seen.body };
      const result = await route(a, req, path, body, url);
      // As Stripe: a request refused before it ran (bad parameters) leaves no result behind.
      if (result.status < 400) a.idempotency.set(idempotencyKey, { hash, ...result, at: now() });
      return result;
    }
    return route(a, req, path, body, url);
  }

  /** Connect OAuth's API (on connect.stripe.com at Stripe): the platform's key, never `Stripe-Account`. */
  async function oauthCall(
    req: IncomingMessage,
    path: string,
    body: Record<string, unknown>,
  ): Promise<Answer> {
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    requests.push({
      method: 'POST',
      path,
      idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
      keyLast4: key.slice(-4) || null,
      stripeAccount: (req.headers['stripe-account'] as string | undefined) ?? null,
      body,
    });
    if (!KEY.test(key)) {
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description:
            'No authentication was provided. Send your secret API key in the Authorization header.',
        },
      };
    }
    const platform = accountFor(key);
    return path === '/oauth/token' ? oauth.token(platform, body) : oauth.deauthorize(platform, body);
  }

  async function route(
    a: Account,
    req: IncomingMessage,
    path: string,
    body: Record<string, unknown>,
    url: URL,
  ): Promise<Answer> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/balance') {
      return {
        status: 200,
        body: {
          object: 'balance',
          available: [{ amount: 0, currency: 'usd' }],
          pending: [],
          livemode: false,
        },
      };
    }
    if (method === 'POST' && path === '/v1/webhook_endpoints') return createEndpoint(a, body);
    return (
      connect.api(a, req, path, body) ??
      (await sessions.api(a, method, path, body, url)) ??
      (await moneyApi(a, method, path, body, emit)) ??
      stripeError(404, `Unrecognized request URL (${method}: ${path}).`)
    );
  }

  function createEndpoint(a: Account, body: Record<string, unknown>): Answer {
    const ep: Endpoint = {
      id: stripeId('we'),
      url: String(body.url ?? ''),
      secret: stripeId('whsec'),
      enabled_events: (body.enabled_events as string[] | undefined) ?? ['*'],
      connect: body.connect === 'true' || body.connect === true,
      api_version: typeof body.api_version === 'string' ? body.api_version : null,
    };
    if (ep.connect && a.connected) {
      return stripeError(400, 'Connected accounts cannot create Connect webhook endpoints.', {
        param: 'connect',
      });
    }
    a.endpoints = a.endpoints.filter((e) => e.url !== ep.url).concat(ep);
    return {
      status: 200,
      body: { object: 'webhook_endpoint', status: 'enabled', livemode: false, application: null, ...ep },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const body = (isJson ? JSON.parse(raw || '{}') : qs.parse(raw, { depth: 10, arrayLimit: 200 })) as Record<
      string,
      unknown
    >;
    const send = (status: number, payload: unknown, type = 'application/json') => {
      res.writeHead(status, {
        'content-type': type,
        'request-id': stripeId('req'),
        'stripe-version': '2026-10-28.endive',
      });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    if (url.pathname.startsWith('/v1/')) {
      const out = await api(req, url.pathname, body, url);
      return send(out.status, out.body);
    }
    if (url.pathname === '/oauth/authorize') {
      const out = oauth.authorize(req, url, body);
      if (out.location) {
        res.writeHead(out.status, { location: out.location });
        return res.end();
      }
      return send(out.status, out.body, out.type);
    }
    if (req.method === 'POST' && (url.pathname === '/oauth/token' || url.pathname === '/oauth/deauthorize')) {
      const out = await oauthCall(req, url.pathname, body);
      return send(out.status, out.body);
    }
    if (url.pathname.startsWith('/_fake/')) {
      const out = await control(req.method ?? 'GET', url.pathname, body);
      return send(out.status, out.body);
    }
    if (url.pathname === STRIPE_JS_PATH || url.pathname === '/v3/' || url.pathname === '/v3')
      return send(200, STRIPE_JS, 'text/javascript');
    const onboard = url.pathname.match(/^\/connect\/onboarding\/([^/]+)$/);
    if (onboard) {
      const out = await connect.onboarding(req, onboard[1]!);
      if (out.location) {
        res.writeHead(out.status, { location: out.location });
        return res.end();
      }
      return send(out.status, out.body, out.type);
    }
    if (url.pathname === '/embedded') {
      const found = sessions.bySecret(url.searchParams.get('client_secret') ?? '');
      // Stripe.js finds a direct charge's session only when initialised with its `stripeAccount`.
      const account = url.searchParams.get('account') || undefined;
      return found && found.a.connected?.account.id === account
        ? send(200, checkoutPage(found.s), 'text/html')
        : send(404, 'Unknown checkout', 'text/plain');
    }
    if (req.method === 'POST' && url.pathname === '/embedded/pay') {
      const found = sessions.bySecret(String(body.client_secret ?? ''));
      if (found?.s.status !== 'open') return send(409, 'This checkout is not open', 'text/plain');
      await sessions.complete(found.a, found.s, body.outcome === 'unpaid' ? 'unpaid' : 'paid', {});
      const back = (found.s.return_url ?? '').replace('{CHECKOUT_SESSION_ID}', found.s.id);
      return send(200, redirectPage(back), 'text/html');
    }
    send(404, {
      error: {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${req.method}: ${url.pathname}).`,
      },
    });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: String(err) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    requests,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A keep-alive connection from a workerd that is still shutting down would hold close() open.
        server.closeAllConnections();
      }),
  };
}
