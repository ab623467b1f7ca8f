import fc from 'fast-check';
import { ORIGIN } from '../api';
import { type JsonSchema, paramValue, type SchemaContext, valueFor } from './schema-values';
import { anyJson, anyString, NASTY_STRINGS } from './values';

/** One request the suite sends; printed as is when it fails, so it can be replayed by hand. */
export interface FuzzRequest {
  /** What it exercises, for the histogram and the failure report: `GET /clients/{id}`. */
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Who sends it; the runner adds the credential's headers. */
  as: 'apiKey' | 'cookie' | 'portal' | 'nobody';
  /** Webhooks: sign the body with the business's secret (or a wrong one, or at a bad time). */
  sign?: 'valid' | 'wrongSecret' | 'stale' | 'future' | 'garbage';
  /** Where 4xx must be problem+json (API and webhooks; portal pages are HTML). */
  problemJson: boolean;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }[];
  body?: { type: string; schema?: JsonSchema };
}

export function operationsOf(doc: {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: any }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = Object.entries<{ schema?: JsonSchema }>(op.requestBody?.content ?? {})[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content ? { type: content[0], schema: content[1].schema } : undefined,
      });
    }
  }
  return ops;
}

const ODD_METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
  'TRACE',
  'patch',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/json; charset=utf-16',
  'application/json, text/plain',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'image/png',
  'image/jpeg',
  'application/octet-stream',
  ';;;',
  '',
];
const LANGUAGES = [
  'ja',
  'ru',
  'pt-BR,pt;q=0.9',
  'it;q=abc',
  'xx',
  '*',
  'en;q=0.1, ja;q=0.9',
  'zz-ZZ'.repeat(50),
];

/** Bodies that are not the JSON they claim to be. */
const RAW_BODIES: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(
    '',
    'not json',
    '{',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    'null',
    '[]',
    '"just a string"',
    '123',
    '\ufeff{}',
    '{"name":"a","name":{"x":1}}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"amount":1e400}',
    '{"amount":-0}',
    '{"name":"\\ud800"}',
  ),
  // Invalid UTF-8: a lone continuation byte, an overlong slash, a truncated sequence, a surrogate.
  fc.constantFrom(
    new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    new Uint8Array([0xff, 0xfe, 0xfd]),
    new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]),
    new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
    new Uint8Array([0x22, 0xe2, 0x82]),
  ),
  fc.constantFrom(100, 5000, 20_000).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.constantFrom(100, 5000).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
  // Just over the 1 MiB body limit.
  fc.constant(`{"name":"${'A'.repeat(1024 * 1024 + 16)}"}`),
);

const idempotencyKey = fc.oneof(
  fc.constantFrom('fuzz-fixed-key', '', ' ', 'k'.repeat(300), '\u0000'.replace('\u0000', '%00')),
  fc.uuid(),
);

/** Extra headers: language, idempotency keys (often one reused key), chunked encoding on anything. */
const EXTRA_HEADERS: [string, fc.Arbitrary<string>][] = [
  ['accept-language', fc.constantFrom(...LANGUAGES)],
  ['idempotency-key', idempotencyKey],
  ['transfer-encoding', fc.constant('chunked')],
  ['if-none-match', fc.constantFrom('*', 'W/"x"', '"')],
  ['range', fc.constantFrom('bytes=0-0', 'bytes=abc', 'bytes=99999999-')],
  ['accept', fc.constantFrom('application/json', 'text/html', '*/*', 'application/pdf', '')],
];

// Each extra is rare on its own (about one request in twelve), or most requests would be about headers.
const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    ...EXTRA_HEADERS.map(([name, value]) =>
      fc.oneof(
        { weight: 11, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: value.map((v) => [name, v] as const) },
      ),
    ),
  )
  .map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined)));

/** Ids for a path segment: real ones of this business and another, wrong kinds, and junk. */
function idValues(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: realIds.length ? fc.constantFrom(...realIds) : fc.constant('x') },
    {
      weight: 3,
      arbitrary: anyString(64).map((s) => encode(s) || '%20'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%E0%A4%A', '%', '%00', '..', '.', '%2F', 'a%2Fb', `inv_${'a'.repeat(61)}`),
    },
  );
}

/**
 * Percent-encodes like encodeURIComponent, except that a lone surrogate (which it refuses)
 * becomes the bytes UTF-8 would give its code point: invalid UTF-8 the Worker must cope with.
 */
