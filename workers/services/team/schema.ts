import { ROLES } from '@clientele/db';
import { z } from '@hono/zod-openapi';
import { personEmailField } from '../fields';
import { problemWords } from '../reader-language';

export const RoleSchema = z.enum(ROLES).openapi('Role', {
  description:
    '`owner` everything; `admin` everything but ownership, closing the business and owners; `member` clients, documents, payments and tickets; `accountant` reads everything and exports, changes nothing.',
});

export const MemberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: RoleSchema,
    joinedAt: z.string(),
  })
  .openapi('Member');

export const MemberRoleInputSchema = z.object({ role: RoleSchema }).openapi('MemberRoleInput');

export const InvitationInputSchema = z
  .object({
    email: personEmailField.refine((v) => v !== '', { error: () => problemWords().required }),
    role: RoleSchema,
  })
  .openapi('InvitationInput');

export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  })
  .openapi('Invitation');

export const AcceptInvitationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    password: z
      .string()
      .min(10)
      .max(256)
      .optional()
      .openapi({ format: 'password', example: 'correct horse battery' }),
  })
  .openapi('AcceptInvitationInput', {
    description:
      'A new person sends a name and a password; someone already signed in with the invited address sends nothing.',
  });

export const BusinessSchema = z
  .object({
    tenantId: z.string(),
    name: z.string(),
    role: RoleSchema,
    current: z.boolean(),
  })
  .openapi('MyBusiness');

export const SwitchBusinessInputSchema = z
  .object({ tenantId: z.string().min(1).max(64) })
  .openapi('SwitchBusiness');

export type MemberView = z.infer<typeof MemberSchema>;
export type InvitationView = z.infer<typeof InvitationSchema>;
export type InvitationInput = z.output<typeof InvitationInputSchema>;
export type AcceptInvitationInput = z.output<typeof AcceptInvitationInputSchema>;
export type BusinessView = z.infer<typeof BusinessSchema>;
