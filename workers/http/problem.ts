import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { AppContext } from '../services/context';
import { asDomainError, type FieldError, type ProblemStatus, say, wording } from '../services/errors';
import { createLogger, errorText } from '../services/log';
import { problemWords } from '../services/reader-language';
import { newRequestId } from './request-id';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
  /** The request's id (its cf-ray in production): quoted in a support question, it finds the logs. */
  requestId: string;
}

const TYPE_BASE = 'https://clientele.dev/problems/';

const SLUGS: Record<ProblemStatus, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation',
  429: 'rate-limited',
  500: 'internal',
  502: 'upstream',
  503: 'retry-later',
};

/** Hono's own refusals (a body its JSON validator cannot parse) carry any status. */
const isProblemStatus = (status: number): status is ProblemStatus => status in SLUGS;

/** The request's id, set first thing by `requestId()`; a sub-app served on its own names it here. */
function requestIdOf(c: Context): string {
  const id: unknown = c.get('requestId');
  if (typeof id === 'string' && id) return id;
  const fresh = newRequestId(c.req.header('cf-ray'));
  c.set('requestId', fresh);
  return fresh;
}

/** Only the renderers below write a problem body. */
function problem(
  c: Context,
  status: number,
  title: string,
  detail: string,
  errors: FieldError[] = [],
  headers: Record<string, string> = {},
): Response {
  const slug = isProblemStatus(status) ? SLUGS[status] : 'error';
  const body: Problem = {
    type: `${TYPE_BASE}${slug}`,
    title,
    status,
    detail,
    errors,
    requestId: requestIdOf(c),
  };
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

/**
 * The single place any failure becomes an HTTP response: refusals of every layer (typed
 * errors, and the data layer's through `asDomainError`) keep their status and words;
 * anything else is logged and becomes a 500 that leaks nothing internal.
 */
export function renderError(err: unknown, c: Context): Response {
  const refused = asDomainError(err);
  if (refused) {
    return problem(c, refused.status, refused.title, refused.message, refused.errors, refused.headers);
  }
  if (err instanceof HTTPException) {
    // Hono's JSON validator reports unparsable bodies this way.
    const detail = err.status === 400 ? wording('notJson') : err.message || wording('requestFailed');
    const title = isProblemStatus(err.status) ? problemWords().title[err.status] : wording('requestFailed');
    return problem(c, err.status, title, detail);
  }
  logServerError(c, err);
  return problem(c, 500, problemWords().title[500], wording('serverError'));
}

/** An address under /api that no route answers. */
export function routeNotFound(c: Context): Response {
  return problem(c, 404, problemWords().title[404], say('noRoute', c.req.method, c.req.path).text);
}