export function encode(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out +=
      c >= 0xd800 && c <= 0xdfff
        ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(ch);
  }
  return out;
}

const encodePair = ([k, v]: [string, string]) => `${encode(k)}=${encode(v)}`;

/** The query string: declared parameters (valid, malformed or repeated), unknown ones, or raw junk. */
function queryFor(params: Operation['parameters'], ctx: SchemaContext): fc.Arbitrary<string> {
  const declared = params
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc.option(
        fc
          .array(
            fc.oneof(
              { weight: 3, arbitrary: paramValue(p.schema, p.name, ctx) },
              { weight: 1, arbitrary: fc.constantFrom(...(SPECIAL_QUERY_VALUES[p.name] ?? [''])) },
            ),
            { minLength: 1, maxLength: 2 },
          )
          .map((values) => values.map((v) => [p.name, v] as [string, string])),
        { freq: 2 },
      ),
    );
  const unknown = fc.array(
    fc.tuple(fc.constantFrom('page', 'x', '__proto__', 'tenantId', 'limit[]'), anyString(50)),
    {
      maxLength: 1,
    },
  );
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.tuple(...declared), unknown)
        .map(([d, u]) => [...d.flatMap((x) => x ?? []), ...u].map(encodePair).join('&')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '&&&', '=x', 'limit=%FF', 'cursor=%E0%A4%A', 'a=1&a=2&a[b]=3', 'limit'),
    },
  );
}

/** Values that broke lists elsewhere: bad cursors, limits and pages. */
export const SPECIAL_QUERY_VALUES: Record<string, string[]> = {
  cursor: [
    'garbage',
    'null',
    '{}',
    '-1',
    '🧾',
    'eyJpZCI6MX0',
    btoa('{"t":"x"}'),
    btoa('[]'),
    'A'.repeat(300),
    '%',
    '===',
  ],
  limit: ['0', '-1', '1', '200', '201', '1.5', 'abc', '1e3', '', '9'.repeat(30), ' 5', '0x10'],
  page: ['0', '-1', '1', '1.5', 'abc', '99999999999999999999', '', '1e3', 'NaN', 'Infinity'],
  q: ['%', '_', "' OR 1=1 --", '語'.repeat(40), '🧾'],
};

/** Requests for one OpenAPI operation. */
export function apiRequests(op: Operation, ctx: SchemaContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        p.schema.enum
          ? fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom(...(p.schema.enum as string[])) },
              { weight: 1, arbitrary: idValues([]) },
            )
          : idValues(ctx.idsFor(idKindOf(p.name, p.schema))),
      ),
    )
    .map((values) => pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]!), op.path));
  const isJson = op.body?.type === 'application/json';
  const body: fc.Arbitrary<string | Uint8Array | undefined> = op.body
    ? fc.oneof(
        {
          weight: 8,
          arbitrary:
            isJson && op.body.schema
              ? valueFor(op.body.schema, undefined, ctx).map((v) => JSON.stringify(v) ?? '')
              : fc.constant(''),
        },
        { weight: 2, arbitrary: RAW_BODIES },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') },
        { weight: 1, arbitrary: RAW_BODIES },
      );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant(op.body?.type ?? 'application/json') },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const method = fc.oneof(
    { weight: 9, arbitrary: fc.constant(op.method) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) },
  );
  return fc
    .record({
      path,
      query: queryFor(op.parameters, ctx),
      body,
      contentType,
      method,
      extra: extraHeaders,
      as: fc.constantFrom<FuzzRequest['as']>('apiKey', 'apiKey', 'apiKey', 'cookie', 'cookie', 'nobody'),
    })
    .map(({ path, query, body, contentType, method, extra, as }) => {
      const headers: Record<string, string> = { ...extra };
      const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
      if (hasBody && contentType !== undefined) headers['content-type'] = contentType;
      return {
        operation: `${op.method} ${op.path}`,
        method,
        path: `/api/v1${path}${query ? `?${query}` : ''}`,
        headers,
        ...(hasBody ? { body } : {}),
        as,
        problemJson: true,
      };
    });
}

/** Which pool of ids a path parameter takes: `cli` from its example `cli_0123…`, else from its name. */
export function idKindOf(name: string, schema: JsonSchema): string {
  const example = typeof schema.example === 'string' ? /^([a-z]+)_/.exec(schema.example)?.[1] : undefined;
  if (example) return example;
  return { paymentId: 'pay', attachmentId: 'att', contactId: 'con', tenantId: 'ten' }[name] ?? name;
}

