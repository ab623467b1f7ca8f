export type { Db, Schema } from './db';
export { type IdPrefix, newId } from './ids';
export { type Cursor, decodeCursor, encodeCursor, type Page, pageOf } from './pagination';
export * from './queries/activity';
export * from './queries/audit';
export * from './queries/auth';
export * from './queries/beside';
export * from './queries/billing-exports';
export * from './queries/checkout-claims';
export * from './queries/clients';
export * from './queries/closing';
export * from './queries/credit-notes';
export * from './queries/dashboard';
export * from './queries/data-exports';
export * from './queries/document-kinds';
export * from './queries/documents';
export * from './queries/emails';
export * from './queries/idempotency';
export * from './queries/identity';
export * from './queries/inbound-mail';
export * from './queries/numbering';
export * from './queries/payments';
export * from './queries/portal';
export { portalAccessOpen } from './queries/portal-access';
export * from './queries/portal-documents';
export * from './queries/recurring';
export * from './queries/reminders';
export * from './queries/stripe';
export * from './queries/stripe-connect';
export * from './queries/stripe-money';
export * from './queries/summaries';
export * from './queries/team';
export * from './queries/templates';
export * from './queries/tenants';
export * from './queries/tickets';
export * from './queries/two-factor';
export type {
  ActivityFacts,
  ActivityKind,
  ActivityRow,
  ApiKey,
  ApiKeyScope,
  AuditActorType,
  AuditLine,
  CheckoutSessionRow,
  CheckoutState,
  ClientCreditRow,
  CreditNoteLine,
  CreditNoteRow,
  CreditNoteSnapshot,
  CreditSource,
  DocumentRow,
  DocumentRows,
  DocumentSnapshot,
  DocumentType,
  EmailRow,
  EstimateRow,
  ExportStatus,
  Invitation,
  InvoiceRow,
  PaymentRow,
  PortalLinkRow,
  RecurringRow,
  RecurringStatus,
  Role,
  StripeAccountRow,
  StripeConnectRow,
  StripeDisputeRow,
  Tenant,
  TypedDocumentRow,
  User,
} from './schema';
export * as schema from './schema';
export {
  ACTIVITY_KINDS,
  API_KEY_SCOPES,
  AUDIT_ACTOR_TYPES,
  CHECKOUT_STATES,
  CREDIT_SOURCES,
  CREDIT_STATES,
  EXPORT_STATUSES,
  OWED_DISPUTE_STATUSES,
  RECURRING_STATUSES,
  ROLES,
  TICKET_STATUSES,
} from './schema';
