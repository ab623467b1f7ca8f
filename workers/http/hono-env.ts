import type { Db, Role } from '@clientele/db';
import type { AppContext } from '../services/context';

export interface Auth {
  tenantId: string;
  /** Null for API keys, which act for the tenant rather than a person. */
  userId: string | null;
  email: string | null;
  /** Who the audit log names: the person's name (or email), the key's name. */
  name: string | null;
  role: Role;
  via: 'session' | 'apiKey';
  /** Who exactly is calling: `user:<id>` for a session, `key:<id>` for an API key. */
  principal: string;
  /** The session's public id (`ses_…`), null for API keys: "this device" in the list of devices. */
  sessionId: string | null;
}

export interface HonoEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** This request's context (`invocationContext`); routes narrow it with `tenantContext(c)`. */
    ctx: AppContext;
    /** Statements run so far by this request. */
    queries: () => number;
    db: Db;
    auth: Auth;
    /** Set by a handler whose response holds a secret (see `responseHoldsSecret`). */
    secretResourceId?: string;
  };
}
