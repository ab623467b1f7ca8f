import { z } from '@hono/zod-openapi';

export const TotpEnrolmentSchema = z
  .object({
    secret: z.string().openapi({
      description:
        'Base32 (RFC 4648, no padding), for typing into an authenticator app; shown only in this answer',
    }),
    otpauthUrl: z.string().openapi({ description: 'The same secret as an otpauth:// URI, for a QR code' }),
  })
  .openapi('TotpEnrolment');

export const TotpCodeSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .openapi({ description: 'The 6-digit code from the authenticator app', example: '123456' }),
  })
  .openapi('TotpCode');

export const TotpOffSchema = z
  .object({
    code: z.string().trim().min(1).max(32).openapi({
      description: 'A code from the authenticator app, or an unused recovery code',
      example: '123456',
    }),
  })
  .openapi('TotpOff');

export const RecoveryCodesSchema = z
  .object({
    recoveryCodes: z.array(z.string()).openapi({
      description: 'Ten single-use codes for when the authenticator is lost; shown only in this answer',
    }),
  })
  .openapi('RecoveryCodes');

export const TwoFactorSettingsSchema = z
  .object({
    required: z
      .boolean()
      .openapi({ description: 'Everyone in the business must sign in with a second factor' }),
    enabledForMe: z.boolean().openapi({ description: 'Two-factor sign-in is on for the caller' }),
  })
  .openapi('TwoFactorSettings');

export const TwoFactorRequirementSchema = z.object({ required: z.boolean() }).openapi('TwoFactorRequirement');
