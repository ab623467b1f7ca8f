import type { Db, Role } from '@clientele/db';

export interface Auth {
  tenantId: string;
  /** Null for API keys, which act for the tenant rather than a person. */
  userId: string | null;
  email: string | null;
  role: Role;
  via: 'session' | 'apiKey';
  /** Who exactly is calling: `user:<id>` for a session, `key:<id>` for an API key. */
  principal: string;
}

export interface HonoEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    auth: Auth;
    /** Set by a handler whose response holds a secret (see `responseHoldsSecret`). */
    secretResourceId?: string;
  };
}
