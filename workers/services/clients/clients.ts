import { isLanguage } from '@clientele/core';
import {
  archiveClient,
  type Client,
  type ClientFields,
  clientFields,
  createClient,
  getClient,
  getTenant,
  listClients,
  setPortalAccess,
  updateClient,
} from '@clientele/db';
import { auditLine } from '../audit';
import type { TenantContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { blankToNull } from '../text';
import type { ClientInput, ClientPatch, ClientView } from './schema';

export function toClientView(c: Client): ClientView {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    email: c.email,
    phone: c.phone,
    billingAddress: {
      street: c.street,
      city: c.city,
      state: c.state,
      postalCode: c.postalCode,
      country: c.country,
    },
    taxId: c.taxId,
    language: c.language,
    currency: c.currency,
    notes: c.notes,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    portalAccess: !c.archivedAt && !c.portalDisabledAt,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Only the fields present in the input; undefined means "leave as is". */
function toFields(input: ClientPatch): Partial<ClientFields> {
  const a = input.billingAddress ?? {};
  const out: Partial<ClientFields> = {
    name: input.name?.trim(),
    company: blankToNull(input.company),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    street: blankToNull(a.street),
    city: blankToNull(a.city),
    state: blankToNull(a.state),
    postalCode: blankToNull(a.postalCode),
    country: blankToNull(a.country),
    taxId: blankToNull(input.taxId),
    language: input.language,
    currency: input.currency,
    notes: blankToNull(input.notes),
  };
  for (const k of Object.keys(out) as (keyof ClientFields)[]) if (out[k] === undefined) delete out[k];
  return out;
}

export async function listClientsFor(
  ctx: TenantContext,
  opts: {
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
    archived?: boolean | undefined;
  },
) {
  const page = await listClients(ctx.db, ctx.tenantId, opts);
  return { data: page.data.map(toClientView), nextCursor: page.nextCursor };
}

export async function getClientFor(ctx: TenantContext, id: string): Promise<ClientView> {
  const c = await getClient(ctx.db, ctx.tenantId, id);
  if (!c) throw new NotFoundError('client');
  return toClientView(c);
}

/** New clients inherit the business's currency and, where it is one we print, its language. */
export async function createClientFor(ctx: TenantContext, input: ClientInput): Promise<ClientView> {
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant) throw new NotFoundError('business');
  const fields = toFields(input);
  const defaultLanguage = isLanguage(tenant.locale) ? tenant.locale : 'en';
  const created = await createClient(
    ctx.db,
    ctx.tenantId,
    clientFields(
      input.name.trim(),
      { language: fields.language ?? defaultLanguage, currency: fields.currency ?? tenant.currency },
      fields,
    ),
    ctx.now,
    (id) => [auditLine(ctx, 'client.created', { type: 'client', id }, { name: input.name.trim() })],
  );
  return toClientView(created);
}

export async function updateClientFor(
  ctx: TenantContext,
  id: string,
  patch: ClientPatch,
): Promise<ClientView> {
  const { portalAccess, ...fields } = patch;
  if (portalAccess) {
    // Refused before anything is written: a 422 must not leave the other fields half-saved.
    const current = await getClient(ctx.db, ctx.tenantId, id);
    if (!current) throw new NotFoundError('client');
    if (current.archivedAt) {
      throw new ValidationError([{ path: 'portalAccess', message: 'restoreBeforePortal' }]);
    }
  }
  const changed = Object.keys(patch)
    .filter((k) => patch[k as keyof ClientPatch] !== undefined)
    .sort()
    .join(',');
  let c = await updateClient(ctx.db, ctx.tenantId, id, toFields(fields), ctx.now, () => [
    auditLine(ctx, 'client.updated', { type: 'client', id }, { fields: changed }),
  ]);
  if (!c) throw new NotFoundError('client');
  if (portalAccess !== undefined && portalAccess !== !c.portalDisabledAt) {
    c = (await setPortalAccess(ctx.db, ctx.tenantId, id, portalAccess, ctx.now)) ?? c;
  }
  return toClientView(c);
}

export async function archiveClientFor(ctx: TenantContext, id: string): Promise<ClientView> {
  const c = await archiveClient(ctx.db, ctx.tenantId, id, ctx.now, () => [
    auditLine(ctx, 'client.archived', { type: 'client', id }),
  ]);
  if (!c) throw new NotFoundError('client');
  return toClientView(c);
}
