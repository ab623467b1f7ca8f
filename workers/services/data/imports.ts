import {
  BUSINESS_PROFILE_COLUMNS,
  businessIsEmpty,
  clearNumberingStatement,
  type DocumentRow,
  type ImportTable,
  insertRowsStatements,
  restoreBusinessStatement,
} from '@clientele/db';
import { z } from '@hono/zod-openapi';
import { unzipSync } from 'fflate';
import { auditLine } from '../audit';
import type { TenantContext } from '../context';
import { planPdf } from '../documents/pdf';
import { ConflictError, type FieldRefusal, ValidationError } from '../errors';
import { ReminderStepsInputSchema } from '../reminders/schema';
import { checkedSteps } from '../reminders/steps';
import {
  attachmentFolder,
  logoPath,
  MANIFEST_FILE,
  ManifestSchema,
  OMITTED,
  READABLE_VERSIONS,
  ROW_FILES,
  rowSchema,
  SETTINGS_FILE,
  SettingsFileSchema,
  TicketFileSchema,
} from './archive-format';
import { IdMap, refuse } from './id-map';
import { billingIds, billingRowsFor, type ImportPut, readBilling } from './import-billing';
import type { ImportCounts } from './schema';

/** Larger archives are refused with 413 before they are read (a Worker holds the ZIP in memory). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

type Row = Record<string, unknown>;

function zipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch {
    return refuse('archive', 'notAnExport', 'notAnExport');
  }
}

function readJson(entries: Record<string, Uint8Array>, name: string): unknown {
  const bytes = entries[name];
  if (!bytes) return refuse(name, 'missingInArchive');
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return refuse(name, 'notValidHere');
  }
}

/** One file checked against its schema; every bad field is named `file[index].field`. */
function parsed<T extends z.ZodType>(
  entries: Record<string, Uint8Array>,
  name: string,
  schema: T,
): z.infer<T> {
  const result = schema.safeParse(readJson(entries, name));
  if (result.success) return result.data;
  const errors: FieldRefusal[] = result.error.issues.slice(0, 20).map((issue) => ({
    path: name + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join(''),
    message: 'notValidHere',
  }));
  throw new ValidationError(errors);
}

/**
 * Loads an export into this business, which must be empty (no clients, no documents: 409
 * otherwise). The whole archive is checked before anything is written (422 naming the file
 * and field); files go to R2 first, then every row in ONE D1 batch (a few statements per
 * table, rows travelling as JSON), so the database gets all of it or none; if the batch fails
 * the files just written are deleted again.
 */
