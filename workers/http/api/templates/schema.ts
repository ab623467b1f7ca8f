import { z } from '@hono/zod-openapi';
import { TEMPLATE_KINDS } from '../../../services/mail/defaults';
import { languageField } from '../fields';

export const kindParam = z.object({
  kind: z.enum(TEMPLATE_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'invoice' }),
});
export const clientKindParams = kindParam.extend({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'cli_0123456789abcdefghjkmnpq' }),
});

const TextSchema = z.object({ subject: z.string(), body: z.string() });
export const TemplateSetSchema = z
  .object({
    kind: z.enum(TEMPLATE_KINDS),
    clientId: z.string().nullable(),
    variables: z.array(z.string()),
    languages: z.record(z.string(), TextSchema.extend({ source: z.enum(['builtin', 'business', 'client']) })),
  })
  .openapi('EmailTemplates');

export const TemplateInputSchema = z
  .object({
    language: languageField,
    subject: z.string().trim().min(1).max(300),
    body: z.string().trim().min(1).max(20_000),
  })
  .openapi('EmailTemplateInput');