export interface PortalRoute {
  method: string;
  path: string;
}

const PORTAL_FIELDS = [
  'subject',
  'message',
  'invoiceId',
  'ids',
  'reason',
  'language',
  'lang',
  'email',
  'next',
  'sort',
];
const PORTAL_QUERY = ['page', 'sort', 'order', 'status', 'session_id', 'lang', 'download', 'ids'];

/** Requests for one portal route, signed in as the fixture client (sometimes not, or from elsewhere). */
export function portalRequests(
  route: PortalRoute,
  idsFor: (param: string, path: string) => string[],
): fc.Arbitrary<FuzzRequest> {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const path = fc
    .tuple(...params.map((p) => idValues(idsFor(p, route.path))))
    .map((values) => params.reduce((p, name, i) => p.replace(`:${name}`, values[i]!), route.path));
  const queryValue = fc.oneof(
    anyString(50),
    fc.constantFrom(
      ...SPECIAL_QUERY_VALUES.page!,
      'date',
      'status',
      'asc',
      'desc',
      'overdue',
      'paid',
      'ja',
      'cs_test_x',
    ),
  );
  const query = fc
    .array(fc.tuple(fc.constantFrom(...PORTAL_QUERY), queryValue), { maxLength: 3 })
    .map((pairs) => pairs.map(encodePair).join('&'));
  const fieldValue = fc.oneof(anyString(2000), fc.constantFrom(...idsFor('id', '/invoices/:id')));
  const fields = fc.array(fc.tuple(fc.constantFrom(...PORTAL_FIELDS), fieldValue), { maxLength: 6 });
  const file = fc.record({
    name: fc.constantFrom('a.pdf', 'x.html', 'evil.svg', '../../etc/passwd', '名前.txt', '', 'a'.repeat(300)),
    type: fc.constantFrom(
      'application/pdf',
      'text/html',
      'image/svg+xml',
      'application/x-msdownload',
      '',
      'image/png',
    ),
    // One byte over the 10 MB cap now and then: every such body is built and sent whole.
    size: fc.oneof(
      { weight: 60, arbitrary: fc.constantFrom(0, 1, 1000) },
      { weight: 1, arbitrary: fc.constant(10 * 1024 * 1024 + 1) },
    ),
  });
  const body = fc.oneof(
    { weight: 4, arbitrary: fields.map((f) => ({ kind: 'form' as const, fields: f })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fields, fc.array(file, { maxLength: 7 }))
        .map(([f, files]) => ({ kind: 'multipart' as const, fields: f, files })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ ids: fc.oneof(fc.array(fieldValue, { maxLength: 3 }), anyJson) })
        .map((j) => ({ kind: 'json' as const, json: j })),
    },
    { weight: 1, arbitrary: RAW_BODIES.map((raw) => ({ kind: 'raw' as const, raw })) },
  );
  return fc
    .record({
      path,
      query,
      body,
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) },
      ),
      origin: fc.constantFrom(ORIGIN, ORIGIN, ORIGIN, ORIGIN, 'https://evil.example', 'null', undefined),
      as: fc.constantFrom<FuzzRequest['as']>('portal', 'portal', 'portal', 'portal', 'portal', 'nobody'),
      extra: extraHeaders,
    })
    .map(({ path, query, body, method, origin, as, extra }) => {
      const headers: Record<string, string> = { ...extra };
      if (origin) headers.origin = origin;
      let payload: string | Uint8Array | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        if (body.kind === 'form') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = body.fields.map(encodePair).join('&');
        } else if (body.kind === 'multipart') {
          const { type, bytes } = multipart(body.fields, body.files);
          headers['content-type'] = type;
          payload = bytes;
        } else if (body.kind === 'json') {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(body.json);
        } else {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = body.raw;
        }
      }
      return {
        operation: `${route.method} /portal${route.path}`,
        method,
        path: `/portal${path === '/' ? '' : path}${query ? `?${query}` : ''}`,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        // Signing out or in would end the session the rest of the run uses.
        as: /\/(logout|login)/.test(route.path) ? 'nobody' : as,
        problemJson: false,
      };
    });
}

