import { isLanguage, MESSAGES } from '@clientele/core';
import {
  advanceExport,
  type BusinessRows,
  businessRows,
  creditNotesByIds,
  type DataExportRow,
  documentsByIds,
  exportRequester,
  failExport,
  getExport,
  getTenant,
} from '@clientele/db';
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import type { AppContext, TenantContext } from '../context';
import { forTenant } from '../context';
import { planCreditNotePdf } from '../credit-notes/pdf';
import { type LogoCache, pdfFromPlan, planPdf } from '../documents/pdf';
import { errorText } from '../log';
import { queueAccountEmail } from '../mail/account-mail';
import { PartWriter } from '../portal/zip';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  attachmentPath,
  logoPath,
  MANIFEST_FILE,
  pdfPath,
  ROW_FILES,
  SETTINGS_FILE,
} from './archive-format';

/** A queue job building one export; every step reads where the build is from its row. */
export interface ExportJob {
  type: 'export';
  tenantId: string;
  exportId: string;
}

export function isExportJob(body: unknown): body is ExportJob {
  const j = body as Partial<ExportJob> | null;
  return j?.type === 'export' && typeof j.tenantId === 'string' && typeof j.exportId === 'string';
}

export async function enqueueExport(ctx: AppContext, job: Omit<ExportJob, 'type'>) {
  await ctx.queue.send({ type: 'export', ...job } satisfies ExportJob, { contentType: 'json' });
}

/** The download link (and the file) lasts a week. */
export const EXPORT_DAYS = 7;

/**
 * Files per queue message: rendering a missing PDF takes ~35 ms of CPU, and every file is
 * an R2 read; 100 keeps a step well inside a queue invocation's CPU time and subrequests.
 */
const FILES_PER_STEP = 100;
/** …and at most this many known bytes (attachments can be 10 MB each), for memory. */
const BYTES_PER_STEP = 24 * 1024 * 1024;

/** One file of the archive and where its bytes come from. */
type PlannedFile =
  | { path: string; documentId: string }
  | { path: string; creditNoteId: string }
  | { path: string; key: string; size: number };

const staging = (tenantId: string, exportId: string) => `exports/${tenantId}/${exportId}/`;
const partKey = (tenantId: string, exportId: string, step: number) =>
  `${staging(tenantId, exportId)}part-${step}.zip`;
const planKey = (tenantId: string, exportId: string) => `${staging(tenantId, exportId)}plan.json`;
export const archiveKey = (tenantId: string, exportId: string) =>
  `${staging(tenantId, exportId)}clientele-export.zip`;

/** A step that can never succeed however often it is retried (a file gone from R2). */
export class ExportBroken extends Error {}

/**
 * One step of an export's build, as the job's attempt `attempt` of it. Idempotent: each step
 * writes the same R2 object whatever runs it, and only the job that moves the row on from
 * the step it read hands the next step to the queue; a duplicate or late message finds the
 * row further on and stops.
 */
export async function runExportJob(app: AppContext, job: ExportJob, attempt: number, maxRetries: number) {
  const ctx = forTenant(app, job.tenantId, new Date());
  const row = await getExport(ctx.db, job.tenantId, job.exportId);
  if (!row || row.status === 'ready' || row.status === 'failed') return;
  try {
    const more = await runStep(ctx, row);
    if (more) await enqueueExport(ctx, { tenantId: job.tenantId, exportId: job.exportId });
  } catch (err) {
    const final = err instanceof ExportBroken || attempt > maxRetries;
    ctx.log.warn('export step failed', {
      exportId: row.id,
      step: row.step,
      attempt,
      final,
      error: errorText(err),
    });
    if (!final) throw err;
    await failExport(ctx.db, ctx.tenantId, row.id, errorText(err), ctx.now);
    await removeStaging(ctx, row, row.steps ?? 0);
  }
}

