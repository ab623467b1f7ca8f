import type { ApiKey, ApiKeyScope, Db } from '@clientele/db';
import {
  API_KEY_SCOPES,
  createApiKey,
  findApiKeyByHash,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { NotFoundError } from '../errors';
import { randomToken, sha256Hex } from './encoding';
import type { ApiKeyView, NewApiKey, NewApiKeyInput } from './schema';

const KEY_PREFIX = 'ck_';
/** Writing last-used on every request would make every read a write. */
const TOUCH_INTERVAL_MS = 60_000;

export { API_KEY_SCOPES, type ApiKeyScope };

/**
 * A new key, shown once. Its scope is fixed at creation: a `read` key that leaks can read
 * but change nothing, and no key of any scope can mint or revoke keys (see `keyMayCall`).
 */
export async function issueApiKey(
  ctx: TenantContext,
  input: NewApiKeyInput,
  createdBy: string | null,
): Promise<NewApiKey> {
  const key = `${KEY_PREFIX}${randomToken()}`;
  const row = await createApiKey(
    ctx.db,
    ctx.tenantId,
    {
      name: input.name,
      scope: input.scope,
      prefix: key.slice(0, 10),
      keyHash: await sha256Hex(key),
      createdBy,
    },
    ctx.now,
    (id) => [
      auditLine(ctx, 'api_key.created', { type: 'apiKey', id }, { name: input.name, scope: input.scope }),
    ],
  );
  return { ...toApiKeyView(row), key };
}

const toApiKeyView = (k: Pick<ApiKey, 'id' | 'name' | 'prefix' | 'scope' | 'createdAt' | 'lastUsedAt'>) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scope: k.scope,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

export async function apiKeysOf(ctx: TenantContext): Promise<ApiKeyView[]> {
  return (await listApiKeys(ctx.db, ctx.tenantId)).map(toApiKeyView);
}

export async function revokeKey(ctx: TenantContext, id: string) {
  const revoked = await revokeApiKey(ctx.db, ctx.tenantId, id, ctx.now, () => [
    auditLineIfChanged(ctx, 'api_key.revoked', { type: 'apiKey', id }),
  ]);
  if (!revoked) throw new NotFoundError('apiKey');
}

/** The active key behind a Bearer value, or undefined. Changes nothing (see `noteKeyUse`). */
export async function resolveApiKey(db: Db, key: string) {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  return findApiKeyByHash(db, await sha256Hex(key));
}

/** Records when a key was last used, once it has been let through. */
export async function noteKeyUse(db: Db, row: { id: string; lastUsedAt: Date | null }, now = new Date()) {
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiKey(db, row.id, now);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * What no API key may do, whatever its scope: manage keys (a leaked key could otherwise mint
 * a successor, and revoking it would not end the access), change how the business is paid,
 * read the development outbox (it holds sign-in links), or close the business. By path prefix, so a route added
 * under these later is covered too.
 */
const SESSION_ONLY: { prefix: string; writesOnly: boolean }[] = [
  { prefix: '/api-keys', writesOnly: true },
  { prefix: '/settings/stripe', writesOnly: true },
  // Stripe's OAuth return is a GET that links an account: a person's, like the writes above.
  { prefix: '/settings/stripe/oauth', writesOnly: false },
  { prefix: '/dev', writesOnly: false },
  { prefix: '/business', writesOnly: false },
  // One's own second factor and the business's requirement of it: a person's, never a key's.
  { prefix: '/me/totp', writesOnly: false },
  { prefix: '/settings/two-factor', writesOnly: true },
  // A person's own account and who is in the team are a person's business: a key may read
  // the members but never invite, change or remove anyone, and has no account of its own.
  { prefix: '/me', writesOnly: false },
  { prefix: '/invitations', writesOnly: true },
  { prefix: '/members', writesOnly: true },
  { prefix: '/sessions/current/business', writesOnly: false },
  // A person's own account: a key acts for the business, never as a person.
  { prefix: '/email-verifications', writesOnly: false },
  // Loading an export replaces what a business is: its owner, signed in.
  { prefix: '/imports', writesOnly: false },
];

export type KeyRefusal = 'readOnly' | 'sessionOnly';

/** Why a key of this scope may not make this call (path relative to /api/v1), or null. */
export function keyMayCall(scope: ApiKeyScope, method: string, path: string): KeyRefusal | null {
  const safe = SAFE_METHODS.has(method);
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (SESSION_ONLY.some((r) => under(r.prefix) && (!safe || !r.writesOnly))) return 'sessionOnly';
  if (scope === 'read' && !safe) return 'readOnly';
  return null;
}
