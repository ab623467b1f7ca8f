import { integer } from 'drizzle-orm/sqlite-core';

/** Millisecond timestamps: sortable integers in SQL, `Date` in TypeScript. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
