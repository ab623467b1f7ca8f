import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { ROLES, tenants, users } from './tenants';

/** A forgotten-password link: only the token's SHA-256 is kept, and it works once. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [
    index('password_resets_user_idx').on(t.userId),
    index('password_resets_expires_idx').on(t.expiresAt),
  ],
);

/**
 * A link proving a person reads an address: the one they signed up with, or a new one they
 * asked to change to (which takes effect only when this is used).
 */
export const emailVerifications = sqliteTable(
  'email_verifications',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** Lower-cased; for a change, the new address. */
    email: text('email').notNull(),
    purpose: text('purpose', { enum: ['verify', 'change'] }).notNull(),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [
    index('email_verifications_user_idx').on(t.userId),
    index('email_verifications_expires_idx').on(t.expiresAt),
  ],
);

/** An invitation to join a business with a role; the emailed token is kept hashed. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
    /** Seven days after it was sent (or last re-sent). */
    expiresAt: timestamp('expires_at').notNull(),
    acceptedAt: timestamp('accepted_at'),
    acceptedBy: text('accepted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    index('invitations_tenant_idx').on(t.tenantId, t.createdAt),
    index('invitations_email_idx').on(t.tenantId, t.email),
  ],
);

/** Single-use codes for when the authenticator is lost; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const AUDIT_ACTOR_TYPES = ['user', 'apiKey', 'client', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/**
 * Who did what to which thing, and from where. Written in the same D1 batch as the change
 * it records; kept for a year.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    at: timestamp('at').notNull(),
    actorType: text('actor_type', { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    /** The actor's name or email at the time: a removed member's lines still read. */
    actorName: text('actor_name'),
    /** `<subject>.<verb>`: `invoice.issued`, `member.removed`, `session.created`, … */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    ip: text('ip'),
    /** Small JSON facts worth keeping (a role from/to, an amount); never a secret. */
    detail: text('detail', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index('audit_log_tenant_idx').on(t.tenantId, t.at, t.id),
    index('audit_log_actor_idx').on(t.tenantId, t.actorId, t.at),
    index('audit_log_action_idx').on(t.tenantId, t.action, t.at),
    index('audit_log_subject_idx').on(t.tenantId, t.subjectId, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);

export const EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** A business's data taken out as one ZIP in R2, built by the queue consumer. */
export const dataExports = sqliteTable(
  'data_exports',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    status: text('status', { enum: EXPORT_STATUSES }).notNull(),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    /**
     * The background build's position: 0 gathers the rows, 1…`steps` each store one chunk of
     * files, then the archive is assembled. Advanced only from the value a job read, so a
     * retried or duplicated queue message never does a step twice over.
     */
    step: integer('step').notNull().default(0),
    /** File chunks to store, known once the rows are gathered. */
    steps: integer('steps'),
    fileKey: text('file_key'),
    bytes: integer('bytes'),
    error: text('error'),
    requestedBy: text('requested_by').references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
    finishedAt: timestamp('finished_at'),
    /** The download link stops working then, and the cron removes the file. */
    expiresAt: timestamp('expires_at'),
  },
  (t) => [index('data_exports_tenant_idx').on(t.tenantId, t.createdAt)],
);

export type AuditLine = typeof auditLog.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