/** Runs the row's current step; true when there is a next one to queue. */
async function runStep(ctx: TenantContext, row: DataExportRow): Promise<boolean> {
  if (row.step === 0) return gatherRows(ctx, row);
  const steps = row.steps ?? 0;
  if (row.step <= steps) return storeFiles(ctx, row, steps);
  return assemble(ctx, row, steps);
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

const withoutTenant = <T extends { tenantId?: unknown }>(row: T) => {
  const { tenantId: _t, ...rest } = row;
  return rest;
};

/** The rows as the archive's JSON files, and the files it needs. */
export function archiveOf(rows: BusinessRows, createdAt: Date) {
  const business = rows.business;
  if (!business) throw new ExportBroken('business not found');
  const messagesByTicket = new Map<string, BusinessRows['messages']>();
  for (const m of rows.messages) {
    const list = messagesByTicket.get(m.ticketId) ?? [];
    list.push(m);
    messagesByTicket.set(m.ticketId, list);
  }
  const { closedAt: _c, requireTwoFactor: _r, ...profile } = business;
  const files: Record<string, unknown> = {
    [ROW_FILES.clients]: rows.clients.map(withoutTenant),
    [ROW_FILES.documents]: rows.documents.map(withoutTenant),
    [ROW_FILES.payments]: rows.payments.map(withoutTenant),
    [ROW_FILES.templates]: rows.templates.map(withoutTenant),
    [ROW_FILES.tickets]: rows.tickets.map((t) => ({
      ...withoutTenant(t),
      messages: (messagesByTicket.get(t.id) ?? []).map(withoutTenant),
    })),
    [ROW_FILES.emails]: rows.emails.map((e) => {
      const { activityId: _a, ...rest } = withoutTenant(e);
      return rest;
    }),
    [ROW_FILES.audit]: rows.audit.map(withoutTenant),
    [ROW_FILES.creditNotes]: rows.creditNotes.map(withoutTenant),
    [ROW_FILES.credits]: rows.credits.map(withoutTenant),
    [ROW_FILES.recurring]: rows.recurring.map((r) => ({
      ...withoutTenant(r),
      runs: rows.recurringRuns.filter((run) => run.recurringId === r.id).map(withoutTenant),
    })),
    [SETTINGS_FILE]: { business: profile, numbering: rows.sequences.map(withoutTenant) },
  };

  const planned: PlannedFile[] = [];
  for (const d of rows.documents) if (d.snapshot) planned.push({ path: pdfPath(d.id), documentId: d.id });
  for (const n of rows.creditNotes) planned.push({ path: pdfPath(n.id), creditNoteId: n.id });
  for (const m of rows.messages) {
    for (const a of m.attachments)
      planned.push({ path: attachmentPath(a.id, a.name), key: a.key, size: a.size });
  }
  const logos = new Set<string>();
  if (business.logoKey) logos.add(business.logoKey);
  for (const d of rows.documents) if (d.snapshot?.seller.logoKey) logos.add(d.snapshot.seller.logoKey);
  for (const n of rows.creditNotes) if (n.snapshot.seller.logoKey) logos.add(n.snapshot.seller.logoKey);
  for (const key of logos) planned.push({ path: logoPath(key), key, size: 0 });

  files[MANIFEST_FILE] = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: createdAt.toISOString(),
    business: { id: business.id, name: business.name },
    counts: {
      clients: rows.clients.length,
      documents: rows.documents.length,
      payments: rows.payments.length,
      templates: rows.templates.length,
      tickets: rows.tickets.length,
      messages: rows.messages.length,
      emails: rows.emails.length,
      auditLog: rows.audit.length,
      creditNotes: rows.creditNotes.length,
      clientCredits: rows.credits.length,
      recurringInvoices: rows.recurring.length,
      recurringRuns: rows.recurringRuns.length,
      files: planned.length,
    },
    files: planned.map((p) => p.path),
  };
  return { files, planned };
}

