import { CHECKOUT_STATES } from '@clientele/db';
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
    invoiceId: z.string().openapi({ description: 'The invoice the money was paid for' }),
    amount: z.number().int().openapi({ description: 'Minor units of `currency`' }),
    currency: z.string(),
    state: z.enum(['open', 'refunding', 'refunded']),
    checkoutSessionId: z.string(),
    refundId: z.string().nullable().openapi({ description: 'Stripe refund id once refunded' }),
    createdAt: z.string(),
    refundedAt: z.string().nullable(),
  })
  .openapi('ClientCredit');

export type Credit = z.infer<typeof CreditSchema>;
