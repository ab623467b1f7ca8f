import { and, asc, desc, eq, getTableColumns, is, isNotNull, lte, SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import {
  auditLog,
  clientCredits,
  clients,
  creditNotes,
  dataExports,
  documents,
  emails,
  emailTemplates,
  numberSequences,
  payments,
  recurringInvoices,
  recurringRuns,
  tenants,
  ticketMessages,
  tickets,
  users,
} from '../schema';
import { billingRows } from './billing-exports';

export type DataExportRow = typeof dataExports.$inferSelect;

/** The new export, as a statement for the batch that also writes its audit line. */
export function insertExport(
  db: Db,
  tenantId: string,
  e: { id: string; requestedBy: string | null },
  now: Date,
) {
  return db.insert(dataExports).values({
    id: e.id,
    tenantId,
    status: 'queued',
    progress: 0,
    requestedBy: e.requestedBy,
    createdAt: now,
  });
}

export async function getExport(db: Db, tenantId: string, id: string): Promise<DataExportRow | undefined> {
  return db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.tenantId, tenantId), eq(dataExports.id, id)))
    .get();
}

export async function listExports(db: Db, tenantId: string, limit: number): Promise<DataExportRow[]> {
  return db
    .select()
    .from(dataExports)
    .where(eq(dataExports.tenantId, tenantId))
    .orderBy(desc(dataExports.createdAt), desc(dataExports.id))
    .limit(limit)
    .all();
}

/**
 * Moves the build on from `fromStep`, only if no other job got there first: true when this
 * call made the move (and so may hand the next step to the queue).
 */
export async function advanceExport(
  db: Db,
  tenantId: string,
  id: string,
  fromStep: number,
  patch: Partial<
    Pick<DataExportRow, 'status' | 'progress' | 'steps' | 'fileKey' | 'bytes' | 'finishedAt' | 'expiresAt'>
  >,
): Promise<boolean> {
  const res = await db
    .update(dataExports)
    .set({ ...patch, step: fromStep + 1 })
    .where(
      and(
        eq(dataExports.tenantId, tenantId),
        eq(dataExports.id, id),
        eq(dataExports.step, fromStep),
        sql`${dataExports.status} IN ('queued', 'running')`,
      ),
    )
    .run();
  return changedRows(res) === 1;
}

export async function failExport(db: Db, tenantId: string, id: string, error: string, now: Date) {
  await db
    .update(dataExports)
    .set({ status: 'failed', error: error.slice(0, 500), finishedAt: now })
    .where(
      and(
        eq(dataExports.tenantId, tenantId),
        eq(dataExports.id, id),
        sql`${dataExports.status} IN ('queued', 'running')`,
      ),
    )
    .run();
}

function changedRows(res: unknown): number {
  const r = res as { meta?: { changes?: number }; rowsAffected?: number };
  return r.meta?.changes ?? r.rowsAffected ?? 0;
}

