import { env, SELF } from 'cloudflare:test';
import type { components, paths } from '../../../web/src/api/schema';
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

export interface CallOptions<M extends string = string> {
  method?: M;
  body?: unknown;
  headers?: Record<string, string>;
  as?: Caller | null;
}

/** The API's documented shapes, by name (`Schemas['Invoice']`), as the admin app sees them. */
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

type Template = keyof paths & string;
type Split<S extends string> = S extends `${infer Head}/${infer Rest}` ? [Head, ...Split<Rest>] : [S];
/** Segment by segment, so `/tickets/unread-count` is not taken for `/tickets/{id}`. */
type Matches<P extends string[], T extends string[]> = P extends [
  infer PH extends string,
  ...infer PR extends string[],
]
  ? T extends [infer TH extends string, ...infer TR extends string[]]
    ? TH extends `{${string}}`
      ? Matches<PR, TR>
      : [PH] extends [TH]
        ? Matches<PR, TR>
        : false
    : false
  : T extends []
    ? true
    : false;
type WithoutQuery<P extends string> = P extends `${infer Path}?${string}` ? Path : P;
/** The documented path a concrete one is an instance of: `/invoices/${string}/send` → `/invoices/{id}/send`. */
export type TemplateOf<P extends string> =
  WithoutQuery<P> extends Template
    ? WithoutQuery<P>
    : { [T in Template]: Matches<Split<WithoutQuery<P>>, Split<T>> extends true ? T : never }[Template];
type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonContent<R[S]> : never }[keyof R]
  : never;
/** The JSON a successful call of that method and path answers, as the OpenAPI document declares it. */
export type BodyOf<M extends string, P extends string> = [TemplateOf<P>] extends [never]
  ? unknown
  : Lowercase<M> extends keyof paths[TemplateOf<P>]
    ? Success<paths[TemplateOf<P>][Lowercase<M>]>
    : unknown;

/** A Worker answer that knows the body its operation documents for success (read with `json`). */
export interface ApiResponse<B> extends Response {
  readonly documentedBody?: B;
}

/** Calls the real Worker (routing, middleware, D1) the way a browser or SDK would. */
export async function call<const P extends string, const M extends string = 'GET'>(
  path: P,
  opts: CallOptions<M> = {},
): Promise<ApiResponse<BodyOf<M, P>>> {
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
    body =
      typeof opts.body === 'string' || opts.body instanceof Uint8Array
        ? opts.body
        : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await SELF.fetch(`${ORIGIN}/api/v1${path}`, { method, headers, body });
  if (path !== '/openapi.json') await checkResponseSchema(method, path, res);
  return res;
}

/**
 * The body of an answer. `call` types its answer by the operation (`ApiResponse<BodyOf<…>>`);
 * reading it through that type instead of `any` is still to be done. Refusals: `problemOf`.
 */
export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** The problem+json body of a refusal; throws when the answer is not one. */
export async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/problem+json')) {
    throw new Error(`${res.status} is not problem+json (${type}): ${await res.clone().text()}`);
  }
  return (await res.clone().json()) as Problem;
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

/**
 * A fresh business with its owner signed in by cookie. The owner's address counts as
 * confirmed (as a real owner's soon is), so the daily cap on client emails of unconfirmed
 * businesses stays out of tests about other things; `{ verified: false }` keeps it.
 */
export async function signUp(
  overrides: Record<string, unknown> = {},
  opts: { verified?: boolean } = {},
): Promise<Caller> {
  const email = uniqueEmail();
  const res = await call('/signup', {
    method: 'POST',
    body: { businessName: 'Studio Norte', email, password: 'correct horse battery', ...overrides },
    headers: { 'cf-connecting-ip': randomAddress() },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const { tenantId } = await json<{ tenantId: string }>(res);
  if (opts.verified !== false) {
    // As if the owner had used the link: confirmed, and the confirmation email long gone, so
    // tests that count a business's emails count only their own.
    await env.DB.batch([
      env.DB.prepare('UPDATE users SET email_verified_at = ? WHERE email = ?').bind(
        Date.now(),
        String(overrides.email ?? email).toLowerCase(),
      ),
      env.DB.prepare(
        "DELETE FROM dev_outbox WHERE email_id IN (SELECT id FROM emails WHERE tenant_id = ? AND kind = 'account_verify_email')",
      ).bind(tenantId),
      env.DB.prepare("DELETE FROM emails WHERE tenant_id = ? AND kind = 'account_verify_email'").bind(
        tenantId,
      ),
    ]);
    const pending = await env.FILES.list({ prefix: `mail/pending/${tenantId}/` });
    await Promise.all(pending.objects.map((o) => env.FILES.delete(o.key)));
  }
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
