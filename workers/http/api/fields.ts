import { z } from '@hono/zod-openapi';

// Request fields shared with the resource schemas, for routes that validate them in place.
export {
  currencyField,
  emailField,
  languageField,
  optionalText,
  personEmailField,
} from '../../services/fields';

export const idParam = (prefix: string) =>
  z.object({
    id: z
      .string()
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, example: `${prefix}_0123456789abcdefghjkmnpq` }),
  });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string().min(1).openapi({
      description:
        "The request's id (Cloudflare's cf-ray when there is one): quote it when asking for support",
    }),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const commonErrors = {
  400: problem('Malformed request'),
  401: problem('No or invalid credentials'),
  403: problem(
    'Not allowed: a write with a read-only API key, a call only a signed-in person may make (API keys, Stripe settings, dev outbox), a role that may not, or a cookie write from another site',
  ),
  404: problem('Not found, or belongs to another tenant'),
  413: problem('Body too large'),
  415: problem('Body is not JSON'),
  422: problem('Invalid fields; `errors` names each one'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  cursor: z.string().max(200).optional(),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
