import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { MAX_IMPORT_BYTES } from '../../services/data/imports';
import { DomainError, say } from '../../services/errors';
import type { HonoEnv } from '../hono-env';

export const MAX_BODY_BYTES = 1024 * 1024;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The few routes that take a file instead of JSON, and the types they accept. */
const BINARY_ROUTES: Record<string, RegExp> = {
  'PUT /api/v1/settings/logo': /^image\/(png|jpeg)\s*(;|$)/i,
  'POST /api/v1/imports': /^application\/(zip|x-zip-compressed)\s*(;|$)/i,
};

/** Routes whose files may be larger than a JSON body; each states its limit in the OpenAPI document. */
const LARGE_BODIES: Record<string, number> = {
  'POST /api/v1/imports': MAX_IMPORT_BYTES,
};

/**
 * The API speaks JSON only. Refusing other bodies also shuts out cross-site HTML
 * forms, which cannot send application/json without a CORS preflight.
 */
export const jsonOnly = () =>
  createMiddleware<HonoEnv>(async function jsonOnly(c, next) {
    if (WRITES.has(c.req.method)) {
      const length = c.req.header('content-length');
      const hasBody =
        (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
      const type = c.req.header('content-type') ?? '';
      const binary = BINARY_ROUTES[`${c.req.method} ${c.req.path}`];
      if (binary) {
        if (hasBody && !binary.test(type)) {
          throw new DomainError(415, c.req.path.endsWith('/imports') ? 'sendZip' : 'uploadImage');
        }
      } else if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
        throw new DomainError(415, 'sendJson');
      }
    }
    await next();
  });

const limiter = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError(413, say('bodyTooLarge', maxSize));
    },
  });

export const limitBody = () => {
  const json = limiter(MAX_BODY_BYTES);
  const large = Object.fromEntries(Object.entries(LARGE_BODIES).map(([route, max]) => [route, limiter(max)]));
  return createMiddleware<HonoEnv>(async function limitBody(c, next) {
    const limit = large[`${c.req.method} ${c.req.path}`] ?? json;
    return limit(c, next);
  });
};
