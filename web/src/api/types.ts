import type { components } from './schema';

/** Shapes generated from the API's OpenAPI document (`pnpm gen:api`); nothing here is hand-typed. */
type Schemas = components['schemas'];
export type ApiKey = Schemas['ApiKey'];
export type AuditLine = Schemas['AuditLine'];
export type Client = Schemas['Client'];
export type ClientInput = Schemas['ClientInput'];
export type ClientPatch = Schemas['ClientPatch'];
export type DocumentInput = Schemas['InvoiceInput'];
export type Estimate = Schemas['Estimate'];
export type Invoice = Schemas['Invoice'];
export type PaymentInput = Schemas['PaymentInput'];
export type Problem = Schemas['Problem'];
export type RecurringInvoice = Schemas['RecurringInvoice'];
export type RecurringInvoiceInput = Schemas['RecurringInvoiceInput'];
export type Session = Schemas['Session'];
export type CurrentSession = Schemas['CurrentSession'];
export type Settings = Schemas['Settings'];
export type SettingsPatch = Schemas['SettingsPatch'];
export type TemplateInput = Schemas['EmailTemplateInput'];
export type TemplatePreviewInput = Schemas['EmailTemplatePreviewInput'];
export type TemplateSet = Schemas['EmailTemplates'];
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
export type DocType = 'invoice' | 'estimate';
export type Doc = Invoice | Estimate;
