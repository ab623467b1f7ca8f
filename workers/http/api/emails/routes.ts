import type { Router } from '../router';
import { registerListDevOutbox } from './list-dev-outbox';
import { registerListEmails } from './list-emails';

export function registerEmailRoutes(app: Router) {
  registerListEmails(app);
  registerListDevOutbox(app);
}
