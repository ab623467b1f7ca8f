import { FREQUENCIES } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { dateField, LineInputSchema } from '../documents/schema';
import { currencyField, optionalText } from '../fields';

/**
 * Recurring invoices as the API takes and gives them: what to bill (the lines of every
 * invoice) and the schedule that says when.
 */

const frequencyField = z
  .enum(FREQUENCIES)
  .openapi({ description: 'Quarterly is every 3 months; yearly every 12, on the same day of the month' });

export const ScheduleInputSchema = z
  .object({
    frequency: frequencyField,
    interval: z
      .number()
      .int()
      .min(1)
      .max(52)
      .optional()
      .openapi({ description: 'Every N weeks, months, quarters or years (default 1)', example: 1 }),
    dayOfMonth: z.number().int().min(1).max(31).nullable().optional().openapi({
      description:
        'Monthly, quarterly and yearly runs: the day of the month (31 means the last day of shorter months; 29 February is the 28th in other years). Defaults to the start date’s day',
      example: 1,
    }),
    startDate: dateField.openapi({
      description:
        'The first run (or, with `dayOfMonth`, the first such day on or after it). A past date makes the next cron run create one invoice per period since then, in order',
    }),
    endDate: dateField.nullable().optional().openapi({ description: 'No run after this date' }),
    count: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .nullable()
      .optional()
      .openapi({ description: 'Stop after this many invoices' }),
  })
  .openapi('RecurringScheduleInput');

const profileFields = {
  clientId: z.string().min(1).max(64),
  currency: currencyField.optional().openapi({ description: 'ISO 4217; defaults to the client’s currency' }),
  lines: z.array(LineInputSchema).min(1).max(500).openapi({
    description:
      'The lines of every invoice; `{{period.start}}` and `{{period.end}}` in a description become the dates of the period it bills, in the client’s language',
  }),
  notes: optionalText(5000),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().optional().openapi({
    description: 'Days until due; omitted or null: the business’s terms when each invoice is made',
  }),
  schedule: ScheduleInputSchema,
  autoSend: z
    .boolean()
    .optional()
    .openapi({ description: 'Issue and email each invoice at once (default false: a draft to review)' }),
  timeZone: z.string().max(64).optional().openapi({
    description:
      'IANA zone whose calendar decides when a run date has come; defaults to the business’s country’s zone, or UTC',
    example: 'Europe/Lisbon',
  }),
};

export const RecurringInvoiceInputSchema = z.object(profileFields).openapi('RecurringInvoiceInput');

export const RecurringInvoicePatchSchema = z
  .object({ ...profileFields, schedule: ScheduleInputSchema.partial() })
  .partial()
  .openapi('RecurringInvoicePatch');

const RecurringLineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  discountPercent: z.number(),
  taxRate: z.number(),
  taxes: z.array(z.object({ rate: z.number(), inclusive: z.boolean() })),
  amount: z.number().int(),
});

export const RecurringInvoiceSchema = z
  .object({
    id: z.string().openapi({ example: 'rec_0123456789abcdefghjkmnpq' }),
    clientId: z.string(),
    clientName: z.string().optional(),
    currency: z.string(),
    lines: z.array(RecurringLineSchema),
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int().openapi({ description: 'Of each invoice, in minor units of `currency`' }),
    notes: z.string().nullable(),
    paymentTermsDays: z.number().int().nullable(),
    schedule: z.object({
      frequency: frequencyField,
      interval: z.number().int(),
      dayOfMonth: z.number().int().nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      count: z.number().int().nullable(),
    }),
    timeZone: z.string(),
    autoSend: z.boolean(),
    status: z.enum(['active', 'paused', 'ended']),
    nextRunDates: z
      .array(z.string())
      .openapi({ description: 'The next (up to) three run dates; empty when paused or ended' }),
    invoicesCreated: z.number().int(),
    invoiceIds: z.array(z.string()).openapi({ description: 'The invoices it made, oldest period first' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('RecurringInvoice');

export type RecurringInvoice = z.infer<typeof RecurringInvoiceSchema>;
export type RecurringInvoiceInput = z.output<typeof RecurringInvoiceInputSchema>;
export type RecurringInvoicePatch = z.output<typeof RecurringInvoicePatchSchema>;
