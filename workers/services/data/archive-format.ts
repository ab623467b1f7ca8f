import { type ColumnShape, type ImportTable, importColumns } from '@clientele/db';
import { z } from '@hono/zod-openapi';

/**
 * The export archive: one JSON file per kind of row, the business's settings, a manifest,
 * and the files (issued PDFs, ticket attachments, logos) under folders. Imports read the
 * same names, so the two sides cannot drift apart.
 */
export const ARCHIVE_FORMAT = 'clientele-export';
/**
 * Bumped when a file's shape changes in a way an older import could not read, or would
 * read only in part: version 2 added credit notes, client credit and recurring invoices, which
 * a version-1 import would silently leave out.
 */
export const ARCHIVE_VERSION = 2;
/** Versions an import reads: a version-1 archive simply has no billing files. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** The version that first carried `BILLING_FILES`. */
export const BILLING_SINCE = 2;

export const ROW_FILES = {
  clients: 'clients.json',
  documents: 'documents.json',
  payments: 'payments.json',
  templates: 'templates.json',
  tickets: 'tickets.json',
  emails: 'emails.json',
  audit: 'audit-log.json',
  creditNotes: 'credit-notes.json',
  credits: 'client-credits.json',
  recurring: 'recurring-invoices.json',
} as const;
/** The files an archive before `BILLING_SINCE` does not have. */
export const BILLING_FILES: readonly string[] = [
  ROW_FILES.creditNotes,
  ROW_FILES.credits,
  ROW_FILES.recurring,
];
export const SETTINGS_FILE = 'settings.json';
export const MANIFEST_FILE = 'manifest.json';

export const pdfPath = (documentId: string) => `pdfs/${documentId}.pdf`;
/** The attachment's own id keeps two files of the same name apart. */
export const attachmentPath = (attachmentId: string, name: string) =>
  `attachments/${attachmentId}/${
    [...name]
      .map((ch) => (ch < ' ' || '/\\:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .slice(0, 120) || 'file'
  }`;
export const attachmentFolder = (attachmentId: string) => `attachments/${attachmentId}/`;
/** Logo objects are content-addressed; the archive keeps their file names. */
export const logoPath = (logoKey: string) => `logos/${logoKey.split('/').pop()}`;

export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  createdAt: z.iso.datetime(),
  business: z.object({ id: z.string().min(1).max(64), name: z.string() }),
  counts: z.record(z.string(), z.number().int().min(0)),
  files: z.array(z.string().max(400)),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const AttachmentSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(300),
  contentType: z.string().max(200),
  size: z.number().int().min(0),
  key: z.string().max(400),
});

/** JSON columns an import looks inside; the others are kept as written. */
const JSON_COLUMNS: Record<string, z.ZodType> = {
  attachments: z.array(AttachmentSchema),
  lines: z.array(z.record(z.string(), z.unknown())),
  snapshot: z.record(z.string(), z.unknown()),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
};

function columnSchema(c: ColumnShape): z.ZodType {
  let base: z.ZodType;
  switch (c.kind) {
    case 'timestamp':
      base = z.iso.datetime();
      break;
    case 'integer':
      base = z.number().int();
      break;
    case 'boolean':
      base = z.boolean();
      break;
    case 'json':
      base = JSON_COLUMNS[c.key] ?? z.unknown();
      break;
    default:
      base = c.enumValues ? z.enum(c.enumValues as [string, ...string[]]) : z.string().max(100_000);
  }
  return c.nullable ? base.nullable().optional() : c.hasDefault ? base.optional() : base;
}

/** A row of `table` as the archive carries it: every column but the business id. */
export function rowSchema(table: ImportTable, omit: string[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of importColumns(table)) if (!omit.includes(c.key)) shape[c.key] = columnSchema(c);
  return z.object(shape);
}

/** Columns kept out of the archive: a notice's activity row stays with the business it happened to. */
export const OMITTED = { emails: ['activityId'] } as const;

export const TicketFileSchema = rowSchema('tickets').extend({
  messages: z.array(rowSchema('messages')),
});

/** A recurring profile with the runs that billed its periods (what keeps a period billed once). */
export const RecurringFileSchema = rowSchema('recurring').extend({
  runs: z.array(rowSchema('recurringRuns')),
});

export const SettingsFileSchema = z.object({
  business: z.record(z.string(), z.unknown()),
  numbering: z.array(rowSchema('sequences')),
});
