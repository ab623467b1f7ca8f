import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { AppContext } from '../services/context';
import { DomainError, type FieldError, RateLimitedError } from '../services/errors';
import { createLogger, errorText } from '../services/log';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
}

const TYPE_BASE = 'https://clientele.dev/problems/';

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation',
  429: 'rate-limited',
  500: 'internal',
  502: 'upstream',
  503: 'retry-later',
};

export function problemResponse(
  status: number,
  title: string,
  detail: string,
  errors: FieldError[] = [],
  headers: Record<string, string> = {},
): Response {
  const body: Problem = { type: `${TYPE_BASE}${SLUGS[status] ?? 'error'}`, title, status, detail, errors };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/** Zod paths become dotted field names the admin app can put next to inputs. */
export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
}

/** Sign-in tokens live in portal login paths; logs get the route, never the token. */
export function redactPath(path: string): string {
  return path.replace(/(\/portal\/login\/)[^/]+/, '$1[token]');
}

/** One structured line per unexpected failure, with the route but never a sign-in token. */
export function logServerError(c: Context, err: unknown) {
  const ctx: AppContext | undefined = c.get('ctx');
  const log = ctx?.log ?? createLogger({ requestId: c.get('requestId') ?? 'none' });
  log.error('request failed', { method: c.req.method, path: redactPath(c.req.path), error: errorText(err) });
}

/** The single place any API failure becomes an HTTP response; nothing internal leaks. */
export function renderError(err: unknown, c: Context): Response {
  if (err instanceof RateLimitedError) {
    return problemResponse(429, err.title, err.message, [], { 'retry-after': String(err.retryAfterSeconds) });
  }
  if (err instanceof DomainError) return problemResponse(err.status, err.title, err.message, err.errors);
  if (err instanceof HTTPException) {
    // Hono's JSON validator reports unparsable bodies this way.
    const detail =
      err.status === 400 ? 'The request body is not valid JSON' : err.message || 'Request failed';
    return problemResponse(err.status, err.status === 400 ? 'Bad Request' : 'Error', detail);
  }
  logServerError(c, err);
  return problemResponse(
    500,
    'Internal Server Error',
    'Something went wrong on our side; it has been logged.',
  );
}
