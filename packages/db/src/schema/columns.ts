import { integer, text } from 'drizzle-orm/sqlite-core';

/** Millisecond timestamps: sortable integers in SQL, `Date` in TypeScript. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** Postal address columns, shared by the business profile and client billing addresses. */
export const addressColumns = () => ({
  street: text('street'),
  city: text('city'),
  state: text('state'),
  postalCode: text('postal_code'),
  country: text('country'),
});
