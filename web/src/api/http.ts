import type { Language } from '@clientele/core';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { Problem } from './types';

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

/**
 * Every write carries an Idempotency-Key, so a retried request never does the thing twice.
 * A user action brings its own (`useApiForm`, kept across a retry); any other write gets a
 * fresh one here.
 */
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

/**
 * The API, typed by its OpenAPI document: a path, its parameters and its body are checked
 * against `schema.d.ts` at every call. Path parameters are URL-encoded by openapi-fetch, and
 * query parameters left undefined are left out.
 */
export const http = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
http.use(idempotent, speaksAppLanguage);

/** The JSON body an operation takes. */
export type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters an operation takes. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P] = 'get'> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** Headers naming the user action a write belongs to (see `useApiForm`). */
export const actionKey = (key?: string) => (key ? { headers: { 'idempotency-key': key } } : {});

const networkError: Problem = {
  type: 'network',
  title: 'Network error',
  status: 0,
  detail: 'Could not reach the server',
  errors: [],
  // The request never reached the server, so no request has an id to quote.
  requestId: '',
};

function isProblem(error: unknown): error is Problem {
  return typeof error === 'object' && error !== null && 'status' in error;
}

/** The data of a successful answer, or an ApiError with the problem document. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(networkError);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    throw new ApiError(
      isProblem(error)
        ? error
        : {
            type: 'unknown',
            title: response.statusText,
            status: response.status,
            detail: response.statusText,
            errors: [],
            // An answer that is not ours (a proxy's page) names no request.
            requestId: response.headers.get('cf-ray') ?? '',
          },
    );
  }
  // An empty answer (204) has no data; its callers ask for nothing.
  return data as T;
}

/** `value` when it is one of `options`: URL and form values narrowed to the API's enums without a cast. */
export function oneOf<T extends string>(
  options: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return options.find((option) => option === value);
}

/** A text box's value for an optional query parameter: empty means "not chosen". */
export const chosen = (value: string | null | undefined) => value || undefined;
