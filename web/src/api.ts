import type {
  Client,
  ClientInput,
  ClientPatch,
  ClientSummary,
  DocumentInput,
  Estimate,
  Invoice,
  Page,
  Payment,
  PaymentInput,
  PortalLink,
  Problem,
  Session,
  Settings,
  SettingsPatch,
} from '@clientele/worker/api-types';

export type {
  Client,
  ClientInput,
  ClientSummary,
  DocumentInput,
  Estimate,
  Invoice,
  Page,
  Payment,
  PortalLink,
  Session,
  Settings,
};
export type DocType = 'invoice' | 'estimate';
export interface TemplateSet {
  kind: string;
  clientId: string | null;
  variables: string[];
  languages: Record<string, { subject: string; body: string; source: 'builtin' | 'business' | 'client' }>;
}
export interface EmailLogEntry {
  id: string;
  kind: string;
  to: string;
  subject: string | null;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}
export type Doc = Invoice | Estimate;
const plural = (t: DocType) => (t === 'invoice' ? 'invoices' : 'estimates');
const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: 'network',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach the server',
      errors: [],
    });
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(
      data && typeof data === 'object' && 'status' in data
        ? (data as Problem)
        : { type: 'unknown', title: res.statusText, status: res.status, detail: res.statusText, errors: [] },
    );
  }
  return data as T;
}

export const api = {
  signUp: (body: { businessName: string; email: string; password: string; currency?: string }) =>
    request<Session>('POST', '/signup', body),
  signIn: (body: { email: string; password: string }) => request<Session>('POST', '/sessions', body),
  session: () => request<Session>('GET', '/sessions/current'),
  signOut: () => request<void>('DELETE', '/sessions/current'),
  listClients: (params: { q?: string; cursor?: string; limit?: number; archived?: boolean }) => {
    const qs = new URLSearchParams();
    if (params.q) qs.set('q', params.q);
    if (params.cursor) qs.set('cursor', params.cursor);
    if (params.limit) qs.set('limit', String(params.limit));
    if (params.archived) qs.set('archived', 'true');
    return request<Page<Client>>('GET', `/clients?${qs}`);
  },
  getClient: (id: string) => request<Client>('GET', `/clients/${encodeURIComponent(id)}`),
  createClient: (body: ClientInput) => request<Client>('POST', '/clients', body),
  updateClient: (id: string, body: ClientPatch) =>
    request<Client>('PATCH', `/clients/${encodeURIComponent(id)}`, body),
  archiveClient: (id: string) => request<Client>('DELETE', `/clients/${encodeURIComponent(id)}`),
  clientSummary: (id: string) => request<ClientSummary>('GET', `/clients/${encodeURIComponent(id)}/summary`),
  clientDocuments: (id: string, params: { type: DocType; status?: string; cursor?: string }) =>
    request<Page<Doc>>('GET', `/clients/${encodeURIComponent(id)}/documents?${qs(params)}`),
  listDocuments: (
    type: DocType,
    params: { status?: string; q?: string; cursor?: string; clientId?: string; limit?: number },
  ) => request<Page<Doc>>('GET', `/${plural(type)}?${qs(params)}`),
  getDocument: (type: DocType, id: string) =>
    request<Doc>('GET', `/${plural(type)}/${encodeURIComponent(id)}`),
  createDocument: (type: DocType, body: DocumentInput) => request<Doc>('POST', `/${plural(type)}`, body),
  updateDocument: (type: DocType, id: string, body: Partial<DocumentInput>) =>
    request<Doc>('PATCH', `/${plural(type)}/${encodeURIComponent(id)}`, body),
  deleteDocument: (type: DocType, id: string) =>
    request<void>('DELETE', `/${plural(type)}/${encodeURIComponent(id)}`),
  sendDocument: (type: DocType, id: string) =>
    request<Doc>('POST', `/${plural(type)}/${encodeURIComponent(id)}/send`),
  voidInvoice: (id: string) => request<Invoice>('POST', `/invoices/${encodeURIComponent(id)}/void`),
  decideEstimate: (id: string, decision: 'accept' | 'reject', reason?: string) =>
    request<Estimate>('POST', `/estimates/${encodeURIComponent(id)}/${decision}`, reason ? { reason } : {}),
  convertEstimate: (id: string) => request<Invoice>('POST', `/estimates/${encodeURIComponent(id)}/convert`),
  payments: (invoiceId: string) =>
    request<{ data: Payment[] }>('GET', `/invoices/${encodeURIComponent(invoiceId)}/payments`),
  recordPayment: (invoiceId: string, body: PaymentInput) =>
    request<Payment>('POST', `/invoices/${encodeURIComponent(invoiceId)}/payments`, body),
  deletePayment: (invoiceId: string, paymentId: string) =>
    request<void>(
      'DELETE',
      `/invoices/${encodeURIComponent(invoiceId)}/payments/${encodeURIComponent(paymentId)}`,
    ),
  uploadLogo: async (file: File) => {
    const res = await fetch('/api/v1/settings/logo', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(data as Problem);
    return data as Settings;
  },
  deleteLogo: () => request<void>('DELETE', '/settings/logo'),
  templates: (kind: string, clientId?: string) =>
    request<TemplateSet>('GET', clientId ? `/clients/${clientId}/templates/${kind}` : `/templates/${kind}`),
  saveTemplate: (
    kind: string,
    body: { language: string; subject: string; body: string },
    clientId?: string,
  ) =>
    request<TemplateSet>(
      'PUT',
      clientId ? `/clients/${clientId}/templates/${kind}` : `/templates/${kind}`,
      body,
    ),
  removeClientTemplate: (kind: string, clientId: string, language: string) =>
    request<TemplateSet>('DELETE', `/clients/${clientId}/templates/${kind}?language=${language}`),
  previewTemplate: (
    kind: string,
    body: { language: string; subject: string; body: string; clientId?: string },
  ) => request<{ subject: string; text: string; html: string }>('POST', `/templates/${kind}/preview`, body),
  portalLinks: (clientId: string) =>
    request<{ data: PortalLink[] }>('GET', `/portal-links?${qs({ clientId })}`),
  createPortalLink: (clientId: string) =>
    request<PortalLink & { url: string }>('POST', `/clients/${encodeURIComponent(clientId)}/portal-links`),
  revokePortalLink: (id: string) => request<PortalLink>('DELETE', `/portal-links/${encodeURIComponent(id)}`),
  emails: (clientId?: string) =>
    request<Page<EmailLogEntry>>('GET', `/emails?${qs({ clientId, limit: 50 })}`),
  getSettings: () => request<Settings>('GET', '/settings'),
  updateSettings: (body: SettingsPatch) => request<Settings>('PATCH', '/settings', body),
};