/** The person who asked for an export, to tell them when it is ready. */
export async function exportRequester(db: Db, userId: string) {
  return db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/**
 * Everything a business owns that an export carries, oldest first (ids break ties), so
 * the same data always gives the same files.
 */
export async function businessRows(db: Db, tenantId: string) {
  const [
    business,
    clientRows,
    documentRows,
    paymentRows,
    templateRows,
    ticketRows,
    messageRows,
    emailRows,
    auditRows,
    sequenceRows,
    billing,
  ] = await Promise.all([
    db.select().from(tenants).where(eq(tenants.id, tenantId)).get(),
    db
      .select()
      .from(clients)
      .where(eq(clients.tenantId, tenantId))
      .orderBy(asc(clients.createdAt), asc(clients.id))
      .all(),
    db
      .select()
      .from(documents)
      .where(eq(documents.tenantId, tenantId))
      .orderBy(asc(documents.createdAt), asc(documents.id))
      .all(),
    db
      .select()
      .from(payments)
      .where(eq(payments.tenantId, tenantId))
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .all(),
    db
      .select()
      .from(emailTemplates)
      .where(eq(emailTemplates.tenantId, tenantId))
      .orderBy(asc(emailTemplates.scope), asc(emailTemplates.kind), asc(emailTemplates.language))
      .all(),
    db
      .select()
      .from(tickets)
      .where(eq(tickets.tenantId, tenantId))
      .orderBy(asc(tickets.createdAt), asc(tickets.id))
      .all(),
    db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.tenantId, tenantId))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
      .all(),
    db
      .select()
      .from(emails)
      .where(eq(emails.tenantId, tenantId))
      .orderBy(asc(emails.createdAt), asc(emails.id))
      .all(),
    db
      .select()
      .from(auditLog)
      .where(eq(auditLog.tenantId, tenantId))
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .all(),
    db
      .select()
      .from(numberSequences)
      .where(eq(numberSequences.tenantId, tenantId))
      .orderBy(asc(numberSequences.scope))
      .all(),
    billingRows(db, tenantId),
  ]);
  return {
    business,
    clients: clientRows,
    documents: documentRows,
    payments: paymentRows,
    templates: templateRows,
    tickets: ticketRows,
    messages: messageRows,
    emails: emailRows,
    audit: auditRows,
    sequences: sequenceRows,
    ...billing,
  };
}

export type BusinessRows = Awaited<ReturnType<typeof businessRows>>;

