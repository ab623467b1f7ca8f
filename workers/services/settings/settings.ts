import { getTenant, type Tenant, type TenantPatch, updateTenant } from '@clientele/db';
import { auditLine } from '../audit';
import type { TenantContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { checkedSteps, stepViews } from '../reminders/steps';
import { blankToNull } from '../text';
import { putLogo } from './logo';
import type { SettingsPatch, SettingsView } from './schema';

export function toSettingsView(t: Tenant): SettingsView {
  return {
    id: t.id,
    name: t.name,
    email: t.email,
    phone: t.phone,
    address: { street: t.street, city: t.city, state: t.state, postalCode: t.postalCode, country: t.country },
    taxId: t.taxId,
    paymentInstructions: t.paymentInstructions,
    currency: t.currency,
    locale: t.locale,
    invoiceNumberFormat: t.invoiceNumberFormat,
    estimateNumberFormat: t.estimateNumberFormat,
    creditNoteNumberFormat: t.creditNoteNumberFormat,
    paymentTermsDays: t.paymentTermsDays,
    reminders: stepViews(t.reminderSteps),
    remindersPauseForOpenTickets: t.remindersPauseForTickets,
    notifications: {
      estimateDecisions: t.notifyEstimateDecisions,
      onlinePayments: t.notifyOnlinePayments,
      tickets: t.notifyTickets,
    },
    hasLogo: t.logoKey !== null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** A number format must contain the sequence, or two documents could share a number. */
export function checkNumberFormat(path: string, format: string | undefined) {
  if (format !== undefined && !/\{seq(?::\d)?\}/.test(format)) {
    throw new ValidationError([{ path, message: 'includeSequence' }]);
  }
}

/** A new logo (checked, see `putLogo`), answered with the settings that now show it. */
export async function uploadLogo(ctx: TenantContext, bytes: Uint8Array): Promise<SettingsView> {
  await putLogo(ctx, bytes);
  return getSettings(ctx);
}

export async function getSettings(ctx: TenantContext): Promise<SettingsView> {
  const t = await getTenant(ctx.db, ctx.tenantId);
  if (!t) throw new NotFoundError('business');
  return toSettingsView(t);
}

export async function updateSettings(ctx: TenantContext, patch: SettingsPatch): Promise<SettingsView> {
  checkNumberFormat('invoiceNumberFormat', patch.invoiceNumberFormat);
  checkNumberFormat('estimateNumberFormat', patch.estimateNumberFormat);
  checkNumberFormat('creditNoteNumberFormat', patch.creditNoteNumberFormat);
  const a = patch.address ?? {};
  const fields: TenantPatch = {
    name: patch.name?.trim(),
    email: blankToNull(patch.email),
    phone: blankToNull(patch.phone),
    street: blankToNull(a.street),
    city: blankToNull(a.city),
    state: blankToNull(a.state),
    postalCode: blankToNull(a.postalCode),
    country: blankToNull(a.country),
    taxId: blankToNull(patch.taxId),
    paymentInstructions: blankToNull(patch.paymentInstructions),
    currency: patch.currency,
    locale: patch.locale,
    invoiceNumberFormat: patch.invoiceNumberFormat,
    estimateNumberFormat: patch.estimateNumberFormat,
    creditNoteNumberFormat: patch.creditNoteNumberFormat,
    paymentTermsDays: patch.paymentTermsDays,
    reminderSteps: patch.reminders === undefined ? undefined : checkedSteps(patch.reminders),
    remindersPauseForTickets: patch.remindersPauseForOpenTickets,
    notifyEstimateDecisions: patch.notifications?.estimateDecisions,
    notifyOnlinePayments: patch.notifications?.onlinePayments,
    notifyTickets: patch.notifications?.tickets,
  };
  for (const k of Object.keys(fields) as (keyof TenantPatch)[]) if (fields[k] === undefined) delete fields[k];
  // Names of what changed, never values: a line must not become a copy of the settings.
  const changed = Object.keys(patch)
    .filter((k) => patch[k as keyof SettingsPatch] !== undefined)
    .sort()
    .join(',');
  const t = await updateTenant(ctx.db, ctx.tenantId, fields, ctx.now, (id) => [
    auditLine(ctx, 'settings.updated', { type: 'business', id }, { fields: changed }),
  ]);
  if (!t) throw new NotFoundError('business');
  return toSettingsView(t);
}
