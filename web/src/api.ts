import type { Language } from '@clientele/core';
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api/schema';

/** Shapes generated from the API's OpenAPI document (`pnpm gen:api`); nothing here is hand-typed. */
type Schemas = components['schemas'];
export type Client = Schemas['Client'];
export type ClientInput = Schemas['ClientInput'];
export type ClientPatch = Schemas['ClientPatch'];
export type ClientSummary = Schemas['ClientSummary'];
export type DocumentInput = Schemas['InvoiceInput'];
export type Estimate = Schemas['Estimate'];
export type Invoice = Schemas['Invoice'];
export type Payment = Schemas['Payment'];
export type OnlinePayment = Schemas['OnlinePayment'];
export type Ticket = Schemas['Ticket'];
export type TicketMessage = Schemas['TicketMessage'];
export type StripeSettings = Schemas['StripeSettings'];
export type PaymentInput = Schemas['PaymentInput'];
export type PortalLink = Schemas['PortalLink'];
export type Problem = Schemas['Problem'];
export type Session = Schemas['Session'];
export type Settings = Schemas['Settings'];
export type SettingsPatch = Schemas['SettingsPatch'];
export type TemplateSet = Schemas['EmailTemplates'];
export type EmailLogEntry = Schemas['Email'];
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
export type DocType = 'invoice' | 'estimate';
export type Doc = Invoice | Estimate;
type TemplateKind = paths['/templates/{kind}']['get']['parameters']['path']['kind'];

/** A failed call, carrying the API's problem document so forms can show field errors. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }

  get status() {
    return this.problem.status;
  }

  /** Field path → message, for putting errors next to inputs. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.problem.errors.map((e) => [e.path, e.message]));
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every write carries an Idempotency-Key, so a retried request never does the thing twice. */
const idempotent: Middleware = {
  onRequest({ request }) {
    if (WRITES.has(request.method) && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', crypto.randomUUID());
    }
    return request;
  },
};

let language: Language = 'en';

/** The app's language; the API writes its refusals in it (Accept-Language). */
export function setApiLanguage(lang: Language) {
  language = lang;
}

const speaksAppLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    return request;
  },
};

// Path parameters are URL-encoded by openapi-fetch; query strings are serialized by it too.
const http = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
http.use(idempotent, speaksAppLanguage);

const networkError: Problem = {
  type: 'network',
  title: 'Network error',
  status: 0,
  detail: 'Could not reach the server',
  errors: [],
  // The request never reached the server, so no request has an id to quote.
  requestId: '',
};

/** The data of a successful answer, or an ApiError with the problem document. */
async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(networkError);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const problem =
      error && typeof error === 'object' && 'status' in error
        ? (error as Problem)
        : {
            type: 'unknown',
            title: response.statusText,
            status: response.status,
            detail: response.statusText,
            errors: [],
            requestId: '',
          };
    throw new ApiError(problem);
  }
  return data as T;
}

const path = (id: string) => ({ params: { path: { id } } });

