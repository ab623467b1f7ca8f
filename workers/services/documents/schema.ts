import { ESTIMATE_VIEW_STATUSES, INVOICE_STATUSES } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { AddressSchema, currencyField, optionalText } from '../fields';
import { problemWords } from '../reader-language';

/**
 * Invoices and estimates as the API takes and gives them. These schemas are the one
 * description of a document's shape: the services build `z.infer` of them, the routes
 * validate and document with them, and the admin app's types are generated from them.
 */

export const dateField = z.iso.date({ error: () => problemWords().date }).openapi({ example: '2026-03-12' });

const TaxSchema = z.object({
  rate: z.number().min(0).max(100).openapi({ description: 'Percent, e.g. 20 or 7.5', example: 20 }),
  inclusive: z
    .boolean()
    .optional()
    .openapi({ description: 'True when the unit price already contains this tax' }),
});

export const LineInputSchema = z
  .object({
    description: z
      .string()
      .trim()
      .min(1, { error: () => problemWords().describeLine })
      .max(2000),
    quantity: z
      .number()
      .min(0, { error: () => problemWords().notNegative })
      .max(1_000_000)
      .openapi({ example: 1.5 }),
    unitPrice: z
      .number()
      .int('Use minor units (cents) as an integer')
      .min(0, { error: () => problemWords().notNegative })
      .max(1e12)
      .openapi({ description: 'Minor units of the document currency', example: 12000 }),
    taxRate: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .openapi({ description: 'Shorthand for one exclusive tax' }),
    taxes: z.array(TaxSchema).max(5).optional(),
    discountPercent: z.number().min(0).max(100).optional(),
  })
  .openapi('LineInput');

const documentFields = {
  clientId: z.string().min(1).max(64),
  currency: currencyField.optional(),
  issueDate: dateField.optional(),
  lines: z.array(LineInputSchema).max(500),
  discountPercent: z.number().min(0).max(100).optional(),
  notes: optionalText(5000),
  footer: optionalText(2000),
};

export const InvoiceInputSchema = z
  .object({
    ...documentFields,
    dueDate: dateField.nullable().optional(),
    paymentTermsDays: z.number().int().min(0).max(365).optional(),
  })
  .openapi('InvoiceInput');

export const EstimateInputSchema = z
  .object({ ...documentFields, validUntil: dateField.nullable().optional() })
  .openapi('EstimateInput');

export const InvoicePatchSchema = InvoiceInputSchema.partial().openapi('InvoicePatch');
export const EstimatePatchSchema = EstimateInputSchema.partial().openapi('EstimatePatch');

const LineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  discountPercent: z.number(),
  taxRate: z.number(),
  taxes: z.array(z.object({ rate: z.number(), inclusive: z.boolean() })),
  amount: z.number().int(),
});

export const BillToSchema = z
  .object({
    name: z.string(),
    company: z.string().nullable(),
    email: z.string().nullable(),
    billingAddress: AddressSchema,
    taxId: z.string().nullable(),
  })
  .openapi('BillTo');

const documentShape = {
  clientId: z.string(),
  clientName: z.string().optional(),
  number: z.string().nullable(),
  overdue: z.boolean(),
  currency: z.string(),
  language: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  validUntil: z.string().nullable(),
  lines: z.array(LineSchema),
  discountPercent: z.number(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  amountPaid: z.number().int(),
  amountDue: z.number().int(),
  dispute: z
    .object({
      amount: z.number().int().openapi({ description: 'Disputed, in the invoice currency’s minor units' }),
      status: z
        .string()
        .openapi({ description: 'Stripe’s dispute status (needs_response, under_review, lost…)' }),
      reason: z.string().openapi({ description: 'Stripe’s dispute reason (fraudulent, duplicate…)' }),
    })
    .nullable()
    .openapi({
      description:
        'A Stripe dispute holding back a payment of this invoice (its amount is owed again); null when none, or once won',
    }),
  taxes: z.array(
    z.object({ rate: z.number(), inclusive: z.boolean(), base: z.number().int(), amount: z.number().int() }),
  ),
  notes: z.string().nullable(),
  footer: z.string().nullable(),
  billTo: BillToSchema.nullable(),
  invoiceId: z.string().nullable(),
  estimateId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  viewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

// `type` is one value per schema, so an estimate cannot pass for an Invoice: the two
// shapes are a discriminated union in the services, in the API and in the admin app.
export const InvoiceSchema = z
  .object({ id: z.string(), type: z.enum(['invoice']), ...documentShape, status: z.enum(INVOICE_STATUSES) })
  .openapi('Invoice');

export const EstimateSchema = z
  .object({
    id: z.string(),
    type: z.enum(['estimate']),
    ...documentShape,
    status: z.enum(ESTIMATE_VIEW_STATUSES),
  })
  .openapi('Estimate');

export type Invoice = z.infer<typeof InvoiceSchema>;
export type Estimate = z.infer<typeof EstimateSchema>;
/** A document as readers get it, by its type. */
export interface DocumentViews {
  invoice: Invoice;
  estimate: Estimate;
}
export type DocumentView = Invoice | Estimate;
/** What both kinds show, whatever their type and status. */
export type DocumentBase = Omit<Invoice, 'type' | 'status'>;
export type BillTo = z.infer<typeof BillToSchema>;
export type LineApiInput = z.output<typeof LineInputSchema>;
/** A draft's fields as written by a caller: an invoice's or an estimate's input. */
export type DocumentInput = z.output<typeof InvoiceInputSchema> &
  Pick<z.output<typeof EstimateInputSchema>, 'validUntil'>;
