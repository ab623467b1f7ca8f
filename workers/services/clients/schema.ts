import { z } from '@hono/zod-openapi';
import {
  AddressSchema,
  addressInput,
  currencyField,
  emailField,
  languageField,
  optionalText,
} from '../fields';

const AddressInput = addressInput().openapi('BillingAddressInput');

export const ClientInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    company: optionalText(200),
    email: emailField.nullable().optional(),
    phone: optionalText(50),
    billingAddress: AddressInput.optional(),
    taxId: optionalText(50),
    language: languageField.optional(),
    currency: currencyField.optional(),
    notes: optionalText(5000),
  })
  .openapi('ClientInput');

export const ClientPatchSchema = ClientInputSchema.partial()
  .extend({
    portalAccess: z.boolean().optional().openapi({
      description:
        'false signs the client out of the portal everywhere and revokes every link; true lets new links be issued',
    }),
  })
  .openapi('ClientPatch');

export const ClientSchema = z
  .object({
    id: z.string().openapi({ example: 'cli_0123456789abcdefghjkmnpq' }),
    name: z.string(),
    company: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    billingAddress: AddressSchema,
    taxId: z.string().nullable(),
    language: z.string(),
    currency: z.string(),
    notes: z.string().nullable(),
    archivedAt: z.string().nullable(),
    portalAccess: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Client');

export const ClientSummarySchema = z
  .object({
    clientId: z.string(),
    currencies: z.array(
      z.object({
        currency: z.string(),
        totalInvoiced: z.number().int(),
        totalPaid: z.number().int().openapi({
          description:
            'Money received (credit notes taking amounts off and credit used on invoices are not payments)',
        }),
        outstanding: z.number().int(),
        overdue: z.number().int(),
        credited: z.number().int().openapi({ description: 'Credit notes issued (minor units)' }),
        credit: z.number().int().openapi({
          description:
            'The client’s credit balance: Stripe overpayments, credit notes on paid invoices and saved overpayments, less what was used or refunded (minor units)',
        }),
      }),
    ),
    invoices: z.record(z.string(), z.number().int()),
    estimates: z.record(z.string(), z.number().int()),
    lastActivityAt: z.string().nullable(),
  })
  .openapi('ClientSummary');

export type ClientView = z.infer<typeof ClientSchema>;
export type ClientInput = z.output<typeof ClientInputSchema>;
export type ClientPatch = z.output<typeof ClientPatchSchema>;
export type ClientSummary = z.infer<typeof ClientSummarySchema>;
export type CurrencySummary = ClientSummary['currencies'][number];
