import { SELF } from 'cloudflare:test';
import { checkResponseSchema } from './response-schemas';

export const ORIGIN = 'https://app.clientele.test';

let seq = 0;
export const uniqueEmail = (tag = 'owner') =>
  `${tag}.${Date.now().toString(36)}.${(seq++).toString(36)}@example.com`;

export interface Caller {
  headers: Record<string, string>;
  tenantId: string;
  email: string;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  as?: Caller | null;
}

/** Calls the real Worker (routing, middleware, D1) the way a browser or SDK would. */
export async function call(path: string, opts: CallOptions = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  // Browsers send Origin with every write; the API refuses cookie-authenticated writes without it.
  const origin: Record<string, string> = method === 'GET' || method === 'HEAD' ? {} : { origin: ORIGIN };
  const headers: Record<string, string> = {
    ...origin,
    ...(opts.as?.headers ?? {}),
    ...(opts.headers ?? {}),
  };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await SELF.fetch(`${ORIGIN}/api/v1${path}`, { method, headers, body });
  if (path !== '/openapi.json') await checkResponseSchema(method, path, res);
  return res;
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export function sessionCookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const match = /clientele_admin_session=([^;]+)/.exec(set);
  if (!match) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return `clientele_admin_session=${match[1]}`;
}

/** A benchmarking-range address (RFC 2544) for each caller, so sign-up limits per address stay out of the way. */
export const randomAddress = () =>
  `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

/** A fresh business with its owner signed in by cookie. */
export async function signUp(overrides: Record<string, unknown> = {}): Promise<Caller> {
  const email = uniqueEmail();
  const res = await call('/signup', {
    method: 'POST',
    body: { businessName: 'Studio Norte', email, password: 'correct horse battery', ...overrides },
    headers: { 'cf-connecting-ip': randomAddress() },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const { tenantId } = await json<{ tenantId: string }>(res);
  return { headers: { cookie: sessionCookieOf(res) }, tenantId, email };
}

/** The same business, calling with a fresh API key instead of the cookie. */
export async function withApiKey(owner: Caller): Promise<Caller> {
  const res = await call('/api-keys', { method: 'POST', body: { name: 'test' }, as: owner });
  const { key } = await json<{ key: string }>(res);
  return { ...owner, headers: { authorization: `Bearer ${key}` } };
}

export async function createClient(as: Caller, body: Record<string, unknown> = {}) {
  const res = await call('/clients', { method: 'POST', body: { name: 'Acme Lda', ...body }, as });
  if (res.status !== 201) throw new Error(`create client failed: ${res.status} ${await res.text()}`);
  return json<{ id: string; name: string } & Record<string, any>>(res);
}

export const line = (over: Record<string, unknown> = {}) => ({
  description: 'Design work',
  quantity: 1,
  unitPrice: 10000,
  taxRate: 20,
  ...over,
});

export async function createInvoice(as: Caller, clientId: string, body: Record<string, unknown> = {}) {
  const res = await call('/invoices', { method: 'POST', body: { clientId, lines: [line()], ...body }, as });
  if (res.status !== 201) throw new Error(`create invoice failed: ${res.status} ${await res.text()}`);
  return json(res);
}

export async function sendInvoice(as: Caller, id: string) {
  const res = await call(`/invoices/${id}/send`, { method: 'POST', as });
  if (res.status !== 202) throw new Error(`send failed: ${res.status} ${await res.text()}`);
  return json(res);
}

/** A client with one issued invoice: the usual starting point for payment tests. */
export async function issuedInvoice(
  as: Caller,
  body: Record<string, unknown> = {},
  client: Record<string, unknown> = {},
) {
  const c = await createClient(as, client);
  const inv = await createInvoice(as, c.id, body);
  return { client: c, invoice: await sendInvoice(as, inv.id) };
}

export async function pay(as: Caller, invoiceId: string, amount: number) {
  return call(`/invoices/${invoiceId}/payments`, {
    method: 'POST',
    body: { amount, date: '2026-03-01', method: 'bank transfer' },
    as,
  });
}
