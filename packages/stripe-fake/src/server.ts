import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import qs from 'qs';
import { type Account, newAccount, settle } from './account';
import { checkoutPage, redirectPage, STRIPE_JS } from './browser';
import { eventSender } from './events';
import { type CheckoutSession, publicSession, stripeError, stripeId } from './objects';
import { newSession } from './sessions';

/**
 * A local Stripe for tests and `npm start`: the real `stripe` SDK talks to it (form-encoded
 * requests, bearer keys, Idempotency-Key), it answers with Stripe's object shapes, and it
 * delivers events signed exactly as Stripe signs them to the webhook endpoints created
 * through its API. Anything under `/_fake/` is the test-control surface, not Stripe's API.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  keyLast4: string | null;
  body: Record<string, unknown>;
}

export interface Delivery {
  eventId: string;
  type: string;
  url: string;
  status: number | null;
}

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  /** `Stripe-Signature` header, for each of the account's endpoint secrets (first one here). */
  signature: string | null;
}

const INTENT_STATUSES = ['processing', 'succeeded', 'requires_payment_method', 'canceled'] as const;

/** Stripe keeps an idempotency key for at least 24 hours; after that it is a new request. */
const IDEMPOTENCY_SECONDS = 24 * 3600;

export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  deliveries: Delivery[];
  close(): Promise<void>;
}

const KEY = /^sk_test_[A-Za-z0-9]{8,}$/;