export async function importArchive(ctx: TenantContext, bytes: Uint8Array): Promise<ImportCounts> {
  if (!(await businessIsEmpty(ctx.db, ctx.tenantId))) throw new ConflictError('importNotEmpty');
  const entries = zipEntries(bytes);
  const version = (readJson(entries, MANIFEST_FILE) as { version?: unknown } | null)?.version;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version))
    refuse(`${MANIFEST_FILE}.version`, 'exportVersionUnknown', 'exportVersionUnknown');
  const manifest = parsed(entries, MANIFEST_FILE, ManifestSchema);
  const settings = parsed(entries, SETTINGS_FILE, SettingsFileSchema);
  const profile = parsed(entries, SETTINGS_FILE, z.object({ business: profileSchema() })).business;
  const clients = parsed(entries, ROW_FILES.clients, z.array(rowSchema('clients')));
  const documents = parsed(entries, ROW_FILES.documents, z.array(rowSchema('documents')));
  const payments = parsed(entries, ROW_FILES.payments, z.array(rowSchema('payments')));
  const templates = parsed(entries, ROW_FILES.templates, z.array(rowSchema('templates')));
  const tickets = parsed(entries, ROW_FILES.tickets, z.array(TicketFileSchema));
  const emails = parsed(entries, ROW_FILES.emails, z.array(rowSchema('emails', [...OMITTED.emails])));
  const audit = parsed(entries, ROW_FILES.audit, z.array(rowSchema('audit')));
  const billing = readBilling((name, schema) => parsed(entries, name, schema), entries, manifest.version);

  const messages = tickets.flatMap((t, ti) =>
    (t.messages as Row[]).map((m, mi) => ({ row: m, path: `${ROW_FILES.tickets}[${ti}].messages[${mi}]` })),
  );
  const ids = new IdMap([
    ...clients.map((r, i) => ({ id: String(r.id), path: `${ROW_FILES.clients}[${i}].id` })),
    ...documents.map((r, i) => ({ id: String(r.id), path: `${ROW_FILES.documents}[${i}].id` })),
    ...payments.map((r, i) => ({ id: String(r.id), path: `${ROW_FILES.payments}[${i}].id` })),
    ...tickets.map((r, i) => ({ id: String(r.id), path: `${ROW_FILES.tickets}[${i}].id` })),
    ...messages.map((m) => ({ id: String(m.row.id), path: `${m.path}.id` })),
    ...messages.flatMap((m) =>
      attachmentsOf(m.row).map((a, ai) => ({ id: a.id, path: `${m.path}.attachments[${ai}].id` })),
    ),
    ...emails.map((r, i) => ({ id: String(r.id), path: `${ROW_FILES.emails}[${i}].id` })),
    ...audit.map((r, i) => ({ id: String(r.id), path: `${ROW_FILES.audit}[${i}].id` })),
    ...billingIds(billing),
  ]);

  const tenantId = ctx.tenantId;
  const logoKeyOf = (old: unknown): string | null =>
    typeof old === 'string' && old ? `logos/${tenantId}/${old.split('/').pop()}` : null;
  const puts: ImportPut[] = [];
  const logos = new Map<string, string>();
  const needLogo = (old: unknown, path: string) => {
    const key = logoKeyOf(old);
    if (!key || typeof old !== 'string' || logos.has(old)) return key;
    const file = entries[logoPath(old)];
    if (!file) refuse(path, 'missingInArchive');
    logos.set(old, key);
    puts.push({
      key,
      bytes: file!,
      contentType: old.endsWith('.png') ? 'image/png' : 'image/jpeg',
      meta: {},
    });
    return key;
  };

  const f = ROW_FILES;
  const newClients = clients.map((r, i) => ({ ...r, id: ids.to(String(r.id), `${f.clients}[${i}].id`) }));
  const newDocuments = documents.map((r, i) => {
    const at = `${f.documents}[${i}]`;
    const snapshot = r.snapshot as Row | null | undefined;
    const seller = snapshot?.seller as Row | undefined;
    return {
      ...r,
      id: ids.to(String(r.id), `${at}.id`),
      clientId: ids.to(String(r.clientId), `${at}.clientId`),
      sourceEstimateId: ids.maybe(r.sourceEstimateId, `${at}.sourceEstimateId`),
      convertedInvoiceId: ids.maybe(r.convertedInvoiceId, `${at}.convertedInvoiceId`),
      snapshot:
        snapshot && seller
          ? {
              ...snapshot,
              seller: { ...seller, logoKey: needLogo(seller.logoKey, `${at}.snapshot.seller.logoKey`) },
            }
          : (snapshot ?? null),
    };
  });
  const newPayments = payments.map((r, i) => ({
    ...r,
    id: ids.to(String(r.id), `${f.payments}[${i}].id`),
    invoiceId: ids.to(String(r.invoiceId), `${f.payments}[${i}].invoiceId`),
    clientId: ids.to(String(r.clientId), `${f.payments}[${i}].clientId`),
  }));
  const newTemplates = templates.map((r, i) => ({
    ...r,
    scope: r.scope === '*' ? '*' : ids.to(String(r.scope), `${f.templates}[${i}].scope`),
  }));
  const newTickets = tickets.map(({ messages: _m, ...r }, i) => ({
    ...r,
    id: ids.to(String(r.id), `${f.tickets}[${i}].id`),
    clientId: ids.to(String(r.clientId), `${f.tickets}[${i}].clientId`),
    invoiceId: ids.maybe(r.invoiceId, `${f.tickets}[${i}].invoiceId`),
  }));
  const newMessages = messages.map(({ row, path }) => {
    const ticketId = ids.to(String(row.ticketId), `${path}.ticketId`);
    return {
      ...row,
      id: ids.to(String(row.id), `${path}.id`),
      ticketId,
      attachments: attachmentsOf(row).map((a, ai) => {
        const id = ids.to(a.id, `${path}.attachments[${ai}].id`);
        const folder = attachmentFolder(a.id);
        const name = Object.keys(entries).find((n) => n.startsWith(folder));
        if (!name) return refuse(`${path}.attachments[${ai}]`, 'missingInArchive');
        const key = `tickets/${tenantId}/${ticketId}/${id}`;
        puts.push({ key, bytes: entries[name]!, contentType: a.contentType, meta: { name: a.name } });
        return { ...a, id, key };
      }),
    };
  });
  const newEmails = emails.map((r, i) => ({
    ...r,
    id: ids.to(String(r.id), `${f.emails}[${i}].id`),
    clientId: ids.maybe(r.clientId, `${f.emails}[${i}].clientId`),
    documentId: ids.maybe(r.documentId, `${f.emails}[${i}].documentId`),
    ticketMessageId: ids.maybe(r.ticketMessageId, `${f.emails}[${i}].ticketMessageId`),
    idempotencyKey: ids.inText(r.idempotencyKey),
  }));
  const newAudit = audit.map((r, i) => ({
    ...r,
    id: ids.to(String(r.id), `${f.audit}[${i}].id`),
    // Lines about the business itself (settings, logo, templates) now name this business.
    subjectId: r.subjectType === 'business' ? tenantId : ids.ifKnown(r.subjectId),
    detail: r.detail
      ? Object.fromEntries(Object.entries(r.detail).map(([k, v]) => [k, ids.inText(v)]))
      : null,
  }));
  const business = { ...profile, logoKey: needLogo(profile.logoKey, `${SETTINGS_FILE}.business.logoKey`) };

  // Issued documents print from their snapshot: the archive's PDF is stored where this
  // business's copy of the document will look for it, so it is served as it was, not redrawn.
  for (const [i, doc] of newDocuments.entries()) {
    const old = documents[i]!;
    const pdf = entries[`pdfs/${String(old.id)}.pdf`];
    if (!doc.snapshot || !pdf) continue;
    const plan = await planPdf(ctx, asDocumentRow(doc, tenantId));
    puts.push({
      key: plan.key,
      bytes: pdf,
      contentType: 'application/pdf',
      meta: { tenantId, documentId: doc.id },
    });
  }

  const billed = await billingRowsFor(ctx, billing, ids, entries, needLogo, puts);

  const written: string[] = [];
  try {
    for (const p of puts) {
      await ctx.files.put(p.key, p.bytes, {
        httpMetadata: { contentType: p.contentType },
        customMetadata: p.meta,
      });
      written.push(p.key);
    }
    const rows: [ImportTable, Row[]][] = [
      ['clients', newClients],
      ['documents', newDocuments],
      ['payments', newPayments],
      ...billed.rows,
      ['templates', newTemplates],
      ['tickets', newTickets],
      ['messages', newMessages],
      ['emails', newEmails],
      ['audit', newAudit],
      ['sequences', settings.numbering],
    ];
    const counts: ImportCounts = {
      clients: newClients.length,
      documents: newDocuments.length,
      payments: newPayments.length,
      templates: newTemplates.length,
      tickets: newTickets.length,
      messages: newMessages.length,
      emails: newEmails.length,
      auditLog: newAudit.length,
      ...billed.counts,
      files: puts.length,
    };
    const [first, ...rest] = [
      restoreBusinessStatement(ctx.db, tenantId, business, ctx.now),
      clearNumberingStatement(ctx.db, tenantId),
      ...rows.flatMap(([table, list]) => insertRowsStatements(ctx.db, table, tenantId, list)),
      auditLine(
        ctx,
        'data.imported',
        { type: 'business', id: tenantId },
        {
          from: manifest.business.id,
          clients: counts.clients,
          documents: counts.documents,
        },
      ),
    ];
    await ctx.db.batch([first!, ...rest]);
    return counts;
  } catch (err) {
    if (written.length > 0) await ctx.files.delete(written).catch(() => {});
    throw err;
  }
}

