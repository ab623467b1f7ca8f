import { AUDIT_ACTOR_TYPES } from '@clientele/db';
import { z } from '@hono/zod-openapi';

const DetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AuditLineSchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ description: 'When it happened (ISO 8601, UTC)' }),
    actor: z.object({
      type: z.enum(AUDIT_ACTOR_TYPES),
      id: z.string().nullable().openapi({ description: 'A user, API key or client id; null for the system' }),
      name: z.string().nullable().openapi({ description: 'Their name as it was then' }),
    }),
    action: z.string().openapi({ example: 'invoice.issued', description: '`<subject>.<verb>`' }),
    subject: z.object({ type: z.string(), id: z.string().nullable() }),
    ip: z.string().nullable().openapi({ description: 'The address the change came from, when known' }),
    detail: z.record(z.string(), DetailValue).nullable().openapi({
      description: 'Small facts about the change (a number, changed field names); never a secret',
    }),
  })
  .openapi('AuditLine');

export type AuditLineView = z.infer<typeof AuditLineSchema>;

/** `<subject>.<verb>`, or `<subject>.` for every action on that kind of subject. */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z_]{0,39}\.(?:[a-z][a-z_]{0,39})?$/;
/** An id (`inv_…`) or an actor type (`system`, `apiKey`, …). */
export const AUDIT_ID_PATTERN = /^(?:[a-z]{3}_[0-9a-z]{1,40}|user|apiKey|client|system)$/;

export const AuditLogQuerySchema = z.object({
  actor: z.string().max(64).regex(AUDIT_ID_PATTERN).optional().openapi({
    description:
      "An actor's id (`usr_…`, `key_…`, `cli_…`), or an actor type: `user`, `apiKey`, `client`, `system`",
  }),
  action: z.string().max(81).regex(AUDIT_ACTION_PATTERN).optional().openapi({
    description:
      'An exact action (`invoice.issued`), or every action on one kind of subject with a trailing dot (`invoice.`)',
    example: 'invoice.',
  }),
  subjectId: z
    .string()
    .max(64)
    .regex(/^[a-z]{3}_[0-9a-z]{1,40}$/)
    .optional()
    .openapi({ description: "The changed thing's id (`inv_…`, `cli_…`)" }),
});
