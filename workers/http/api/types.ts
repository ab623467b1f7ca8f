/** API shapes for typed clients (the admin app); types only, no runtime code. */
import type { z } from '@hono/zod-openapi';
import type { SessionSchema } from './auth/schema';
import type { ClientInputSchema, ClientPatchSchema, ClientSchema } from './clients/schema';
import type {
  ClientSummarySchema,
  EstimateSchema,
  InvoiceInputSchema,
  InvoiceSchema,
  PaymentInputSchema,
  PaymentSchema,
} from './documents/schema';
import type { ProblemSchema } from './fields';
import type { PortalLinkSchema } from './portal-links/schema';
import type { SettingsPatchSchema, SettingsSchema } from './settings/schema';

export type Client = z.infer<typeof ClientSchema>;
export type ClientInput = z.input<typeof ClientInputSchema>;
export type ClientPatch = z.input<typeof ClientPatchSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Invoice = z.infer<typeof InvoiceSchema>;
export type Estimate = z.infer<typeof EstimateSchema>;
export type DocumentInput = z.input<typeof InvoiceInputSchema> & { validUntil?: string | null };
export type Payment = z.infer<typeof PaymentSchema>;
export type PaymentInput = z.input<typeof PaymentInputSchema>;
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export type PortalLink = z.infer<typeof PortalLinkSchema>;
