import { CHECKOUT_STATES, CREDIT_SOURCES, CREDIT_STATES, PAYMENT_SOURCES } from '@clientele/db';
import { z } from '@hono/zod-openapi';
import { dateField } from '../documents/schema';
import { optionalText } from '../fields';
import { problemWords } from '../reader-language';

export const PaymentInputSchema = z
  .object({
    amount: z
      .number()
      .int({ error: () => problemWords().wholeMinorUnits })
      .positive({ error: () => problemWords().moreThanZero })
      .max(1e13),
    date: dateField,
    method: z
      .string()
      .trim()
      .min(1, { error: () => problemWords().sayHowPaid })
      .max(50)
      .openapi({ example: 'bank transfer' }),
    reference: optionalText(200),
    sendReceipt: z.boolean().optional().openapi({ description: 'Email the client a receipt (queued)' }),
    excessAsCredit: z.boolean().optional().openapi({
      description:
        'More than the amount due: pay what is due and keep the rest as the client’s credit (otherwise refused with 422)',
    }),
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
    source: z.enum(PAYMENT_SOURCES).openapi({
      description:
        '`credit`: the client’s credit used; `credit_note`: taken off by a credit note (`reference` is its number)',
    }),
    refunded: z.number().int().openapi({ description: 'Refunded so far through Stripe, in minor units' }),
    savedAsCredit: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Paid beyond what was due and kept as the client’s credit' }),
    createdAt: z.string(),
  })
  .openapi('Payment');

export const OnlinePaymentSchema = z
  .object({
    id: z.string().openapi({ description: 'Stripe Checkout Session id' }),
    invoiceId: z.string(),
    state: z.enum(CHECKOUT_STATES),
    amount: z.number().int(),
    currency: z.string(),
    paymentIntentId: z.string().nullable(),
    paymentId: z.string().nullable(),
    problem: z.string().nullable().openapi({ description: 'Why a payment was flagged instead of applied' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OnlinePayment');

export type Payment = z.infer<typeof PaymentSchema>;
export type PaymentInput = z.output<typeof PaymentInputSchema>;
export type OnlinePayment = z.infer<typeof OnlinePaymentSchema>;

export const CreditSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    invoiceId: z
      .string()
      .nullable()
      .openapi({ description: 'The invoice the money came from or was used on (none for a refund by hand)' }),
    amount: z
      .number()
      .int()
      .openapi({ description: 'Minor units of `currency`; negative when used or handed back' }),
    currency: z.string(),
    state: z.enum(CREDIT_STATES),
    source: z.enum(CREDIT_SOURCES).openapi({
      description:
        '`stripe` paid beyond what was owed, `credit_note`, `overpayment` (a manual payment kept), `applied` to an invoice, `refund` handed back by hand',
    }),
    checkoutSessionId: z.string().nullable(),
    creditNoteId: z.string().nullable(),
    paymentId: z.string().nullable(),
    reference: z.string().nullable(),
    refundId: z.string().nullable().openapi({ description: 'Stripe refund id once refunded' }),
    createdAt: z.string(),
    refundedAt: z.string().nullable(),
  })
  .openapi('ClientCredit');

export type Credit = z.infer<typeof CreditSchema>;
