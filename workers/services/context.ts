import type { Db } from '@clientele/db';

/** What every tenant-owned operation needs; tenantId always comes from the session or key. */
export interface TenantContext {
  db: Db;
  tenantId: string;
  now: Date;
}
