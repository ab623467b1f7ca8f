import { z } from '@hono/zod-openapi';
import { currencyField, optionalText } from '../fields';
import { problemWords } from '../reader-language';

/** Credit notes and the client's credit as the API takes and gives them. */

const minorUnits = z
  .number()
  .int({ error: () => problemWords().wholeMinorUnits })
  .positive({ error: () => problemWords().moreThanZero })
  .max(1e13);

export const CreditNoteInputSchema = z
  .object({
    lines: z
      .array(
        z.object({
          line: z
            .number()
            .int()
            .min(0)
            .max(499)
            .openapi({ description: 'Position of the line on the invoice, from 0' }),
        }),
      )
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'Credit these invoice lines in full' }),
    amount: minorUnits.optional().openapi({
      description:
        'A gross amount (tax included) in minor units, spread over the invoice’s tax rates in proportion to their gross amounts',
      example: 5000,
    }),
    reason: z
      .string()
      .trim()
      .min(1, { error: () => problemWords().required })
      .max(1000)
      .openapi({ example: 'Hours billed twice' }),
  })
  .openapi('CreditNoteInput', {
    description: 'Neither `lines` nor `amount`: everything the invoice can still be credited',
  });

export const CreditNoteLineSchema = z
  .object({
    description: z.string(),
    invoiceLine: z.number().int().nullable().openapi({ description: 'The invoice line it credits' }),
    quantity: z.number().nullable(),
    unitPrice: z.number().int().nullable(),
    net: z.number().int(),
    taxRate: z.number(),
    tax: z.number().int(),
    amount: z.number().int().openapi({ description: 'Net plus tax, minor units' }),
  })
  .openapi('CreditNoteLine');

export const CreditNoteSchema = z
  .object({
    id: z.string().openapi({ example: 'crn_0123456789abcdefghjkmnpq' }),
    invoiceId: z.string(),
    invoiceNumber: z.string(),
    invoiceIssueDate: z.string(),
    clientId: z.string(),
    number: z.string().openapi({ example: 'CN-2026-0001' }),
    currency: z.string(),
    language: z.string(),
    issueDate: z.string(),
    lines: z.array(CreditNoteLineSchema),
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    toInvoice: z.number().int().openapi({ description: 'Taken off what the invoice still owed' }),
    toCredit: z
      .number()
      .int()
      .openapi({ description: 'Added to the client’s credit (the invoice was already paid)' }),
    reason: z.string(),
    status: z.enum(['issued', 'sent']),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CreditNote');

export const CreditOptionsSchema = z
  .object({
    invoiceId: z.string(),
    currency: z.string(),
    creditable: z.number().int().openapi({ description: 'What credit notes may still take back' }),
    amountDue: z.number().int(),
    clientCredit: z
      .number()
      .int()
      .openapi({ description: 'The client’s credit in the invoice’s currency, usable on it' }),
    refundToCredit: z.number().int().openapi({
      description:
        'Refunded through Stripe and still owed on the invoice: a credit note for this amount squares it',
    }),
  })
  .openapi('CreditOptions');

export const ApplyCreditInputSchema = z.object({ amount: minorUnits }).openapi('ApplyCreditInput');

export const CreditRefundInputSchema = z
  .object({
    amount: minorUnits,
    currency: currencyField,
    reference: optionalText(200).openapi({ example: 'Bank transfer 2026-11-03' }),
  })
  .openapi('CreditRefundInput');

export type CreditNoteInput = z.output<typeof CreditNoteInputSchema>;
export type CreditNote = z.infer<typeof CreditNoteSchema>;
export type CreditOptions = z.infer<typeof CreditOptionsSchema>;
export type CreditRefundInput = z.output<typeof CreditRefundInputSchema>;