/** Issued documents of a business by id, for one chunk of an export's PDFs. */
export async function documentsByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        sql`${documents.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      ),
    )
    .all();
}

/** A business with no clients and no documents: the only kind an import may fill. */
export async function businessIsEmpty(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .select({
      n: sql<number>`(SELECT count(*) FROM ${clients} WHERE ${clients.tenantId} = ${tenantId}) + (SELECT count(*) FROM ${documents} WHERE ${documents.tenantId} = ${tenantId})`,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .get();
  return (row?.n ?? 0) === 0;
}

/** The tables an import writes, by the name its rows travel under. */
export const IMPORT_TABLES = {
  clients,
  documents,
  payments,
  templates: emailTemplates,
  tickets,
  messages: ticketMessages,
  emails,
  audit: auditLog,
  sequences: numberSequences,
  creditNotes,
  credits: clientCredits,
  recurring: recurringInvoices,
  recurringRuns,
} as const;
export type ImportTable = keyof typeof IMPORT_TABLES;

/** What a column holds, for checking an archive's rows before anything is written. */
export interface ColumnShape {
  key: string;
  kind: 'text' | 'integer' | 'timestamp' | 'boolean' | 'json';
  nullable: boolean;
  /** The database fills it when a row leaves it out (so an archive from before the column may too). */
  hasDefault: boolean;
  enumValues: readonly string[] | null;
}

function shapeOf(key: string, column: SQLiteColumn): ColumnShape {
  const type = column.columnType;
  const kind: ColumnShape['kind'] =
    type === 'SQLiteTimestamp'
      ? 'timestamp'
      : type === 'SQLiteBoolean'
        ? 'boolean'
        : type === 'SQLiteTextJson'
          ? 'json'
          : type.startsWith('SQLiteInteger')
            ? 'integer'
            : 'text';
  const values = column.enumValues;
  return {
    key,
    kind,
    nullable: !column.notNull,
    hasDefault: column.hasDefault,
    enumValues: values && values.length > 0 ? values : null,
  };
}

/** The columns of an import table (the business id aside: an import writes its own). */
export function importColumns(table: ImportTable): ColumnShape[] {
  return Object.entries(getTableColumns(IMPORT_TABLES[table] as SQLiteTable))
    .filter(([key]) => key !== 'tenantId')
    .map(([key, column]) => shapeOf(key, column as SQLiteColumn));
}

/** D1 takes one statement of at most 100 KB; rows travel as one JSON parameter of about this size. */
const CHUNK_CHARS = 512 * 1024;

/** What the database would write for a column a row leaves out (an archive from before it). */
function columnDefault(c: SQLiteColumn): unknown {
  return c.defaultFn ? c.defaultFn() : is(c.default, SQL) ? undefined : c.default;
}

/**
 * Rows (already checked, with their new ids) as few INSERT statements: each carries its rows
 * as one JSON parameter read with `json_each`, so a thousand invoices are a handful of
 * statements, not a thousand, and never meet D1's 100-parameter limit.
 */
export function insertRowsStatements(
  db: Db,
  table: ImportTable,
  tenantId: string,
  rows: Record<string, unknown>[],
) {
  const t = IMPORT_TABLES[table] as SQLiteTable;
  const columns = Object.entries(getTableColumns(t)) as [string, SQLiteColumn][];
  const picks = sql.join(
    columns.map((_, i) => sql.raw(`json_extract(value, '$[${i}]')`)),
    sql`, `,
  );
  const encoded = rows.map((row) =>
    columns.map(([key, c]) => {
      const value = key === 'tenantId' ? tenantId : row[key] === undefined ? columnDefault(c) : row[key];
      if (value === null || value === undefined) return null;
      // Archives carry times as ISO text; the column keeps milliseconds.
      if (c.columnType === 'SQLiteTimestamp' && typeof value === 'string') return new Date(value).getTime();
      return c.mapToDriverValue(value);
    }),
  );
  const statements: ReturnType<ReturnType<Db['insert']>['select']>[] = [];
  let chunk: unknown[][] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    statements.push(
      // A raw statement cannot join a drizzle batch with parameters; insert…select can.
      db.insert(t).select(sql`SELECT ${picks} FROM json_each(${JSON.stringify(chunk)})`),
    );
    chunk = [];
    size = 0;
  };
  for (const values of encoded) {
    const length = JSON.stringify(values).length;
    if (size + length > CHUNK_CHARS) flush();
    chunk.push(values);
    size += length;
  }
  flush();
  return statements;
}

/** The business profile an import restores (its id, creation and account state stay its own). */
export function restoreBusinessStatement(
  db: Db,
  tenantId: string,
  profile: Record<string, unknown>,
  now: Date,
) {
  const set: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(tenants))) {
    if (['id', 'createdAt', 'closedAt', 'requireTwoFactor'].includes(key) || !(key in profile)) continue;
    const value = profile[key];
    set[key] =
      column.columnType === 'SQLiteTimestamp' && typeof value === 'string'
        ? new Date(value)
        : (value ?? null);
  }
  return db
    .update(tenants)
    .set({ ...set, updatedAt: set.updatedAt instanceof Date ? set.updatedAt : now })
    .where(eq(tenants.id, tenantId));
}

/** An import brings its numbering with it: the business's own (none yet, being empty) makes way. */
export function clearNumberingStatement(db: Db, tenantId: string) {
  return db.delete(numberSequences).where(eq(numberSequences.tenantId, tenantId));
}

export const BUSINESS_PROFILE_COLUMNS = (): ColumnShape[] =>
  Object.entries(getTableColumns(tenants))
    .filter(([key]) => !['id', 'createdAt', 'closedAt', 'requireTwoFactor'].includes(key))
    .map(([key, column]) => shapeOf(key, column as SQLiteColumn));

/** Ready exports past their download window whose ZIP is still stored, oldest first. */
export async function expiredExportFiles(db: Db, now: Date, limit: number) {
  return db
    .select({ id: dataExports.id, tenantId: dataExports.tenantId, fileKey: dataExports.fileKey })
    .from(dataExports)
    .where(and(isNotNull(dataExports.fileKey), lte(dataExports.expiresAt, now)))
    .orderBy(asc(dataExports.expiresAt))
    .limit(limit)
    .all();
}

/** The export's ZIP is gone: its row stays (the list shows it expired), without the file. */
export async function forgetExportFile(db: Db, tenantId: string, id: string) {
  await db
    .update(dataExports)
    .set({ fileKey: null })
    .where(and(eq(dataExports.tenantId, tenantId), eq(dataExports.id, id)))
    .run();
}
