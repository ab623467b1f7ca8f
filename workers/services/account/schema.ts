import { LANGUAGES } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { personEmailField } from '../fields';
import { problemWords } from '../reader-language';

export const CloseBusinessInputSchema = z
  .object({
    confirm: z.string().max(200).openapi({ description: "The business's name, typed as it is shown" }),
    password: z.string().max(1000),
    totp: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: 'A code (or recovery code) when two-factor sign-in is on' }),
  })
  .openapi('CloseBusinessInput');

export const ClosedBusinessSchema = z
  .object({
    id: z.string(),
    closedAt: z.string().openapi({ format: 'date-time' }),
    removedBy: z
      .string()
      .openapi({ format: 'date-time', description: 'Every row and file of it is gone by then' }),
  })
  .openapi('ClosedBusiness');

export type CloseBusinessInput = z.infer<typeof CloseBusinessInputSchema>;
export type ClosedBusiness = z.infer<typeof ClosedBusinessSchema>;

/** The same strength rule as sign-up: long enough that a phrase beats a guesser. */
export const passwordField = z
  .string()
  .min(10)
  .max(256)
  .openapi({ format: 'password', example: 'correct horse battery' });

const requiredEmail = personEmailField.refine((v) => v !== '', { error: () => problemWords().required });

export const PasswordResetRequestSchema = z
  .object({ email: z.string().trim().min(1).max(254) })
  .openapi('PasswordResetRequest');

export const PasswordResetAcceptedSchema = z
  .object({
    message: z.string().openapi({
      description: 'The same words whether or not the address has an account',
    }),
  })
  .openapi('PasswordResetAccepted');

export const NewPasswordSchema = z.object({ password: passwordField }).openapi('NewPassword');

export const ProfileSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    locale: z.enum(LANGUAGES).nullable().openapi({ description: "Null: the business's language" }),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
    pendingEmail: z
      .string()
      .nullable()
      .openapi({ description: 'A new address waiting for its confirmation link to be used' }),
  })
  .openapi('Profile');

export const ProfilePatchSchema = z
  .object({
    name: z.string().trim().max(200).nullable().optional(),
    locale: z.enum(LANGUAGES).nullable().optional(),
  })
  .strict()
  .openapi('ProfilePatch');

export const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: passwordField })
  .openapi('PasswordChange');

export const EmailChangeSchema = z
  .object({ email: requiredEmail, currentPassword: z.string().min(1).max(256) })
  .openapi('EmailChange');

export const EmailChangeAcceptedSchema = z
  .object({ pendingEmail: z.string() })
  .openapi('EmailChangeAccepted');

export const DeviceSchema = z
  .object({
    id: z.string(),
    current: z.boolean().openapi({ description: 'The session making this request' }),
    userAgent: z.string().nullable(),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2 from cf-ipcountry' }),
    businessId: z.string().openapi({ description: 'The business the session acts for' }),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
  })
  .openapi('Device');

export const DeviceListSchema = z.object({ data: z.array(DeviceSchema) }).openapi('DeviceList');

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfilePatch = z.output<typeof ProfilePatchSchema>;
export type Device = z.infer<typeof DeviceSchema>;