export async function startFakeStripe(opts: { port?: number; host?: string } = {}): Promise<FakeStripe> {
  const accounts = new Map<string, Account>();
  const sessionOwner = new Map<string, Account>();
  const requests: RecordedRequest[] = [];
  const deliveries: Delivery[] = [];
  const host = opts.host ?? '127.0.0.1';
  /** Seconds the stand-in's clock runs ahead (`/_fake/clock`), so tests can let a day pass. */
  let clockOffset = 0;
  const now = () => Math.floor(Date.now() / 1000) + clockOffset;

  const accountFor = (key: string) => {
    let a = accounts.get(key);
    if (!a) {
      a = newAccount();
      accounts.set(key, a);
    }
    return a;
  };

  const emit = eventSender(deliveries);

  function complete(
    a: Account,
    s: CheckoutSession,
    outcome: 'paid' | 'unpaid' | 'async_succeeded' | 'async_failed',
    override: { amount_total?: number; currency?: string },
  ): Promise<SignedEvent> {
    if (override.amount_total !== undefined) s.amount_total = override.amount_total;
    if (override.currency) s.currency = override.currency;
    if (outcome === 'paid' || outcome === 'unpaid') {
      s.status = 'complete';
      s.payment_intent ??= stripeId('pi');
      s.payment_status = outcome;
      settle(a, s, outcome === 'paid' ? 'succeeded' : 'processing', now());
      return emit(a, 'checkout.session.completed', publicSession(s));
    }
    if (outcome === 'async_succeeded') {
      settle(a, s, 'succeeded', now());
      return emit(a, 'checkout.session.async_payment_succeeded', publicSession(s));
    }
    settle(a, s, 'requires_payment_method', now());
    return emit(a, 'checkout.session.async_payment_failed', publicSession(s));
  }

  /** A session that ran out of time unpaid (or was expired through the API). */
  function expire(a: Account, s: CheckoutSession) {
    s.status = 'expired';
    return emit(a, 'checkout.session.expired', publicSession(s));
  }

  async function api(req: IncomingMessage, path: string, body: Record<string, unknown>, url: URL) {
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({
      method: req.method ?? 'GET',
      path,
      idempotencyKey,
      keyLast4: key.slice(-4) || null,
      body,
    });
    if (!KEY.test(key)) {
      return stripeError(
        401,
        `Invalid API Key provided: ${key ? `${key.slice(0, 8)}****${key.slice(-4)}` : '(none)'}`,
      );
    }
    const a = accountFor(key);
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

  async function route(
    a: Account,
    req: IncomingMessage,
    path: string,
    body: Record<string, unknown>,
    url: URL,
  ) {
    if (req.method === 'GET' && path === '/v1/balance') {
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
    if (req.method === 'POST' && path === '/v1/webhook_endpoints') {
      const ep = {
        id: stripeId('we'),
        url: String(body.url ?? ''),
        secret: stripeId('whsec'),
        enabled_events: (body.enabled_events as string[] | undefined) ?? ['*'],
      };
      a.endpoints = a.endpoints.filter((e) => e.url !== ep.url).concat(ep);
      return { status: 200, body: { object: 'webhook_endpoint', status: 'enabled', livemode: false, ...ep } };
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') return createSession(a, body);
    const expiring = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/);
    if (req.method === 'POST' && expiring) {
      const s = a.sessions.get(expiring[1]!);
      if (!s) {
        return stripeError(404, `No such checkout.session: '${expiring[1]}'`, {
          code: 'resource_missing',
          param: 'session',
        });
      }
      if (s.status !== 'open') {
        return stripeError(
          400,
          `This Checkout Session is ${s.status}; only a Checkout Session with status \`open\` can be expired.`,
        );
      }
      await expire(a, s);
      return { status: 200, body: publicSession(s) };
    }
    const intent = path.match(/^\/v1\/payment_intents\/([^/]+)$/);
    if (req.method === 'GET' && intent) {
      const pi = a.intents.get(intent[1]!);
      return pi
        ? { status: 200, body: pi }
        : stripeError(404, `No such payment_intent: '${intent[1]}'`, {
            code: 'resource_missing',
            param: 'intent',
          });
    }
    const one = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/);
    if (req.method === 'GET' && one) {
      const s = a.sessions.get(one[1]!);
      return s
        ? { status: 200, body: publicSession(s) }
        : stripeError(404, `No such checkout.session: '${one[1]}'`, {
            code: 'resource_missing',
            param: 'session',
          });
    }
    if (req.method === 'GET' && path === '/v1/checkout/sessions') {
      const q = qs.parse(url.search.slice(1)) as Record<string, unknown>;
      const created = (q.created ?? {}) as Record<string, string>;
      let list = [...a.sessions.values()].sort((x, y) => y.created - x.created);
      if (q.status) list = list.filter((s) => s.status === q.status);
      if (q.payment_intent) list = list.filter((s) => s.payment_intent === q.payment_intent);
      if (created.gte) list = list.filter((s) => s.created >= Number(created.gte));
      if (q.starting_after) list = list.slice(list.findIndex((s) => s.id === q.starting_after) + 1);
      const limit = Math.min(Number(q.limit ?? 10), 100);
      return {
        status: 200,
        body: {
          object: 'list',
          url: '/v1/checkout/sessions',
          has_more: list.length > limit,
          data: list.slice(0, limit).map(publicSession),
        },
      };
    }
    return stripeError(404, `Unrecognized request URL (${req.method}: ${path}).`);
  }

  function createSession(a: Account, body: Record<string, unknown>) {
    const made = newSession(body, now());
    if (!made.ok) return made.refusal;
    a.sessions.set(made.session.id, made.session);
    sessionOwner.set(made.session.id, a);
    return { status: 200, body: publicSession(made.session) };
  }

  const bySecret = (secret: string) => {
    const id = secret.split('_secret_')[0] ?? '';
    const a = sessionOwner.get(id);
    const s = a?.sessions.get(id);
    return a && s && s.client_secret === secret ? { a, s } : undefined;
  };

  async function control(req: IncomingMessage, path: string, body: Record<string, unknown>) {
    const done = path.match(/^\/_fake\/checkout\/sessions\/([^/]+)\/complete$/);
    if (req.method === 'POST' && done) {
      const a = sessionOwner.get(done[1]!);
      const s = a?.sessions.get(done[1]!);
      if (!a || !s) return { status: 404, body: { error: 'no such session' } };
      const outcome = (body.outcome as 'paid') ?? 'paid';
      const override: { amount_total?: number; currency?: string } = {};
      if (body.amount_total !== undefined) override.amount_total = Number(body.amount_total);
      if (typeof body.currency === 'string') override.currency = body.currency;
      return { status: 200, body: await complete(a, s, outcome, override) };
    }
    const lapsed = path.match(/^\/_fake\/checkout\/sessions\/([^/]+)\/expire$/);
    if (req.method === 'POST' && lapsed) {
      const a = sessionOwner.get(lapsed[1]!);
      const s = a?.sessions.get(lapsed[1]!);
      if (!a || !s) return { status: 404, body: { error: 'no such session' } };
      if (s.status !== 'open') return { status: 409, body: { error: `session is ${s.status}` } };
      return { status: 200, body: await expire(a, s) };
    }
    // How a bank debit ended, without any event: the webhook that would say so is "lost".
    const settled = path.match(/^\/_fake\/payment_intents\/([^/]+)$/);
    if (req.method === 'POST' && settled) {
      const status = INTENT_STATUSES.find((x) => x === body.status);
      if (!status) {
        return {
          status: 400,
          body: { error: 'status: processing | succeeded | requires_payment_method | canceled' },
        };
      }
      for (const a of accounts.values()) {
        const pi = a.intents.get(settled[1]!);
        const s = [...a.sessions.values()].find((x) => x.payment_intent === settled[1]);
        if (!pi || !s) continue;
        settle(a, s, status, now());
        return { status: 200, body: a.intents.get(settled[1]!) };
      }
      return { status: 404, body: { error: 'no such payment_intent' } };
    }
    if (req.method === 'POST' && path === '/_fake/clock') {
      clockOffset += Number(body.advance_seconds ?? 0);
      return { status: 200, body: { now: now() } };
    }
    if (req.method === 'POST' && path === '/_fake/refunds') {
      for (const a of accounts.values()) {
        const c = a.charges.get(String(body.payment_intent));
        if (!c) continue;
        c.amount_refunded = Math.min(c.amount, c.amount_refunded + Number(body.amount ?? c.amount));
        c.refunded = c.amount_refunded === c.amount;
        return { status: 200, body: await emit(a, 'charge.refunded', { ...c }) };
      }
      return { status: 404, body: { error: 'no such payment_intent' } };
    }
    if (req.method === 'GET' && path === '/_fake/requests') return { status: 200, body: requests };
    if (req.method === 'GET' && path === '/_fake/deliveries') return { status: 200, body: deliveries };
    return { status: 404, body: { error: 'unknown control route' } };
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
    if (url.pathname.startsWith('/_fake/')) {
      const out = await control(req, url.pathname, body);
      return send(out.status, out.body);
    }
    if (url.pathname === '/v3/' || url.pathname === '/v3') return send(200, STRIPE_JS, 'text/javascript');
    if (url.pathname === '/embedded') {
      const found = bySecret(url.searchParams.get('client_secret') ?? '');
      return found
        ? send(200, checkoutPage(found.s), 'text/html')
        : send(404, 'Unknown checkout', 'text/plain');
    }
    if (req.method === 'POST' && url.pathname === '/embedded/pay') {
      const found = bySecret(String(body.client_secret ?? ''));
      if (found?.s.status !== 'open') return send(409, 'This checkout is not open', 'text/plain');
      await complete(found.a, found.s, body.outcome === 'unpaid' ? 'unpaid' : 'paid', {});
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

  const server = createServer((req, res) => {
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
