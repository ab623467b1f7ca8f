import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import qs from 'qs';
import Stripe from 'stripe';
import { checkoutPage, redirectPage, STRIPE_JS } from './browser';
import { emptyMoney, type MoneyAccount, moneyApi, moneyControl } from './money';
import {
  applyOverride,
  type CheckoutSession,
  type CompleteOverride,
  event,
  overrideFrom,
  publicSession,
  renderedFor,
  stripeError,
  stripeId,
} from './objects';

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

export interface Account extends MoneyAccount {
  sessions: Map<string, CheckoutSession>;
  endpoints: { id: string; url: string; secret: string; enabled_events: string[] }[];
  idempotency: Map<string, { hash: string; status: number; body: unknown }>;
}

export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  deliveries: Delivery[];
  close(): Promise<void>;
}

const KEY = /^sk_test_[A-Za-z0-9]{8,}$/;
const signer = new Stripe('sk_test_signer_only');

export async function startFakeStripe(opts: { port?: number; host?: string } = {}): Promise<FakeStripe> {
  const accounts = new Map<string, Account>();
  const sessionOwner = new Map<string, Account>();
  const requests: RecordedRequest[] = [];
  const deliveries: Delivery[] = [];
  const host = opts.host ?? '127.0.0.1';

  const accountFor = (key: string) => {
    let a = accounts.get(key);
    if (!a) {
      a = { sessions: new Map(), ...emptyMoney(), endpoints: [], idempotency: new Map() };
      accounts.set(key, a);
    }
    return a;
  };

  async function sign(a: Account, payload: string) {
    const secret = a.endpoints[0]?.secret;
    return secret ? signer.webhooks.generateTestHeaderStringAsync({ payload, secret }) : null;
  }

  /** Sends an event to every endpoint of the account, retrying like Stripe (here: 3 quick tries). */
  async function emit(a: Account, type: string, object: unknown, apiVersion?: string): Promise<SignedEvent> {
    const e = event(type, object, apiVersion);
    const payload = JSON.stringify(e, null, 2);
    for (const ep of a.endpoints) {
      if (!ep.enabled_events.includes('*') && !ep.enabled_events.includes(type)) continue;
      const header = await signer.webhooks.generateTestHeaderStringAsync({ payload, secret: ep.secret });
      let status: number | null = null;
      for (let attempt = 0; attempt < 3 && (status === null || status >= 300); attempt++) {
        try {
          const res = await fetch(ep.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': header },
            body: payload,
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = null;
        }
        if (status === null || status >= 300) await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
      deliveries.push({ eventId: e.id, type, url: ep.url, status });
    }
    return { id: e.id, type, payload, signature: await sign(a, payload) };
  }

  function complete(
    a: Account,
    s: CheckoutSession,
    outcome: 'paid' | 'unpaid' | 'async_succeeded' | 'async_failed',
    override: CompleteOverride,
  ): Promise<SignedEvent> {
    applyOverride(s, override);
    const rendered = () => renderedFor(s, override.api_version);
    if (outcome === 'paid' || outcome === 'unpaid') {
      s.status = 'complete';
      s.payment_intent ??= stripeId('pi');
      s.payment_status = outcome;
      if (outcome === 'paid') charge(a, s);
      return emit(a, 'checkout.session.completed', rendered(), override.api_version);
    }
    if (outcome === 'async_succeeded') {
      s.payment_status = 'paid';
      charge(a, s);
      return emit(a, 'checkout.session.async_payment_succeeded', rendered(), override.api_version);
    }
    return emit(a, 'checkout.session.async_payment_failed', rendered(), override.api_version);
  }

  function charge(a: Account, s: CheckoutSession) {
    const pi = s.payment_intent ?? stripeId('pi');
    a.charges.set(pi, {
      id: stripeId('ch'),
      disputed: false,
      object: 'charge',
      amount: s.amount_total,
      amount_captured: s.amount_total,
      amount_refunded: 0,
      created: Math.floor(Date.now() / 1000),
      currency: s.currency,
      livemode: false,
      metadata: s.payment_intent_metadata,
      paid: true,
      payment_intent: pi,
      refunded: false,
      status: 'succeeded',
    });
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
      const seen = a.idempotency.get(idempotencyKey);
      if (seen && seen.hash !== hash) {
        return stripeError(
          400,
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          { type: 'idempotency_error' },
        );
      }
      if (seen) return { status: seen.status, body: seen.body };
      const result = await route(a, req, path, body, url);
      a.idempotency.set(idempotencyKey, { hash, ...result });
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
    const money = await moneyApi(a, req.method ?? 'GET', path, body, emit);
    if (money) return money;
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
    type Line = {
      price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
      quantity?: string;
    };
    const lines = (body.line_items as Line[] | undefined) ?? [];
    const line = lines[0];
    const currency = line?.price_data?.currency;
    const unit = Number(line?.price_data?.unit_amount);
    if (body.mode !== 'payment') return stripeError(400, 'Missing required param: mode.', { param: 'mode' });
    if (!currency || !Number.isInteger(unit) || unit <= 0) {
      return stripeError(400, 'Invalid line_items[0][price_data]', { param: 'line_items[0][price_data]' });
    }
    if (['bhd', 'jod', 'kwd', 'omr', 'tnd'].includes(currency) && unit % 10 !== 0) {
      return stripeError(400, 'Amounts in three-decimal currencies must end in 0.', {
        param: 'line_items[0][price_data][unit_amount]',
      });
    }
    const uiMode = String(body.ui_mode ?? 'hosted_page');
    if (uiMode === 'embedded_page' && !body.return_url) {
      return stripeError(400, 'return_url is required for ui_mode embedded_page', { param: 'return_url' });
    }
    const quantity = Number(line?.quantity ?? 1);
    const id = stripeId('cs_test');
    const now = Math.floor(Date.now() / 1000);
    const s: CheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: unit * quantity,
      amount_total: unit * quantity,
      client_secret: `${id}_secret_${stripeId('x').slice(2)}`,
      created: now,
      currency,
      customer_email: (body.customer_email as string | undefined) ?? null,
      customer_details: null,
      expires_at: now + 24 * 3600,
      livemode: false,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      return_url: (body.return_url as string | undefined) ?? null,
      status: 'open',
      ui_mode: uiMode,
      url: null,
      line_items_preview: [{ name: line?.price_data?.product_data?.name ?? '', quantity, unit_amount: unit }],
      payment_intent_metadata:
        (body.payment_intent_data as { metadata?: Record<string, string> } | undefined)?.metadata ?? {},
    };
    a.sessions.set(id, s);
    sessionOwner.set(id, a);
    return { status: 200, body: publicSession(s) };
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
      const override = overrideFrom(body);
      return { status: 200, body: await complete(a, s, outcome, override) };
    }
    const money = await moneyControl([...accounts.values()], req.method ?? 'GET', path, body, emit);
    if (money) return money;
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
