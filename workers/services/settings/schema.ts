import { z } from '@hono/zod-openapi';
import {
  AddressSchema,
  addressInput,
  currencyField,
  emailField,
  languageField,
  optionalText,
} from '../fields';
import { ReminderStepSchema, ReminderStepsInputSchema } from '../reminders/schema';

const NotificationsSchema = z
  .object({
    estimateDecisions: z
      .boolean()
      .openapi({ description: 'Email me when a client accepts or declines an estimate' }),
    onlinePayments: z.boolean().openapi({ description: 'Email me when a client pays online' }),
    tickets: z.boolean().openapi({ description: 'Email me when a client opens a support ticket' }),
  })
  .openapi('Notifications');

export const SettingsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: AddressSchema,
    taxId: z.string().nullable(),
    paymentInstructions: z
      .string()
      .nullable()
      .openapi({ description: 'Bank details and terms, printed on every invoice and shown in the portal' }),
    currency: z.string(),
    locale: z.string(),
    invoiceNumberFormat: z.string().openapi({ example: 'INV-{YYYY}-{seq:4}' }),
    estimateNumberFormat: z.string().openapi({ example: 'EST-{YYYY}-{seq:4}' }),
    creditNoteNumberFormat: z.string().openapi({ example: 'CN-{YYYY}-{seq:4}' }),
    paymentTermsDays: z.number().int(),
    reminders: z.array(ReminderStepSchema).openapi({
      description: 'Reminder emails, in date order; none: reminders are off',
    }),
    remindersPauseForOpenTickets: z.boolean().openapi({
      description:
        'Hold reminders about an invoice while the client has a ticket about it that is not closed (open or waiting for the client)',
    }),
    notifications: NotificationsSchema,
    hasLogo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Settings');

export const SettingsPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    email: emailField.nullable().optional(),
    phone: optionalText(50),
    address: addressInput().optional(),
    taxId: optionalText(50),
    paymentInstructions: optionalText(2000),
    currency: currencyField.optional(),
    locale: languageField.optional(),
    invoiceNumberFormat: z.string().trim().min(1).max(40).optional(),
    estimateNumberFormat: z.string().trim().min(1).max(40).optional(),
    creditNoteNumberFormat: z.string().trim().min(1).max(40).optional(),
    paymentTermsDays: z.number().int().min(0).max(365).optional(),
    reminders: ReminderStepsInputSchema.optional(),
    remindersPauseForOpenTickets: z.boolean().optional(),
    notifications: NotificationsSchema.partial().optional(),
  })
  .openapi('SettingsPatch');

export type SettingsView = z.infer<typeof SettingsSchema>;
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;
