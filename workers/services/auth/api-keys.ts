import type { Db } from '@clientele/db';
import { createApiKey, findApiKeyByHash, listApiKeys, revokeApiKey, touchApiKey } from '@clientele/db';
import type { TenantContext } from '../context';
import { NotFoundError } from '../errors';
import { randomToken, sha256Hex } from './encoding';

const KEY_PREFIX = 'ck_';
/** Writing last-used on every request would make every read a write. */
const TOUCH_INTERVAL_MS = 60_000;

export async function issueApiKey(ctx: TenantContext, name: string, createdBy: string | null) {
  const key = `${KEY_PREFIX}${randomToken()}`;
  const row = await createApiKey(
    ctx.db,
    ctx.tenantId,
    { name, prefix: key.slice(0, 10), keyHash: await sha256Hex(key), createdBy },
    ctx.now,
  );
  return { ...row, key };
}

export function apiKeysOf(ctx: TenantContext) {
  return listApiKeys(ctx.db, ctx.tenantId);
}

export async function revokeKey(ctx: TenantContext, id: string) {
  if (!(await revokeApiKey(ctx.db, ctx.tenantId, id, ctx.now))) throw new NotFoundError('API key');
}

export async function resolveApiKey(db: Db, key: string, now = new Date()) {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const row = await findApiKeyByHash(db, await sha256Hex(key));
  if (!row) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiKey(db, row.id, now);
  }
  return row;
}