function attachmentsOf(
  row: Row,
): { id: string; name: string; contentType: string; size: number; key: string }[] {
  const list = row.attachments;
  return Array.isArray(list) ? list : [];
}

function profileSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const c of BUSINESS_PROFILE_COLUMNS()) {
    const base =
      c.key === 'reminderSteps'
        ? ArchivedReminderStepsSchema
        : c.kind === 'timestamp'
          ? z.iso.datetime()
          : c.kind === 'integer'
            ? z.number().int()
            : c.kind === 'boolean'
              ? z.boolean()
              : z.string().max(10_000);
    shape[c.key] = c.nullable ? base.nullable().optional() : c.hasDefault ? base.optional() : base;
  }
  return z.preprocess(withReminderSteps, z.object(shape));
}

/** Steps as settings take them, kept in date order and one per day, as the settings page keeps them. */
const ArchivedReminderStepsSchema = ReminderStepsInputSchema.transform((steps, ctx) => {
  try {
    return checkedSteps(steps);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'reminderStepTwice' });
    return z.NEVER;
  }
});

/**
 * Archives made before reminder steps carry the single rule that preceded them (on, and N days
 * after the due date): it becomes the one step the migration gave every such business.
 */
function withReminderSteps(business: unknown): unknown {
  if (typeof business !== 'object' || business === null || 'reminderSteps' in business) return business;
  const old = business as { remindersEnabled?: unknown; reminderDaysAfterDue?: unknown };
  const steps =
    old.remindersEnabled === true && typeof old.reminderDaysAfterDue === 'number'
      ? [{ offsetDays: old.reminderDaysAfterDue }]
      : [];
  return { ...business, reminderSteps: steps };
}

/** The document as the row the PDF cache will read, times back as dates. */
function asDocumentRow(doc: Row, tenantId: string): DocumentRow {
  const out: Row = { ...doc, tenantId };
  for (const k of ['sentAt', 'viewedAt', 'decidedAt', 'voidedAt', 'createdAt', 'updatedAt']) {
    const v = out[k];
    out[k] = typeof v === 'string' ? new Date(v) : (v ?? null);
  }
  return out as DocumentRow;
}
