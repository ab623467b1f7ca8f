import type { Db, Role } from '@clientele/db';

export interface Auth {
  tenantId: string;
  /** Null for API keys, which act for the tenant rather than a person. */
  userId: string | null;
  email: string | null;
  role: Role;
  via: 'session' | 'apiKey';
}

export interface HonoEnv {
  Bindings: Env;
  Variables: { db: Db; auth: Auth };
}
