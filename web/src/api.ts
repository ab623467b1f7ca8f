import type {
  Client,
  ClientInput,
  ClientPatch,
  Page,
  Problem,
  Session,
  Settings,
  SettingsPatch,
} from '@clientele/worker/api-types';

export type { Client, ClientInput, Page, Session, Settings };

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
  getSettings: () => request<Settings>('GET', '/settings'),
  updateSettings: (body: SettingsPatch) => request<Settings>('PATCH', '/settings', body),
};
