import { z } from '@hono/zod-openapi';
import { TEMPLATE_KINDS } from '../../../services/mail/defaults';

export const kindParam = z.object({
  kind: z.enum(TEMPLATE_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'invoice' }),
});
export const clientKindParams = kindParam.extend({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'cli_0123456789abcdefghjkmnpq' }),
});

export const stepQuery = z.object({
  step: z
    .string()
    .max(20)
    .optional()
    .openapi({
      param: { name: 'step', in: 'query' },
      description: "Reminder only: a step's own template (`before:3`, `after:0`, `after:7`)",
      example: 'after:7',
    }),
});