/** A multipart/form-data body built by hand, so file names and types are exactly the fuzzed ones. */
function multipart(fields: [string, string][], files: { name: string; type: string; size: number }[]) {
  const boundary = '----fuzz7e2b';
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const [k, v] of fields) {
    parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\n${f.type ? `Content-Type: ${f.type}\r\n` : ''}\r\n`;
    parts.push(enc.encode(head), new Uint8Array(f.size).fill(0x3c), enc.encode('\r\n'));
  }
  parts.push(enc.encode(`--${boundary}--\r\n`));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { type: `multipart/form-data; boundary=${boundary}`, bytes };
}

const STRIPE_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'payment_intent.succeeded',
  'customer.created',
  '',
  'checkout.session.completed.extra',
];

/** Stripe events: the shapes Stripe sends with each field fuzzed, and shapes it never sends. */
export function webhookRequests(
  tenantIds: string[],
  idsFor: (kind: string) => string[],
): fc.Arbitrary<FuzzRequest> {
  const num = fc.oneof(
    fc.integer({ min: -1000, max: 10_000_000 }),
    fc.constantFrom(0, -1, 1.5, 2 ** 53, 1e21, '1e3', '1000', null, true),
  );
  const stripeObject = fc.record(
    {
      id: fc.oneof(fc.constantFrom('cs_test_1', 'ch_1', 'pi_1', ''), anyString(100)),
      object: fc.constantFrom('checkout.session', 'charge', 'payment_intent', 'list'),
      amount_total: num,
      amount: num,
      amount_refunded: num,
      currency: fc.constantFrom('eur', 'usd', 'jpy', 'bhd', 'xxx', 'EUR', '', '€', null),
      payment_status: fc.constantFrom('paid', 'unpaid', 'no_payment_required', 'weird', null),
      status: fc.constantFrom('complete', 'open', 'expired', null),
      payment_intent: fc.oneof(fc.constantFrom('pi_1', null, ''), anyJson),
      customer_email: anyString(100),
      metadata: fc.oneof(
        fc.record(
          {
            tenantId: fc.constantFrom(...tenantIds, '', 'ten_x'),
            invoiceId: fc.constantFrom(...idsFor('inv'), '', 'inv_x'),
            clientId: fc.constantFrom(...idsFor('cli'), ''),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  );
  const event = fc.record(
    {
      id: fc.oneof(
        fc.uuid().map((u) => `evt_${u.replaceAll('-', '')}`),
        fc.constantFrom('', 'evt_fixed', null),
      ),
      object: fc.constant('event'),
      type: fc.constantFrom(...STRIPE_TYPES),
      created: num,
      livemode: fc.boolean(),
      data: fc.oneof(
        { weight: 5, arbitrary: fc.record({ object: stripeObject }) },
        { weight: 1, arbitrary: anyJson },
      ),
      account: fc.constantFrom('acct_1', '', null),
    },
    { requiredKeys: ['type'] },
  );
  const body = fc.oneof(
    { weight: 6, arbitrary: event.map((e) => JSON.stringify(e)) },
    { weight: 1, arbitrary: RAW_BODIES },
    { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') },
  );
  const tenant = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tenantIds) },
    { weight: 1, arbitrary: idValues([]) },
  );
  const path = fc.oneof(
    { weight: 9, arbitrary: tenant.map((t) => `/webhooks/stripe/${t}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/webhooks/stripe/',
        '/webhooks/stripe',
        '/webhooks/x',
        '/webhooks/stripe/connect',
        `/webhooks/stripe/${tenantIds[0]}/extra`,
      ),
    },
  );
  return fc
    .record({
      path,
      body,
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant('POST') },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) },
      ),
      sign: fc.constantFrom<NonNullable<FuzzRequest['sign']>>(
        'valid',
        'valid',
        'valid',
        'valid',
        'wrongSecret',
        'stale',
        'future',
        'garbage',
      ),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
    })
    .map(({ path, body, method, sign, contentType }): FuzzRequest => {
      const hasBody = method !== 'GET' && method !== 'HEAD';
      return {
        operation: path.startsWith('/webhooks/stripe/ten_')
          ? 'POST /webhooks/stripe/{tenantId}'
          : `${method} ${path}`,
        method,
        path,
        headers: (contentType ? { 'content-type': contentType } : {}) as Record<string, string>,
        ...(hasBody ? { body } : {}),
        as: 'nobody' as const,
        sign,
        problemJson: true,
      };
    });
}

export { NASTY_STRINGS };
