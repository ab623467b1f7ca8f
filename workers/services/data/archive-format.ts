import { type ColumnShape, type ImportTable, importColumns } from '@clientele/db';
import { z } from '@hono/zod-openapi';

/**
 * The export archive: one JSON file per kind of row, the business's settings, a manifest,
 * and the files (issued PDFs, ticket attachments, logos) under folders. Imports read the
 * same names, so the two sides cannot drift apart.
 */
export const ARCHIVE_FORMAT = 'clientele-export';
/** Bumped when a file's shape changes in a way an older import could not read. */
export const ARCHIVE_VERSION = 1;

export const ROW_FILES = {
  clients: 'clients.json',
  documents: 'documents.json',
  payments: 'payments.json',
  templates: 'templates.json',
  tickets: 'tickets.json',
  emails: 'emails.json',
  audit: 'audit-log.json',
} as const;
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
  version: z.literal(ARCHIVE_VERSION),
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
  return c.nullable ? base.nullable().optional() : base;
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

export const SettingsFileSchema = z.object({
  business: z.record(z.string(), z.unknown()),
  numbering: z.array(rowSchema('sequences')),
});
