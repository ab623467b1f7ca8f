/** Keyset position in a list ordered by (createdAt DESC, id DESC). */
export interface Cursor {
  createdAt: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return btoa(`${c.createdAt}:${c.id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Returns null for anything that is not a cursor this module produced. */
export function decodeCursor(raw: string): Cursor | null {
  try {
    const text = atob(raw.replaceAll('-', '+').replaceAll('_', '/'));
    const match = /^(\d{1,15}):([a-z]{3}_[0-9a-z]{1,40})$/.exec(text);
    if (!match) return null;
    return { createdAt: Number(match[1]), id: match[2]! };
  } catch {
    return null;
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Cuts a `limit + 1` query result into a page, with a cursor when more rows exist. */
export function pageOf<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt.getTime(), id: last.id }) : null,
  };
}

/** Cuts a `pageSize + 1` query result into a numbered page (the portal's lists). */
export function numberedPageOf<T>(rows: T[], pageSize: number): { rows: T[]; hasMore: boolean } {
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
