import { registerCreateApiKey } from '../api-keys/create-api-key';
import { registerListApiKeys } from '../api-keys/list-api-keys';
import { registerRevokeApiKey } from '../api-keys/revoke-api-key';
import type { Router } from '../router';
import { registerGetCurrentSession } from './get-current-session';
import { registerSignIn } from './sign-in';
import { registerSignOut } from './sign-out';
import { registerSignUp } from './sign-up';

export function registerAuthRoutes(app: Router) {
  registerSignUp(app);
  registerSignIn(app);
  registerGetCurrentSession(app);
  registerSignOut(app);
  registerCreateApiKey(app);
  registerListApiKeys(app);
  registerRevokeApiKey(app);
}