function chunksOf(planned: PlannedFile[]): PlannedFile[][] {
  const chunks: PlannedFile[][] = [];
  let chunk: PlannedFile[] = [];
  let bytes = 0;
  for (const p of planned) {
    const size = 'size' in p ? p.size : 100_000;
    if (chunk.length > 0 && (chunk.length >= FILES_PER_STEP || bytes + size > BYTES_PER_STEP)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(p);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Step 0: every row, as of now, into the JSON files; and the plan of the files to fetch. */
async function gatherRows(ctx: TenantContext, row: DataExportRow): Promise<boolean> {
  const { files, planned } = archiveOf(await businessRows(ctx.db, ctx.tenantId), row.createdAt);
  const chunks = chunksOf(planned);
  const entries: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(files)) entries[name] = json(value);
  await ctx.files.put(partKey(ctx.tenantId, row.id, 0), zipSync(entries, { level: 6 }));
  await ctx.files.put(planKey(ctx.tenantId, row.id), JSON.stringify(chunks));
  return advanceExport(ctx.db, ctx.tenantId, row.id, 0, {
    status: 'running',
    steps: chunks.length,
    progress: progressAt(1, chunks.length),
  });
}

/** Rows are a tenth of the work, files most of it, the assembly the last tenth. */
function progressAt(step: number, steps: number): number {
  return Math.min(90, 10 + Math.floor((80 * (step - 1)) / Math.max(1, steps)));
}

/** Step n: the n-th chunk of files, stored as one ZIP part in R2. */
async function storeFiles(ctx: TenantContext, row: DataExportRow, steps: number): Promise<boolean> {
  const plan = await ctx.files.get(planKey(ctx.tenantId, row.id));
  if (!plan) throw new ExportBroken('the export plan is missing');
  const chunks = (await plan.json()) as PlannedFile[][];
  const chunk = chunks[row.step - 1] ?? [];
  const docIds = chunk.flatMap((p) => ('documentId' in p ? [p.documentId] : []));
  const noteIds = chunk.flatMap((p) => ('creditNoteId' in p ? [p.creditNoteId] : []));
  const [docs, notes] = await Promise.all([
    documentsByIds(ctx.db, ctx.tenantId, docIds).then((list) => new Map(list.map((d) => [d.id, d]))),
    creditNotesByIds(ctx.db, ctx.tenantId, noteIds).then((list) => new Map(list.map((n) => [n.id, n]))),
  ]);
  const logos: LogoCache = new Map();
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const p of chunk) {
    let bytes: Uint8Array;
    if ('documentId' in p || 'creditNoteId' in p) {
      const doc = 'documentId' in p ? docs.get(p.documentId) : undefined;
      const note = 'creditNoteId' in p ? notes.get(p.creditNoteId) : undefined;
      // Deleted since the rows were read: the JSON says what it was.
      const plan = doc ? await planPdf(ctx, doc) : note ? await planCreditNotePdf(ctx, note) : null;
      if (!plan) continue;
      const pdf = await pdfFromPlan(ctx, plan, logos);
      bytes =
        pdf.body instanceof Uint8Array
          ? pdf.body
          : new Uint8Array(await new Response(pdf.body).arrayBuffer());
    } else {
      const object = await ctx.files.get(p.key);
      if (!object) throw new ExportBroken(`file missing from storage: ${p.path}`);
      bytes = new Uint8Array(await object.arrayBuffer());
    }
    // PDFs and images are compressed already: stored as they are.
    entries[p.path] = [bytes, { level: 0 }];
  }
  await ctx.files.put(partKey(ctx.tenantId, row.id, row.step), zipSync(entries));
  return advanceExport(ctx.db, ctx.tenantId, row.id, row.step, { progress: progressAt(row.step + 1, steps) });
}

/** Last step: the parts streamed into one ZIP in R2, then the person who asked is told. */
async function assemble(ctx: TenantContext, row: DataExportRow, steps: number): Promise<boolean> {
  const key = archiveKey(ctx.tenantId, row.id);
  const upload = await ctx.files.createMultipartUpload(key, {
    httpMetadata: { contentType: 'application/zip' },
    customMetadata: { tenantId: ctx.tenantId, exportId: row.id },
  });
  const out = new PartWriter(upload);
  const pending: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else pending.push(chunk);
  });
  const drain = async () => {
    if (zipError) throw zipError;
    while (pending.length) await out.write(pending.shift()!);
  };
  const mtime = row.createdAt;
  try {
    for (let step = 0; step <= steps; step++) {
      const part = await ctx.files.get(partKey(ctx.tenantId, row.id, step));
      if (!part) throw new ExportBroken(`part ${step} of the export is missing`);
      const entries = unzipSync(new Uint8Array(await part.arrayBuffer()));
      for (const [name, bytes] of Object.entries(entries)) {
        const entry = step === 0 ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
        entry.mtime = mtime;
        zip.add(entry);
        entry.push(bytes, true);
        await drain();
      }
    }
    zip.end();
    await drain();
    await out.complete();
  } catch (err) {
    await upload.abort().catch(() => {});
    throw err;
  }
  const stored = await ctx.files.head(key);
  const finishedAt = new Date();
  const moved = await advanceExport(ctx.db, ctx.tenantId, row.id, row.step, {
    status: 'ready',
    progress: 100,
    fileKey: key,
    bytes: stored?.size ?? null,
    finishedAt,
    expiresAt: new Date(finishedAt.getTime() + EXPORT_DAYS * 86_400_000),
  });
  if (moved) {
    await removeStaging(ctx, row, steps);
    await tellRequester(ctx, row);
  }
  return false;
}

async function removeStaging(ctx: TenantContext, row: DataExportRow, steps: number) {
  const keys = [planKey(ctx.tenantId, row.id)];
  for (let s = 0; s <= steps; s++) keys.push(partKey(ctx.tenantId, row.id, s));
  await ctx.files.delete(keys).catch(() => {});
}

async function tellRequester(ctx: TenantContext, row: DataExportRow) {
  if (!row.requestedBy) return;
  const person = await exportRequester(ctx.db, row.requestedBy);
  if (!person) return;
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  const locale = person.locale ?? tenant?.locale ?? 'en';
  const words = MESSAGES[isLanguage(locale) ? locale : 'en'].exportMail;
  await queueAccountEmail(ctx, {
    kind: 'account_export_ready',
    to: person.email,
    subject: words.subject(tenant?.name ?? ''),
    paragraphs: [words.ready(tenant?.name ?? ''), words.expires(EXPORT_DAYS)],
    link: { url: `${ctx.config.publicUrl.replace(/\/+$/, '')}/settings/data`, label: words.open },
    idempotencyKey: `export:${row.id}`,
  });
}