export const api = {
  signUp: (body: {
    businessName: string;
    email: string;
    password: string;
    currency?: string;
    locale?: Language;
  }) => unwrap(http.POST('/signup', { body })),
  signIn: (body: { email: string; password: string }) => unwrap(http.POST('/sessions', { body })),
  session: () => unwrap(http.GET('/sessions/current')),
  signOut: () => unwrap(http.DELETE('/sessions/current')),
  listClients: (query: { q?: string; cursor?: string; limit?: number; archived?: boolean }) =>
    unwrap(
      http.GET('/clients', {
        params: {
          query: {
            ...(query.q ? { q: query.q } : {}),
            ...(query.cursor ? { cursor: query.cursor } : {}),
            ...(query.limit ? { limit: query.limit } : {}),
            ...(query.archived ? { archived: 'true' as const } : {}),
          },
        },
      }),
    ),
  getClient: (id: string) => unwrap(http.GET('/clients/{id}', path(id))),
  createClient: (body: ClientInput) => unwrap(http.POST('/clients', { body })),
  updateClient: (id: string, body: ClientPatch) => unwrap(http.PATCH('/clients/{id}', { ...path(id), body })),
  archiveClient: (id: string) => unwrap(http.DELETE('/clients/{id}', path(id))),
  clientSummary: (id: string) => unwrap(http.GET('/clients/{id}/summary', path(id))),
  clientDocuments: (id: string, query: { type: DocType; status?: string; cursor?: string }) =>
    unwrap(
      http.GET('/clients/{id}/documents', {
        params: { path: { id }, query: compact(query) as never },
      }),
    ) as Promise<Page<Doc>>,
  listDocuments: (
    type: DocType,
    query: { status?: string; q?: string; cursor?: string; clientId?: string; limit?: number },
  ) =>
    (type === 'invoice'
      ? unwrap(http.GET('/invoices', { params: { query: compact(query) as never } }))
      : unwrap(http.GET('/estimates', { params: { query: compact(query) as never } }))) as Promise<Page<Doc>>,
  getDocument: (type: DocType, id: string): Promise<Doc> =>
    type === 'invoice'
      ? unwrap(http.GET('/invoices/{id}', path(id)))
      : unwrap(http.GET('/estimates/{id}', path(id))),
  createDocument: (type: DocType, body: DocumentInput): Promise<Doc> =>
    type === 'invoice' ? unwrap(http.POST('/invoices', { body })) : unwrap(http.POST('/estimates', { body })),
  updateDocument: (type: DocType, id: string, body: Partial<DocumentInput>): Promise<Doc> =>
    type === 'invoice'
      ? unwrap(http.PATCH('/invoices/{id}', { ...path(id), body }))
      : unwrap(http.PATCH('/estimates/{id}', { ...path(id), body })),
  deleteDocument: (type: DocType, id: string) =>
    type === 'invoice'
      ? unwrap(http.DELETE('/invoices/{id}', path(id)))
      : unwrap(http.DELETE('/estimates/{id}', path(id))),
  sendDocument: (type: DocType, id: string, opts: { resend?: boolean } = {}): Promise<Doc> => {
    const params = { path: { id }, query: opts.resend ? { resend: 'true' as const } : {} };
    return type === 'invoice'
      ? unwrap(http.POST('/invoices/{id}/send', { params }))
      : unwrap(http.POST('/estimates/{id}/send', { params }));
  },
  voidInvoice: (id: string) => unwrap(http.POST('/invoices/{id}/void', path(id))),
  decideEstimate: (id: string, decision: 'accept' | 'reject', reason?: string) =>
    decision === 'accept'
      ? unwrap(http.POST('/estimates/{id}/accept', { ...path(id), body: {} }))
      : unwrap(http.POST('/estimates/{id}/reject', { ...path(id), body: reason ? { reason } : {} })),
  convertEstimate: (id: string) => unwrap(http.POST('/estimates/{id}/convert', path(id))),
  payments: (invoiceId: string) => unwrap(http.GET('/invoices/{id}/payments', path(invoiceId))),
  /** One key per user action: a retry of the same submission is answered with the first result. */
  recordPayment: (invoiceId: string, body: PaymentInput, idempotencyKey?: string) =>
    unwrap(
      http.POST('/invoices/{id}/payments', {
        ...path(invoiceId),
        body,
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
      }),
    ),
  deletePayment: (invoiceId: string, paymentId: string) =>
    unwrap(
      http.DELETE('/invoices/{id}/payments/{paymentId}', {
        params: { path: { id: invoiceId, paymentId } },
      }),
    ),
  uploadLogo: (file: File) =>
    unwrap(
      http.PUT('/settings/logo', {
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    ),
  deleteLogo: () => unwrap(http.DELETE('/settings/logo')),
  templates: (kind: string, clientId?: string) =>
    clientId
      ? unwrap(
          http.GET('/clients/{id}/templates/{kind}', {
            params: { path: { id: clientId, kind: kind as TemplateKind } },
          }),
        )
      : unwrap(http.GET('/templates/{kind}', { params: { path: { kind: kind as TemplateKind } } })),
  saveTemplate: (
    kind: string,
    body: { language: string; subject: string; body: string },
    clientId?: string,
  ) =>
    clientId
      ? unwrap(
          http.PUT('/clients/{id}/templates/{kind}', {
            params: { path: { id: clientId, kind: kind as TemplateKind } },
            body: body as never,
          }),
        )
      : unwrap(
          http.PUT('/templates/{kind}', {
            params: { path: { kind: kind as TemplateKind } },
            body: body as never,
          }),
        ),
  removeClientTemplate: (kind: string, clientId: string, language: string) =>
    unwrap(
      http.DELETE('/clients/{id}/templates/{kind}', {
        params: { path: { id: clientId, kind: kind as TemplateKind }, query: { language } as never },
      }),
    ),
  previewTemplate: (
    kind: string,
    body: { language: string; subject: string; body: string; clientId?: string },
  ) =>
    unwrap(
      http.POST('/templates/{kind}/preview', {
        params: { path: { kind: kind as TemplateKind } },
        body: body as never,
      }),
    ),
  portalLinks: (clientId: string) => unwrap(http.GET('/portal-links', { params: { query: { clientId } } })),
  createPortalLink: (clientId: string) => unwrap(http.POST('/clients/{id}/portal-links', path(clientId))),
  revokePortalLink: (id: string) => unwrap(http.DELETE('/portal-links/{id}', path(id))),
  emails: (clientId?: string) =>
    unwrap(http.GET('/emails', { params: { query: { ...(clientId ? { clientId } : {}), limit: 50 } } })),
  apiKeys: () => unwrap(http.GET('/api-keys')),
  createApiKey: (name: string, scope: Schemas['ApiKey']['scope']) =>
    unwrap(http.POST('/api-keys', { body: { name, scope } })),
  revokeApiKey: (id: string) => unwrap(http.DELETE('/api-keys/{id}', path(id))),
  getSettings: () => unwrap(http.GET('/settings')),
  dashboard: () => unwrap(http.GET('/dashboard')),
  tickets: (query: { status?: 'open' | 'waiting' | 'closed'; clientId?: string; cursor?: string }) =>
    unwrap(http.GET('/tickets', { params: { query: compact(query) as never } })),
  ticket: (id: string) => unwrap(http.GET('/tickets/{id}', path(id))),
  unreadTickets: () => unwrap(http.GET('/tickets/unread-count')),
  inboundMail: () => unwrap(http.GET('/tickets/inbound-mail')),
  acceptInboundMail: (id: string) => unwrap(http.POST('/tickets/inbound-mail/{id}/accept', path(id))),
  replyToTicket: (id: string, body: { body: string; internal?: boolean }) =>
    unwrap(http.POST('/tickets/{id}/messages', { ...path(id), body })),
  setTicketStatus: (id: string, status: 'open' | 'closed') =>
    unwrap(http.PATCH('/tickets/{id}', { ...path(id), body: { status } })),
  stripeSettings: () => unwrap(http.GET('/settings/stripe')),
  saveStripeSettings: (body: { publishableKey: string; secretKey: string; webhookSecret: string }) =>
    unwrap(http.PUT('/settings/stripe', { body })),
  removeStripe: () => unwrap(http.DELETE('/settings/stripe')),
  onlinePayments: (invoiceId: string) => unwrap(http.GET('/invoices/{id}/online-payments', path(invoiceId))),
  updateSettings: (body: SettingsPatch) => unwrap(http.PATCH('/settings', { body })),
};

/** Query parameters without the empty ones, so the API sees only what was chosen. */
function compact<T extends Record<string, string | number | undefined>>(query: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}
