export type { Db, Schema } from './db';
export { type IdPrefix, newId } from './ids';
export { type Cursor, decodeCursor, encodeCursor, type Page } from './pagination';
export * from './queries/auth';
export * from './queries/clients';
export * from './queries/tenants';
export * as schema from './schema';
export type { ApiKey, Role, Tenant, User } from './schema';
