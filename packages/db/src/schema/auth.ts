import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { tenants, users } from './tenants';

/** Only the SHA-256 of a session token is stored: a leaked table signs nobody in. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** The id a person sees in their list of devices; the token's hash never leaves the database. */
    id: text('id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The browser's User-Agent at sign-in, cut to a sane length. */
    userAgent: text('user_agent'),
    /** `cf-ipcountry` at sign-in: an approximate place, no address kept. */
    country: text('country'),
    createdAt: timestamp('created_at').notNull(),
    /** Updated at most about once an hour, so reads stay reads. */
    lastSeenAt: timestamp('last_seen_at'),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('sessions_id_idx').on(t.id),
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    /** First characters of the key, shown in lists so owners can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    /** `read` keys may only GET; keys made before scopes existed could do everything, so `write`. */
    scope: text('scope', { enum: API_KEY_SCOPES }).notNull().default('write'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at').notNull(),
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [index('api_keys_tenant_idx').on(t.tenantId, t.createdAt)],
);

/** Fixed-window counters for throttling; keys hold hashes, never a raw email. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetAt: timestamp('reset_at').notNull(),
  },
  (t) => [index('rate_limits_reset_idx').on(t.resetAt)],
);

/**
 * The outcome of a write carrying an `Idempotency-Key`, replayed on repeats for 24 hours.
 * Bound to the credential that made it; a response that carried a secret (API key,
 * sign-in link) keeps only the created resource's id, so a replay can never show it again.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    /** `user:<id>` or `key:<id>`: another credential of the same business cannot replay it. */
    principal: text('principal').notNull(),
    /** Role at the time, so a caller who lost the role is not answered from memory. */
    role: text('role').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** Null when the response held a secret. */
    body: text('body'),
    resourceId: text('resource_id'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
