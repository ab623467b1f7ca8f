import { and, desc, eq, getTableColumns, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, type Page, pageOf } from '../pagination';
import { type ClientRow, clients } from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';
import { endPortalAccessStatements } from './portal-access';

export interface ClientFields {
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  taxId: string | null;
  language: string;
  currency: string;
  notes: string | null;
}

export type Client = Omit<ClientRow, 'searchText'>;

/** A client with only a name; optional fields null, language and currency given. */
export function clientFields(
  name: string,
  defaults: Pick<ClientFields, 'language' | 'currency'>,
  over: Partial<ClientFields> = {},
): ClientFields {
  return {
    name,
    company: null,
    email: null,
    phone: null,
    street: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
    taxId: null,
    notes: null,
    ...defaults,
    ...over,
  };
}

/** Lower-cased with full Unicode case folding, which SQLite's LOWER() lacks. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function searchTextOf(c: Pick<ClientFields, 'name' | 'company' | 'email'>): string {
  return searchKey([c.name, c.company, c.email].filter(Boolean).join('\n'));
}

const { searchText: _omit, ...publicColumns } = getTableColumns(clients);
/** Every client column but the internal search key (for joins in other queries). */
export const clientColumns = publicColumns;

export interface ListClientsOptions {
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  archived?: boolean | undefined;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not valid');
  }
}

export async function listClients(db: Db, tenantId: string, opts: ListClientsOptions): Promise<Page<Client>> {
  const conditions = [
    eq(clients.tenantId, tenantId),
    opts.archived ? isNotNull(clients.archivedAt) : isNull(clients.archivedAt),
  ];
  const q = opts.q?.trim();
  // instr() instead of LIKE: no wildcard escaping and no cap on pattern length.
  if (q) conditions.push(sql`instr(${clients.searchText}, ${searchKey(q)}) > 0`);
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    conditions.push(or(lt(clients.createdAt, at), and(eq(clients.createdAt, at), lt(clients.id, c.id)))!);
  }
  const rows = await db
    .select(publicColumns)
    .from(clients)
    .where(and(...conditions))
    .orderBy(desc(clients.createdAt), desc(clients.id))
    .limit(opts.limit + 1)
    .all();
  return pageOf(rows, opts.limit);
}

export async function getClient(db: Db, tenantId: string, id: string): Promise<Client | undefined> {
  return db
    .select(publicColumns)
    .from(clients)
    .where(and(eq(clients.tenantId, tenantId), eq(clients.id, id)))
    .get();
}

export async function createClient(
  db: Db,
  tenantId: string,
  fields: ClientFields,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
): Promise<Client> {
  const id = newId('cli');
  const rows = await writeBeside(
    db,
    db
      .insert(clients)
      .values({ ...fields, id, tenantId, searchText: searchTextOf(fields), createdAt: now, updatedAt: now })
      .returning(publicColumns),
    beside(id),
  );
  return rows[0]!;
}

export async function updateClient(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<ClientFields>,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
): Promise<Client | undefined> {
  const current = await getClient(db, tenantId, id);
  if (!current) return undefined;
  const merged = { ...current, ...patch };
  const rows = await writeBeside(
    db,
    db
      .update(clients)
      .set({ ...patch, searchText: searchTextOf(merged), updatedAt: now })
      .where(and(eq(clients.tenantId, tenantId), eq(clients.id, id)))
      .returning(publicColumns),
    beside(id),
  );
  return rows[0];
}

/**
 * Archiving keeps the client (documents still point at it), hides it from lists and
 * ends its portal access in the same batch: links revoked, devices signed out.
 */
export async function archiveClient(
  db: Db,
  tenantId: string,
  id: string,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
): Promise<Client | undefined> {
  const current = await getClient(db, tenantId, id);
  if (!current) return undefined;
  if (current.archivedAt) return current;
  const [updated] = await db.batch([
    db
      .update(clients)
      .set({ archivedAt: now, portalDisabledAt: current.portalDisabledAt ?? now, updatedAt: now })
      .where(and(eq(clients.tenantId, tenantId), eq(clients.id, id)))
      .returning(publicColumns),
    ...beside(id),
    ...endPortalAccessStatements(db, tenantId, id, now),
  ]);
  return updated[0];
}

/**
 * Turns the client's portal access off (every link revoked, every device signed out, in
 * one batch) or back on (new links can then be issued; revoked ones stay revoked).
 */
export async function setPortalAccess(
  db: Db,
  tenantId: string,
  id: string,
  open: boolean,
  now = new Date(),
): Promise<Client | undefined> {
  const where = and(eq(clients.tenantId, tenantId), eq(clients.id, id));
  if (open) {
    return db
      .update(clients)
      .set({ portalDisabledAt: null, updatedAt: now })
      .where(where)
      .returning(publicColumns)
      .get();
  }
  const current = await getClient(db, tenantId, id);
  if (!current) return undefined;
  const [updated] = await db.batch([
    db
      .update(clients)
      .set({ portalDisabledAt: current.portalDisabledAt ?? now, updatedAt: now })
      .where(where)
      .returning(publicColumns),
    ...endPortalAccessStatements(db, tenantId, id, now),
  ]);
  return updated[0];
}

/**
 * Active clients with this email address in any business (the portal's "email me a
 * sign-in link"), at most `limit`. Case-insensitive the way SQLite's lower() is, which
 * the expression index matches.
 */
export async function findClientsByEmail(db: Db, email: string, limit = 10) {
  return db
    .select({ id: clients.id, tenantId: clients.tenantId })
    .from(clients)
    .where(
      and(
        sql`lower(${clients.email}) = lower(${email})`,
        isNull(clients.archivedAt),
        isNull(clients.portalDisabledAt),
      ),
    )
    .limit(limit)
    .all();
}
