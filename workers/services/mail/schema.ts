import type { Language } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { languageField } from '../fields';
import { TEMPLATE_KINDS } from './defaults';

/** Emails, the development outbox and email templates as the API gives and takes them. */

export const EmailSummarySchema = z
  .object({ id: z.string(), status: z.enum(['queued', 'sent', 'failed']), to: z.string() })
  .openapi('EmailSummary');

export const EmailSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    clientId: z.string().nullable(),
    documentId: z.string().nullable(),
    to: z.string(),
    subject: z.string().nullable(),
    status: z.enum(['queued', 'sent', 'failed']),
    error: z.string().nullable(),
    attempts: z.number().int(),
    // What the mail provider calls this message, for tracing a delivery with their support.
    providerId: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('Email');

export const OutboxSchema = z
  .object({
    id: z.string(),
    emailId: z.string(),
    to: z.string(),
    subject: z.string(),
    createdAt: z.string(),
    raw: z.string(),
  })
  .openapi('OutboxMessage');

const TextSchema = z.object({ subject: z.string(), body: z.string() });
export const TemplateSetSchema = z
  .object({
    kind: z.enum(TEMPLATE_KINDS),
    step: z
      .string()
      .nullable()
      .openapi({ description: "A reminder step's own template (`after:7`); null: the kind's template" }),
    clientId: z.string().nullable(),
    variables: z.array(z.string()),
    languages: z.record(
      z.string(),
      TextSchema.extend({
        source: z.enum(['builtin', 'business', 'client', 'general']).openapi({
          description: "`general`: a step not worded yet, using the business's general reminder template",
        }),
      }),
    ),
  })
  .openapi('EmailTemplates');

export const TemplateInputSchema = z
  .object({
    language: languageField,
    subject: z.string().trim().min(1).max(300),
    body: z.string().trim().min(1).max(20_000),
    step: z.string().max(20).optional().openapi({
      description: 'Reminder only: the step this wording is for (`before:3`, `after:0`, `after:7`)',
    }),
  })
  .openapi('EmailTemplateInput');

export const PreviewInputSchema = z
  .object({
    language: languageField,
    subject: z.string().max(300).optional(),
    body: z.string().max(20_000).optional(),
    clientId: z.string().max(64).optional(),
    step: z.string().max(20).optional().openapi({
      description: 'Reminder only: the step this wording is for (`before:3`, `after:0`, `after:7`)',
    }),
  })
  .openapi('EmailTemplatePreviewInput');

export const PreviewSchema = z
  .object({ subject: z.string(), text: z.string(), html: z.string() })
  .openapi('EmailPreview');

export type EmailView = z.infer<typeof EmailSchema>;
export type OutboxMessage = z.infer<typeof OutboxSchema>;
type LanguageTemplate = z.infer<typeof TemplateSetSchema>['languages'][string];
/** The schema's set with what the service guarantees besides: every language is there. */
export type TemplateSet = z.infer<typeof TemplateSetSchema> & {
  languages: Record<Language, LanguageTemplate>;
};
export type TemplateInput = z.output<typeof TemplateInputSchema>;
export type PreviewInput = z.output<typeof PreviewInputSchema>;
