import { ESTIMATE_VIEW_STATUSES, INVOICE_STATUSES } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { problemWords } from '../../../services/reader-language';
import { AddressSchema, currencyField, optionalText } from '../fields';

const date = z.iso.date({ error: () => problemWords().date }).openapi({ example: '2026-03-12' });

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
  issueDate: date.optional(),
  lines: z.array(LineInputSchema).max(500),
  discountPercent: z.number().min(0).max(100).optional(),
  notes: optionalText(5000),
  footer: optionalText(2000),
};

export const InvoiceInputSchema = z
  .object({
    ...documentFields,
    dueDate: date.nullable().optional(),
    paymentTermsDays: z.number().int().min(0).max(365).optional(),
  })
  .openapi('InvoiceInput');

export const EstimateInputSchema = z
  .object({ ...documentFields, validUntil: date.nullable().optional() })
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
  id: z.string(),
  type: z.enum(['invoice', 'estimate']),
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

export const InvoiceSchema = z
  .object({ ...documentShape, status: z.enum(INVOICE_STATUSES) })
  .openapi('Invoice');

export const EstimateSchema = z
  .object({ ...documentShape, status: z.enum(ESTIMATE_VIEW_STATUSES) })
  .openapi('Estimate');

export const PaymentInputSchema = z
  .object({
    amount: z
      .number()
      .int({ error: () => problemWords().wholeMinorUnits })
      .positive({ error: () => problemWords().moreThanZero })
      .max(1e13),
    date: date,
    method: z
      .string()
      .trim()
      .min(1, { error: () => problemWords().sayHowPaid })
      .max(50)
      .openapi({ example: 'bank transfer' }),
    reference: optionalText(200),
    sendReceipt: z.boolean().optional().openapi({ description: 'Email the client a receipt (queued)' }),
  })
  .openapi('PaymentInput');

export const PaymentSchema = z
  .object({
    id: z.string(),
    invoiceId: z.string(),
    clientId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    date: z.string(),
    method: z.string(),
    reference: z.string().nullable(),
    source: z.enum(['manual', 'stripe']),
    refunded: z.number().int().openapi({ description: 'Refunded so far through Stripe, in minor units' }),
    createdAt: z.string(),
  })
  .openapi('Payment');

export const OnlinePaymentSchema = z
  .object({
    id: z.string().openapi({ description: 'Stripe Checkout Session id' }),
    invoiceId: z.string(),
    state: z.enum(['open', 'processing', 'paid', 'failed', 'mismatch']),
    amount: z.number().int(),
    currency: z.string(),
    paymentIntentId: z.string().nullable(),
    paymentId: z.string().nullable(),
    problem: z.string().nullable().openapi({ description: 'Why a payment was flagged instead of applied' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OnlinePayment');

export const ClientSummarySchema = z
  .object({
    clientId: z.string(),
    currencies: z.array(
      z.object({
        currency: z.string(),
        totalInvoiced: z.number().int(),
        totalPaid: z.number().int(),
        outstanding: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
    invoices: z.record(z.string(), z.number().int()),
    estimates: z.record(z.string(), z.number().int()),
    lastActivityAt: z.string().nullable(),
  })
  .openapi('ClientSummary');

export const EmailSummarySchema = z
  .object({ id: z.string(), status: z.enum(['queued', 'sent', 'failed']), to: z.string() })
  .openapi('EmailSummary');
